import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, PACKS } from '../../../src/i18n/createTranslator.ts';
import { en } from '../../../src/i18n/en.ts';
import { createFile } from '../../support/doubles/createFile.ts';
import { dropOnPanel } from '../support/createDropEvents.ts';
import { renderPanel } from '../support/renderPanel.tsx';

/** Drops `count` small files on a panel whose transport holds every request (all stay sending). */
async function dropHeld(lang: string, count: number) {
  const panel = renderPanel({ lang });
  panel.fake.hold();
  await screen.findByText('Marketing');
  const files = Array.from({ length: count }, (_, i) => createFile(`file-${i}.txt`, 10));
  await dropOnPanel(files);
  await waitFor(() =>
    expect(screen.getAllByTestId('upload-row')[0]?.dataset.phase).toBe('sending'),
  );
  return panel;
}

function batchText(): string {
  return screen.getByTestId('batch-bar').textContent ?? '';
}

describe('the panel in every Bitrix24 language', () => {
  it.each(LANGUAGES.filter((lang) => lang !== 'en'))(
    '%s: the drop zone, the rows and the batch speak the language, no English left',
    async (lang) => {
      const { messages } = PACKS[lang];
      await dropHeld(lang, 2);
      expect(screen.getByText(messages.dropHere)).toBeInTheDocument();
      const row = screen.getAllByTestId('upload-row')[0]!;
      expect(row.textContent).toContain(messages.phase_sending);
      expect(within(row).getByRole('button', { name: messages.cancel })).toBeInTheDocument();
      expect(batchText()).toContain(messages.cancelAll);
      for (const english of [en.dropHere, en.phase_sending, en.cancelAll, 'files']) {
        expect(document.body.textContent).not.toContain(english);
      }
    },
  );
});

// 0 shows no batch bar, and 101 files are slow to render here: languages.test.ts covers both.
describe('plural edge cases in the batch bar', () => {
  it.each([
    [
      'ru',
      [1, 2, 5, 21, 22, 25],
      ['1 файл', '2 файла', '5 файлов', '21 файл', '22 файла', '25 файлов'],
    ],
    [
      'pl',
      [1, 2, 5, 21, 22, 25],
      ['1 plik', '2 pliki', '5 plików', '21 plików', '22 pliki', '25 plików'],
    ],
    ['ar', [1, 2, 3, 11], ['ملف واحد', 'ملفان', '٣ ملفات', '١١ ملفًا']],
  ] as const)('%s', async (lang, counts, expected) => {
    for (const [index, count] of counts.entries()) {
      const { unmount } = await dropHeld(lang, count);
      expect(batchText().startsWith(`${expected[index]} ·`), batchText()).toBe(true);
      unmount();
    }
  });
});

describe('the panel right to left (Arabic)', () => {
  it('mirrors the panel (dir and lang from the pack), keeps names in their own direction, passes axe', async () => {
    const { container, translator } = await dropHeld('ar', 3);
    expect(translator.dir).toBe('rtl');
    // The panel takes the pack's direction and language itself (ChatDropPanelView).
    const panel = screen.getByTestId('chat-drop');
    expect(panel).toHaveAttribute('dir', translator.dir);
    expect(panel).toHaveAttribute('lang', translator.locale);
    expect(screen.getByText(PACKS.ar.messages.dropHere)).toBeInTheDocument();
    const row = screen.getAllByTestId('upload-row')[0]!;
    expect(row.closest('[dir="rtl"]')).toBe(panel);
    // A Latin file name inside the Arabic row keeps its own direction.
    expect(within(row).getByText('file-0.txt')).toHaveAttribute('dir', 'auto');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
