// Issue 15 "Every Bitrix24 interface language", done when: an e2e test opens the widget with
// `LANG=ar` and `LANG=ja` in the emulator and delivers a file. Brazilian Portuguese (`br`) joins
// them: its code is not its locale (`br` → `pt-BR`, the SDK's B24LocaleMap). Real Chromium, a
// real drop, the chat's state read from the emulator: the file is there once, byte-identical, and
// every text the panel showed on the way came from that language's pack.
import type { Frame } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import ar from '../../src/i18n/ar.ts';
import br from '../../src/i18n/br.ts';
import { en } from '../../src/i18n/en.ts';
import ja from '../../src/i18n/ja.ts';
import { chatFiles } from '../support/chatFiles.ts';
import { dragPaths } from '../support/dragPaths.ts';
import { makeTestFile } from '../support/makeTestFile.ts';
import { sha256OfDownload } from '../support/sha256.ts';
import { setupE2e } from '../support/setupE2e.ts';
import { waitForChatFiles } from '../support/waitForChatFiles.ts';
import { waitForPhase } from '../support/waitForPhase.ts';

const MARKETING = 5;

const { stack, harness } = setupE2e();

interface Case {
  /** The portal's `LANG` (Bitrix24's code, the SDK's B24LangList). */
  readonly lang: string;
  readonly pack: typeof ar | typeof ja | typeof br;
  /** A file name in that language's script (names are data, shown as given). */
  readonly fileName: string;
}

const CASES: readonly Case[] = [
  { lang: 'ar', pack: ar, fileName: 'تقرير-ربع-سنوي.pdf' },
  { lang: 'ja', pack: ja, fileName: '四半期レポート.pdf' },
  { lang: 'br', pack: br, fileName: 'relatório-trimestral.pdf' },
];

/** `{name}`-style placeholders filled in, as the translator does for a message without plurals. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** What the panel shows before any file: its attributes and the texts of its fixed parts. */
function panelTexts(appFrame: Frame) {
  return appFrame.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('[data-testid="chat-drop"]');
    const text = (selector: string) =>
      panel?.querySelector(selector)?.textContent?.trim() ?? `(no ${selector})`;
    return {
      dir: panel?.getAttribute('dir'),
      direction: panel ? getComputedStyle(panel).direction : '',
      lang: panel?.getAttribute('lang'),
      dropHere: text('.cd-dropzone__title'),
      dropHint: text('.cd-dropzone__hint'),
      chatHeaderLabel: text('.cd-header__label'),
      chooseFiles: panel?.querySelector('[data-testid="file-input"]')?.getAttribute('aria-label'),
    };
  });
}

/** The delivered row of `name`: its state line and the direction its name keeps. */
function rowOf(appFrame: Frame, name: string) {
  return appFrame.evaluate((wanted) => {
    const row = Array.from(
      document.querySelectorAll<HTMLElement>('[data-testid="upload-row"]'),
    ).find((r) => r.dataset.name === wanted);
    return {
      meta: row?.querySelector('.cd-row__meta')?.textContent ?? '',
      nameDir: row?.querySelector('.cd-row__name')?.getAttribute('dir'),
    };
  }, name);
}

describe.each(CASES)(
  'LANG=$lang: the panel speaks the pack and delivers',
  ({ lang, pack, fileName }) => {
    test('a dropped file reaches the chat once, byte-identical, with every text from the pack', async () => {
      const { page, frame, appFrame } = await harness.openWidget(stack.emulator.url, { lang });
      const { messages } = pack;
      // The packs differ from English where this test looks, so an English panel cannot pass.
      expect(messages.dropHere).not.toBe(en.dropHere);
      await frame.locator(`.cd-dropzone__title:text-is("${messages.dropHere}")`).waitFor();
      expect(await panelTexts(appFrame)).toEqual({
        dir: pack.dir,
        direction: pack.dir,
        lang: pack.locale,
        dropHere: messages.dropHere,
        dropHint: messages.dropHint,
        chatHeaderLabel: messages.chatHeaderLabel,
        chooseFiles: messages.chooseFiles,
      });

      const file = await makeTestFile(fileName, 24 * 1024);
      await dragPaths(page, frame, [file.path]);
      await waitForPhase(appFrame, fileName, 'delivered');

      const [arrived] = await waitForChatFiles(stack.emulator, MARKETING, [fileName]);
      expect(chatFiles(stack.emulator, MARKETING).filter((f) => f.name === fileName)).toHaveLength(
        1,
      );
      expect(stack.emulator.uploads().filter((u) => u.name === fileName)).toHaveLength(1);
      expect(arrived?.size).toBe(file.size);
      expect(arrived?.sha256).toBe(file.sha256);
      const download = await sha256OfDownload(arrived?.urlDownload ?? '');
      expect(download).toEqual({ status: 200, size: file.size, sha256: file.sha256 });

      const row = await rowOf(appFrame, fileName);
      expect(row.nameDir).toBe('auto');
      expect(row.meta).toContain(messages.phase_delivered);
      const toast = frame
        .locator('[data-sonner-toast][data-type="success"]')
        .filter({ hasText: fileName });
      await toast.waitFor();
      expect(await toast.locator('[data-title]').textContent()).toBe(
        fill(messages.toastDelivered, { name: fileName }),
      );
      expect(await toast.locator('[data-button]').textContent()).toBe(messages.openInChat);
    });
  },
);
