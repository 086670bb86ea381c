import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { INSTALL_STEP_IDS } from '../../../src/core/installTypes.ts';
import type { InstallResult, InstallState, InstallStep } from '../../../src/core/installTypes.ts';
import { createTranslator } from '../../../src/i18n/createTranslator.ts';
import { InstallPage } from '../../../src/ui/InstallPage.tsx';
import type { InstallPageProps } from '../../../src/ui/InstallPage.tsx';
import type { InstallRun } from '../../../src/ui/useInstallRun.ts';
import { INSTALL_MESSAGES } from '../../../src/i18n/createTranslator.ts';
import { TranslatorContext } from '../../../src/ui/TranslatorContext.ts';

const HANDLER = 'https://apps.example.com/chat-drop/';
const STEP_IDS = INSTALL_STEP_IDS;

function renderPage(props: InstallPageProps, lang = 'en') {
  return render(
    <TranslatorContext value={createTranslator(lang)}>
      <InstallPage {...props} />
    </TranslatorContext>,
  );
}

/** A run that reports every step running then done, like installApp does. */
function succeedingRun(outcome: 'bound' | 'unchanged' = 'bound'): InstallRun {
  return vi.fn(async (onProgress: (steps: readonly InstallStep[]) => void) => {
    let steps: InstallStep[] = STEP_IDS.map((id) => ({ id, state: 'pending' }));
    onProgress(steps);
    for (const id of STEP_IDS) {
      steps = steps.map((s) =>
        s.id === id ? { id, state: 'done', ...(id.startsWith('bind-') ? { outcome } : {}) } : s,
      );
      onProgress(steps);
    }
    return { ok: true, steps, handler: HANDLER } satisfies InstallResult;
  });
}

describe('InstallPage in install mode', () => {
  it('runs the install once on mount and shows every step done with the result', async () => {
    const install = succeedingRun();
    renderPage({ isAdmin: true, install });
    const result = await screen.findByTestId('install-result');
    expect(result.textContent).toBe(INSTALL_MESSAGES.en.installed);
    expect(install).toHaveBeenCalledTimes(1);
    const steps = screen.getAllByTestId('install-step');
    expect(steps.map((s) => s.dataset.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(steps[2]?.textContent).toContain(INSTALL_MESSAGES.en['outcome.bound']);
  });

  it('explains to a non-admin that an administrator must install, without running anything', () => {
    const install = succeedingRun();
    renderPage({ isAdmin: false, install });
    expect(screen.getByRole('alert').textContent).toBe(INSTALL_MESSAGES.en.notAdminInstall);
    expect(install).not.toHaveBeenCalled();
  });

  it('names the missing scopes and what to tick, and offers to try again', async () => {
    const install: InstallRun = vi.fn(async () => ({
      ok: false,
      steps: [{ id: 'read-bindings' as const, state: 'failed' as const }],
      handler: HANDLER,
      error: {
        code: 'insufficient_scope',
        origin: 'server' as const,
        missingScopes: ['im', 'placement'],
      },
    }));
    renderPage({ isAdmin: true, install }, 'de');
    const error = await screen.findByTestId('install-error');
    expect(error.dataset.code).toBe('insufficient_scope');
    expect(error.textContent).toContain('"im", "placement"');
    expect(error.textContent).toContain('Berechtigungen zuweisen');
    await userEvent.click(screen.getByRole('button', { name: INSTALL_MESSAGES.de.retry }));
    await waitFor(() => expect(install).toHaveBeenCalledTimes(2));
  });

  it("shows the portal's error text as text, never as markup", async () => {
    const install: InstallRun = vi.fn(async () => ({
      ok: false,
      steps: [],
      handler: HANDLER,
      error: { code: 'ERROR_CORE', origin: 'server' as const, detail: '<img src=x onerror=1>' },
    }));
    renderPage({ isAdmin: true, install });
    const error = await screen.findByTestId('install-error');
    expect(error.querySelector('img')).toBeNull();
    expect(error.textContent).toContain('<img src=x onerror=1>');
  });
});

describe('InstallPage: error codes stay under Details', () => {
  it('an unmapped install error keeps its code out of the main sentence, only under Details', async () => {
    const install: InstallRun = vi.fn(async () => ({
      ok: false,
      steps: [],
      handler: HANDLER,
      error: { code: 'ERROR_PLACEMENT_MAX_COUNT', origin: 'server' as const },
    }));
    for (const lang of ['en', 'ru', 'de'] as const) {
      const view = renderPage({ isAdmin: true, install }, lang);
      const error = await screen.findByTestId('install-error');
      const sentence = error.querySelector('p');
      expect(sentence?.textContent).toBe(INSTALL_MESSAGES[lang]['error.generic']);
      expect(sentence?.textContent).not.toContain('ERROR_PLACEMENT_MAX_COUNT');
      expect(sentence?.textContent).not.toMatch(/[({]code[)}]|\(\)/);
      const details = error.querySelector('details');
      expect(details).toHaveTextContent('ERROR_PLACEMENT_MAX_COUNT');
      view.unmount();
    }
  });
});

describe('InstallPage in manage mode (the DEFAULT page)', () => {
  const broken: InstallState = {
    ok: true,
    handler: HANDLER,
    healthy: false,
    placements: [
      { placement: 'IM_SIDEBAR', handlers: ['https://old.example.com/'], current: false },
      { placement: 'IM_TEXTAREA', handlers: [], current: false },
    ],
  };
  const healthy: InstallState = {
    ok: true,
    handler: HANDLER,
    healthy: true,
    placements: [
      { placement: 'IM_SIDEBAR', handlers: [HANDLER], current: true },
      { placement: 'IM_TEXTAREA', handlers: [HANDLER], current: true },
    ],
  };

  it('shows where each placement is bound and repairs, then reads the state again', async () => {
    const readState = vi.fn<() => Promise<InstallState>>();
    readState.mockResolvedValueOnce(broken).mockResolvedValue(healthy);
    const repair = succeedingRun();
    renderPage({ isAdmin: true, mode: 'manage', readState, repair });

    const table = await screen.findByTestId('install-state');
    const rows = within(table).getAllByTestId('install-state-row');
    expect(rows.map((r) => [r.dataset.placement, r.dataset.current])).toEqual([
      ['IM_SIDEBAR', 'false'],
      ['IM_TEXTAREA', 'false'],
    ]);
    expect(rows[0]?.textContent).toContain('https://old.example.com/');
    expect(rows[0]?.textContent).toContain(INSTALL_MESSAGES.en['row.other']);
    expect(rows[1]?.textContent).toContain(INSTALL_MESSAGES.en['row.missing']);

    await userEvent.click(screen.getByRole('button', { name: INSTALL_MESSAGES.en.repair }));
    await screen.findByText(INSTALL_MESSAGES.en.repaired);
    await waitFor(() =>
      expect(screen.getAllByTestId('install-state-row').map((r) => r.dataset.current)).toEqual([
        'true',
        'true',
      ]),
    );
    expect(repair).toHaveBeenCalledTimes(1);
    expect(readState).toHaveBeenCalledTimes(2);
  });

  it('tells a binding to this address with old settings apart from one to another address', async () => {
    const outdated: InstallState = {
      ok: true,
      handler: HANDLER,
      healthy: false,
      placements: [
        { placement: 'IM_SIDEBAR', handlers: [HANDLER], current: false },
        { placement: 'IM_TEXTAREA', handlers: [HANDLER], current: true },
      ],
    };
    renderPage({ isAdmin: true, mode: 'manage', readState: vi.fn(async () => outdated) });
    const rows = within(await screen.findByTestId('install-state')).getAllByTestId(
      'install-state-row',
    );
    expect(rows[0]?.textContent).toContain(INSTALL_MESSAGES.en['row.outdated']);
    expect(rows[0]?.textContent).not.toContain(INSTALL_MESSAGES.en['row.other']);
    expect(rows[1]?.textContent).toContain(INSTALL_MESSAGES.en['row.current']);
  });

  it('shows non-admins where to find Chat Drop instead of the table', () => {
    const readState = vi.fn(async () => healthy);
    renderPage({ isAdmin: false, mode: 'manage', readState }, 'ru');
    expect(screen.getByTestId('install-not-admin').textContent).toBe(
      INSTALL_MESSAGES.ru.notAdminManage,
    );
    expect(screen.queryByTestId('install-state')).toBeNull();
    expect(readState).not.toHaveBeenCalled();
  });
});
