import { useTranslator } from './useTranslator.ts';

/** A disclosure with the error code, for support; the main text stays the localized reason. */
export function ErrorDetails({ code }: { readonly code: string }) {
  const translator = useTranslator();
  return (
    <details className="cd-details">
      <summary>{translator.t('details')}</summary>
      <code className="cd-details__code">{translator.t('errorCode', { code })}</code>
    </details>
  );
}
