import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EagerApp as App } from '../support/EagerApp.tsx';
import type { Boot } from '../../../src/app/Boot.ts';
import { createUploadQueue } from '../../../src/core/index.ts';
import { createFakePortal } from '../support/createFakePortal.ts';
import { createFakeEncoder } from '../../support/doubles/createFakeEncoder.ts';
import { createFakeTransport } from '../../support/doubles/createFakeTransport.ts';
import '../support/componentEnvironment.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function portalBoot(overrides: Partial<Extract<Boot, { kind: 'portal' }>> = {}) {
  const stop = vi.fn();
  const fitFrame = vi.fn((_element: HTMLElement) => stop);
  const queue = createUploadQueue({
    transport: createFakeTransport().transport,
    encoder: createFakeEncoder(),
  });
  const boot: Boot = {
    kind: 'portal',
    lang: 'en',
    placement: 'IM_SIDEBAR',
    dialogId: 'chat5',
    queue,
    portal: createFakePortal().portal,
    ledger: undefined,
    fitFrame,
    dispose: () => queue.dispose(),
    ...overrides,
  };
  return { boot, fitFrame, stop, queue };
}

describe('App: one page for every way startChatDrop can end', () => {
  it('shows a loading line while the frame starts', () => {
    render(<App boot={undefined} />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
  });

  it('outside a portal: explains how to open Chat Drop, in the browser language, without console errors', () => {
    const errors = vi.spyOn(console, 'error');
    render(<App boot={{ kind: 'outside', lang: 'de-DE' }} />);
    expect(screen.getByTestId('outside-portal')).toHaveTextContent('Chat Drop läuft in Bitrix24');
    expect(document.documentElement.lang).toBe('de-DE');
    expect(errors).not.toHaveBeenCalled();
  });

  it.each([
    ['br', 'pt-BR', 'ltr'],
    ['sc', 'zh-CN', 'ltr'],
    ['ar', 'ar-SA', 'rtl'],
    ['en', 'en', 'ltr'],
  ])(
    'the page speaks the portal language %s as its BCP 47 tag %s, written %s',
    (lang, tag, dir) => {
      render(<App boot={{ kind: 'failed', lang, code: 'WIDGET_START_FAILED' }} />);
      expect(document.documentElement.lang).toBe(tag);
      expect(document.documentElement.dir).toBe(dir);
    },
  );

  it('failed start: a clear localized message and no technical text', () => {
    render(<App boot={{ kind: 'failed', lang: 'ru', code: 'WIDGET_START_FAILED' }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Chat Drop не удалось запустить');
    expect(alert).toHaveTextContent('Обновите страницу');
    expect(alert.textContent).not.toMatch(/Error|WIDGET_|at \w+ \(/);
  });

  it.each([
    ['WIDGET_FRAME_TIMEOUT', 'en', 'open Chat Drop again from the chat'],
    ['expired_token', 'en', 'open Chat Drop again from the chat'],
    ['ACCESS_DENIED', 'en', 'Ask your Bitrix24 administrator to reinstall the app'],
    ['user_access_error', 'de', 'die App neu zu installieren'],
    ['insufficient_scope', 'ru', 'переустановить приложение'],
    ['JSSDK_UNKNOWN_ERROR', 'en', 'Reload the page to try again'],
  ] as const)(
    'failed start: the reason and next step follow the code (%s), the code only under Details',
    (code, lang, advice) => {
      render(<App boot={{ kind: 'failed', lang, code }} />);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent(advice);
      expect(alert.textContent).not.toContain(code);
      const details = screen.getByTestId('start-failed').querySelector('details');
      expect(details).toHaveTextContent(code);
    },
  );

  it('install mode: renders the install page and runs the install once', async () => {
    const install = vi.fn(async () => ({ ok: true, steps: [], handler: 'http://app/' }));
    render(
      <App
        boot={{ kind: 'install', lang: 'en', install: { isAdmin: true, mode: 'install', install } }}
      />,
    );
    expect(screen.getByTestId('install-page')).toHaveAttribute('data-mode', 'install');
    await waitFor(() => expect(install).toHaveBeenCalledTimes(1));
  });

  it('inside a portal: the panel for the placement chat, and the frame follows its height', async () => {
    const { boot, fitFrame, stop, queue } = portalBoot();
    const view = render(<App boot={boot} />);
    expect(screen.getByTestId('chat-drop')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('chat-header')).toHaveTextContent('Marketing'));
    expect(fitFrame).toHaveBeenCalledWith(expect.any(HTMLElement));
    expect(fitFrame.mock.calls[0]?.[0]).toContainElement(screen.getByTestId('chat-drop'));
    expect(screen.queryByTestId('install-page')).toBeNull();
    view.unmount();
    expect(stop).toHaveBeenCalled();
    await queue.dispose();
  });

  it("the app's own page (DEFAULT) shows admins the install state under the chat picker", async () => {
    const readState = vi.fn(async () => ({
      ok: true as const,
      handler: 'http://app/',
      placements: [],
      healthy: true,
    }));
    const { boot, queue } = portalBoot({
      placement: 'DEFAULT',
      dialogId: undefined,
      manage: { isAdmin: true, mode: 'manage', readState },
    });
    render(<App boot={boot} />);
    expect(await screen.findByRole('searchbox')).toBeInTheDocument();
    expect(screen.getByTestId('install-page')).toHaveAttribute('data-mode', 'manage');
    await waitFor(() => expect(readState).toHaveBeenCalled());
    await queue.dispose();
  });
});
