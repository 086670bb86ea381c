import { useEffect, useRef, type ComponentType } from 'react';
import type { Translator } from '../i18n/createTranslatorFrom.ts';
import type { ChatDropPanelProps } from '../ui/ChatDropPanelView.tsx';
import { ErrorDetails } from '../ui/ErrorDetails.tsx';
import type { InstallPageProps } from '../ui/InstallPage.tsx';
import { OutsidePortalPage } from '../ui/OutsidePortalPage.tsx';
import { TranslatorContext } from '../ui/TranslatorContext.ts';
import type { Boot } from './Boot.ts';
import { startFailureAdvice } from './startFailureAdvice.ts';

/**
 * The pages' larger parts, given by the caller: App.tsx passes them at hand, the widget's startup
 * (main.tsx) passes parts that are separate chunks, loaded before they are shown (issue 7).
 */
export interface AppParts {
  readonly InstallPage: ComponentType<InstallPageProps>;
  readonly ChatDropPanel: ComponentType<ChatDropPanelProps>;
}

export interface AppViewProps {
  readonly boot: Boot | undefined;
  readonly translator: Translator;
  readonly parts: AppParts;
}

/** The page for what `startChatDrop` found: outside a portal, install, or the widget itself. */
export function AppView({ boot, translator, parts }: AppViewProps) {
  useEffect(() => {
    // The BCP 47 tag, not Bitrix24's code: `br` is Breton to a browser, the portal means pt-BR.
    document.documentElement.lang = translator.locale;
    document.documentElement.dir = translator.dir;
  }, [translator]);
  return (
    <TranslatorContext value={translator}>
      <AppPage boot={boot} translator={translator} parts={parts} />
    </TranslatorContext>
  );
}

function AppPage({ boot, translator, parts }: AppViewProps) {
  const { InstallPage } = parts;
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
      return <PortalPage boot={boot} parts={parts} />;
  }
}

function PortalPage({
  boot,
  parts,
}: {
  readonly boot: Extract<Boot, { kind: 'portal' }>;
  readonly parts: AppParts;
}) {
  const { InstallPage, ChatDropPanel } = parts;
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
