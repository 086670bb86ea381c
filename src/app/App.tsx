import { useEffect, useMemo, useRef } from 'react';
import { createTranslator } from '../i18n/createTranslator.ts';
import { ChatDropPanel } from '../ui/ChatDropPanel.tsx';
import { ErrorDetails } from '../ui/ErrorDetails.tsx';
import { InstallPage } from '../ui/InstallPage.tsx';
import { OutsidePortalPage } from '../ui/OutsidePortalPage.tsx';
import { TranslatorContext } from '../ui/TranslatorContext.ts';
import { useTranslator } from '../ui/useTranslator.ts';
import type { Boot } from './Boot.ts';
import { startFailureAdvice } from './startFailureAdvice.ts';

/** The page for what `startChatDrop` found: outside a portal, install, or the widget itself. */
export function App({ boot }: { readonly boot: Boot | undefined }) {
  const translator = useMemo(() => createTranslator(boot?.lang), [boot?.lang]);
  useEffect(() => {
    document.documentElement.lang = translator.lang;
  }, [translator]);
  return (
    <TranslatorContext value={translator}>
      <AppPage boot={boot} />
    </TranslatorContext>
  );
}

function AppPage({ boot }: { readonly boot: Boot | undefined }) {
  const translator = useTranslator();
  if (!boot) {
    return (
      <main className="cd-page" aria-busy="true">
        <p className="cd-muted">{translator.t('loading')}</p>
      </main>
    );
  }
  switch (boot.kind) {
    case 'outside':
      return <OutsidePortalPage />;
    case 'failed':
      return (
        <main className="cd-page" data-testid="start-failed" data-code={boot.code}>
          <p className="cd-notice" role="alert">
            {translator.t(startFailureAdvice(boot.code))}
          </p>
          <ErrorDetails code={boot.code} />
        </main>
      );
    // ── Install slot: the install engineer's page (src/ui/InstallPage.tsx) ──────────────────
    case 'install':
      return <InstallPage {...boot.install} />;
    // ─────────────────────────────────────────────────────────────────────────────────────────
    case 'portal':
      return <PortalPage boot={boot} />;
  }
}

function PortalPage({ boot }: { readonly boot: Extract<Boot, { kind: 'portal' }> }) {
  const frame = useRef<HTMLDivElement>(null);
  const { fitFrame } = boot;
  useEffect(() => (frame.current ? fitFrame(frame.current) : undefined), [fitFrame]);
  return (
    <div ref={frame} className="cd-root">
      <ChatDropPanel
        queue={boot.queue}
        portal={boot.portal}
        placement={boot.placement}
        dialogId={boot.dialogId}
        ledger={boot.ledger}
      />
      {/* ── Install slot (manage mode): the install engineer's page ── */}
      {boot.manage && <InstallPage {...boot.manage} />}
    </div>
  );
}
