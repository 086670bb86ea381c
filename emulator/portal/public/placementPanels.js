// @ts-check
/* global URLSearchParams */
// The messenger's app placements of the open chat (IM_SIDEBAR, IM_TEXTAREA): which buttons show,
// and the one panel with the app frame. Portal reference §1.7, §7.6.

import { el, getJson } from './portal-common.js';
import { openAppFrame } from './portal-frame.js';

/** @typedef {'IM_SIDEBAR'|'IM_TEXTAREA'} ImPlacement */

/**
 * @typedef {object} PlacementPanelsDeps
 * @property {{ userId: number, lang: string, appId: number, frameLoad?: 'post'|'get' }} boot
 * @property {(key: string) => string} t
 * @property {() => string|null} getDialogId the chat open in the messenger
 * @property {Record<ImPlacement, HTMLElement>} slots where each placement's panel goes
 * @property {Record<ImPlacement, HTMLButtonElement>} buttons the buttons that open them
 * @property {() => void} onActivity every command the app sends
 * @property {(dialogId: string, messageId: number|null) => void} onOpenMessenger `imOpenMessenger`
 */

/**
 * @typedef {object} PlacementPanels
 * @property {(placement: ImPlacement) => Promise<void>} open opens the placement for the open chat
 * @property {() => void} close
 * @property {(dialogId: string|null) => void} closeUnlessFor closes a panel opened for another chat
 * @property {() => Promise<void>} refreshButtons shows the buttons whose bindings fit this chat
 */

/**
 * @param {PlacementPanelsDeps} deps
 * @returns {PlacementPanels}
 */
export function createPlacementPanels(deps) {
  const { boot, t } = deps;
  /** @type {{ placement: ImPlacement, dialogId: string, element: HTMLElement, frame: { close(): void } | null } | null} */
  let current = null;
  /** dialogId the buttons were last filtered for. */
  let filteredFor = '';

  const close = () => {
    const panel = current;
    if (!panel) return;
    current = null;
    if (panel.frame) panel.frame.close();
    panel.element.remove();
  };

  /** @param {ImPlacement} placement */
  const open = async (placement) => {
    const dialogId = deps.getDialogId();
    if (!dialogId) return;
    // One placement panel at a time keeps [data-testid=app-panel] unambiguous.
    close();
    const body = el('div', { className: 'app-panel-body' });
    const sidebar = placement === 'IM_SIDEBAR';
    const element = el(
      sidebar ? 'aside' : 'section',
      {
        className: `app-panel app-panel-${sidebar ? 'sidebar' : 'textarea'}`,
        'data-testid': 'app-panel',
        'data-placement': placement,
        'aria-label': t('application'),
      },
      [
        el('div', { className: 'app-panel-header' }, [
          el('span', { className: 'app-panel-title', text: t('application') }),
          el('button', {
            type: 'button',
            className: 'app-panel-close',
            'data-testid': 'app-panel-close',
            'aria-label': t('closePanel'),
            title: t('closePanel'),
            text: '×',
            onClick: () => close(),
          }),
        ]),
        body,
      ],
    );
    /** @type {NonNullable<typeof current>} */
    const panel = { placement, dialogId, element, frame: null };
    current = panel;
    deps.slots[placement].replaceChildren(element);
    const frame = await openAppFrame(body, {
      user: boot.userId,
      placement,
      // im v2 posts {dialogId} with string values and no URI (portal reference §7.6).
      placementOptions: { dialogId: String(dialogId) },
      lang: boot.lang,
      appId: boot.appId,
      frameLoad: boot.frameLoad,
      onActivity: deps.onActivity,
      onOpenMessenger: deps.onOpenMessenger,
    });
    if (current !== panel) {
      frame.close();
      return;
    }
    panel.frame = frame;
  };

  return {
    open,
    close,
    closeUnlessFor(dialogId) {
      // Placements belong to the dialog they were opened for (their PLACEMENT_OPTIONS name it).
      if (current && current.dialogId !== dialogId) close();
    },
    async refreshButtons() {
      const dialogId = deps.getDialogId() ?? '';
      if (!dialogId || dialogId === filteredFor) return;
      filteredFor = dialogId;
      const query = new URLSearchParams({ user: String(boot.userId), dialogId });
      const answer = await getJson(`/_emulator/ui/placements?${query}`);
      if (deps.getDialogId() !== dialogId || !answer.ok || !Array.isArray(answer.body)) return;
      deps.buttons.IM_SIDEBAR.hidden = !answer.body.includes('IM_SIDEBAR');
      deps.buttons.IM_TEXTAREA.hidden = !answer.body.includes('IM_TEXTAREA');
    },
  };
}
