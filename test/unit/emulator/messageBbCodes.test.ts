// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

/** The page's modules as served (plain JS, typed here by what the tests use). */
interface BbNode {
  type: 'text' | 'tag';
  text?: string;
  name?: string;
  value?: string;
  children?: BbNode[];
}
interface RenderModule {
  renderMessageText(text: string): HTMLElement;
}
interface ViewModule {
  renderMessage(
    message: { id: number; authorId: number; authorName?: string; text: string; date: string },
    view: { t: (key: string) => string; userId: number; lang: string },
  ): HTMLElement;
}
interface ParseModule {
  parseBbCode(text: unknown): BbNode[];
  bbPlainText(nodes: BbNode[]): string;
}

const PUBLIC = '../../../emulator/portal/public/';
const { renderMessageText } = (await import(`${PUBLIC}renderMessageText.js`)) as RenderModule;
const { parseBbCode, bbPlainText } = (await import(`${PUBLIC}parseBbCode.js`)) as ParseModule;

const { renderMessage } = (await import(`${PUBLIC}messageView.js`)) as ViewModule;

describe('message view renders BB codes as the messenger does (portal reference 7.5)', () => {
  it('shows a mention as the person name, not the raw code', () => {
    const node = renderMessageText(
      '[USER=1]John Smith[/USER] invited [USER=2]Anna Petrova[/USER] to the chat',
    );
    expect(node.textContent).toBe('John Smith invited Anna Petrova to the chat');
    const mentions = node.querySelectorAll('[data-testid="message-mention"]');
    expect([...mentions].map((m) => [m.textContent, m.getAttribute('data-user-id')])).toEqual([
      ['John Smith', '1'],
      ['Anna Petrova', '2'],
    ]);
  });

  it('a message of the dialog (Arabic page) draws its text through the BB codes', () => {
    const message = renderMessage(
      {
        id: 7,
        authorId: 0,
        text: '[USER=3]Max Müller[/USER] joined',
        date: '2026-11-30T05:00:00+00:00',
      },
      { t: (key) => key, userId: 1, lang: 'ar' },
    );
    const text = message.querySelector('[data-testid="message-text"]');
    expect(text?.textContent).toBe('Max Müller joined');
    expect(text?.querySelector('[data-user-id="3"]')?.textContent).toBe('Max Müller');
  });

  it('shows [URL] as a link that opens apart from the portal page', () => {
    const node = renderMessageText(
      'See [URL=https://example.com/a?b=1&c=2]the mockups[/URL] and [URL]https://example.com/x[/URL]',
    );
    const links = [...node.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.href, a.rel, a.target])).toEqual([
      ['the mockups', 'https://example.com/a?b=1&c=2', 'noopener noreferrer', '_blank'],
      ['https://example.com/x', 'https://example.com/x', 'noopener noreferrer', '_blank'],
    ]);
  });

  it('shows [B], [I], [U], [S] as emphasis, case-insensitively and nested', () => {
    const node = renderMessageText('[b]bold [I]both[/I][/b] [u]under[/u] [S]gone[/S]');
    expect(node.querySelector('strong')?.textContent).toBe('bold both');
    expect(node.querySelector('strong > em')?.textContent).toBe('both');
    expect(node.querySelector('u')?.textContent).toBe('under');
    expect(node.querySelector('s')?.textContent).toBe('gone');
    expect(node.textContent).toBe('bold both under gone');
  });

  it('text is data: markup in a message never becomes elements', () => {
    const text = '<img src=x onerror=alert(1)> [B]<script>alert(2)</script>[/B] &amp;';
    const node = renderMessageText(text);
    expect(node.querySelector('img, script')).toBeNull();
    expect(node.textContent).toBe('<img src=x onerror=alert(1)> <script>alert(2)</script> &amp;');
  });

  it('a javascript: or data: address never becomes a link', () => {
    for (const address of ['javascript:alert(1)', 'data:text/html,<b>x</b>', ' JaVaScRiPt:x']) {
      const node = renderMessageText(`[URL=${address}]click[/URL]`);
      expect(node.querySelector('a'), address).toBeNull();
      expect(node.textContent, address).toContain('click');
    }
  });

  it('unknown, unclosed or stray codes stay visible as typed', () => {
    for (const text of [
      '[QUOTE]x[/QUOTE]',
      '[B]never closed',
      'stray [/I] close',
      '[URL=https://a.example][URL=https://b.example]in[/URL][/URL]',
      '[',
      '',
    ]) {
      const node = renderMessageText(text);
      expect(node.textContent, text).toBe(
        text === '[URL=https://a.example][URL=https://b.example]in[/URL][/URL]'
          ? '[URL=https://b.example]in[/URL]'
          : text,
      );
    }
    expect(renderMessageText('[B]never closed').querySelector('strong')).toBeNull();
  });

  it('the chat list preview reads the same text without codes', () => {
    expect(bbPlainText(parseBbCode('Due Friday, [USER=1]John Smith[/USER].'))).toBe(
      'Due Friday, John Smith.',
    );
    expect(bbPlainText(parseBbCode(undefined))).toBe('');
  });
});
