import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTALL_MD = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'),
  'docs',
  'INSTALL.md',
);

/**
 * The text of the fenced code block that follows `<!-- snippet: <name> -->` in docs/INSTALL.md.
 * The server tests run exactly what the guide shows, so the two cannot drift apart.
 * Throws when the marker is missing, repeated, or not followed by a fenced block.
 */
export function readDocSnippet(name: string): string {
  const text = readFileSync(INSTALL_MD, 'utf8');
  const marker = `<!-- snippet: ${name} -->`;
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`docs/INSTALL.md has no ${marker}`);
  if (text.indexOf(marker, at + 1) !== -1) throw new Error(`docs/INSTALL.md repeats ${marker}`);
  const block = /^\s*```[\w-]*\n([\s\S]*?)\n```/.exec(text.slice(at + marker.length));
  if (!block?.[1]) throw new Error(`docs/INSTALL.md: no fenced block right after ${marker}`);
  return block[1] + '\n';
}

/**
 * Replaces each placeholder of a documented snippet with the test's value. Every placeholder must
 * occur in the snippet: a guide that renamed one would otherwise be tested with its own example
 * values (and, say, a real path that does not exist here) instead of the test's.
 */
export function fillPlaceholders(
  snippet: string,
  values: Readonly<Record<string, string>>,
): string {
  let filled = snippet;
  for (const [placeholder, value] of Object.entries(values)) {
    if (!filled.includes(placeholder))
      throw new Error(`the documented snippet no longer contains "${placeholder}"`);
    filled = filled.split(placeholder).join(value);
  }
  return filled;
}
