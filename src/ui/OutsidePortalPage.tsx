import { useTranslator } from './useTranslator.ts';

/** Shown when the page is opened directly, not inside a Bitrix24 frame: how to get there. */
export function OutsidePortalPage() {
  const translator = useTranslator();
  return (
    <main className="cd-page" data-testid="outside-portal">
      <div className="cd-page__logo" aria-hidden="true" />
      <h1 className="cd-page__title">{translator.t('outsideTitle')}</h1>
      <p>{translator.t('outsideBody')}</p>
      <p className="cd-muted">{translator.t('outsideSteps')}</p>
    </main>
  );
}
