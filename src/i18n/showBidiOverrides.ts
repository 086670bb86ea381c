/** The Unicode embedding and override controls LRE, RLE, PDF, LRO, RLO (U+202A–U+202E). */
const OVERRIDES = /[\u202A-\u202E]/g;

/**
 * User text (a file or chat name) as it may be shown: each embedding or override control becomes
 * U+FFFD "�". An override reverses the letters after it, so `cv\u202Egnp.exe` would read as
 * "cvexe.png" (the "Trojan Source" trick; Unicode UTS #55, "Source Code Spoofing"). Shown only:
 * the name sent to the portal is left exactly as the user's file has it.
 */
export function showBidiOverrides(text: string): string {
  return text.replace(OVERRIDES, '\uFFFD');
}
