import { describe, expect, it } from 'vitest';
import { BITRIX_WIDGET_CODES } from '../../../src/bitrix/mapB24Error.ts';
import { ERROR_CODES, ERROR_MESSAGE_KEYS, policyFor } from '../../../src/core/errorPolicy.ts';
import type { UploadError } from '../../../src/core/types.ts';
import { ENCODE_ERROR_CODES } from '../../../src/encode/EncodeError.ts';
import { createTranslator, LANGUAGES } from '../../../src/i18n/createTranslator.ts';
import { describeFailure } from '../../../src/ui/describeFailure.ts';
import { makeItem } from '../support/makeItem.ts';

/**
 * Every code the widget can meet: core's policy table, plus the codes the SDK adapter and the
 * encoder produce themselves (whether or not the table lists them yet, the user must get words).
 */
const ALL_CODES = [...new Set([...ERROR_CODES, ...BITRIX_WIDGET_CODES, ...ENCODE_ERROR_CODES])];

function errorFor(code: string): UploadError {
  // Every code as a portal answer (origin decides no message, the code does).
  return { code, origin: 'server' };
}

/** Looks like something a developer wrote, not a sentence for a person. */
function looksRaw(text: string, code: string): boolean {
  return (
    text.trim() === '' ||
    text === code ||
    /\berror_\w+|\bnext_\w+|[{}]/.test(text) ||
    // Codes of letters (not the binder's `100`, which "100 MB" would match) never show in the text.
    (/[A-Za-z]/.test(code) && text.includes(code))
  );
}

describe('error messages of the policy table', () => {
  it('every policy code has a readable, localized reason in every language the widget ships', () => {
    const english = createTranslator('en');
    for (const code of ALL_CODES) {
      const item = makeItem({ phase: 'failed', error: errorFor(code) });
      const reasonEn = describeFailure(item, english)?.reason ?? '';
      expect(looksRaw(reasonEn, code), `${code} in en: "${reasonEn}"`).toBe(false);
      for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
        const view = describeFailure(item, createTranslator(lang));
        const reason = view?.reason ?? '';
        expect(looksRaw(reason, code), `${code} in ${lang}: "${reason}"`).toBe(false);
        // A translated pack, not the English text copied over.
        expect(reason, `${code} in ${lang}`).not.toBe(reasonEn);
        expect(view?.code).toBe(code);
      }
    }
  });

  it('each reason of the table has its own text in every language (no two reasons read alike)', () => {
    for (const lang of LANGUAGES) {
      const translator = createTranslator(lang);
      const texts = ERROR_MESSAGE_KEYS.map((key) => translator.t(key));
      expect(new Set(texts).size, lang).toBe(ERROR_MESSAGE_KEYS.length);
    }
  });

  it('every hint of a next step is localized (only "none" may be empty)', () => {
    for (const code of ALL_CODES) {
      const step = policyFor(errorFor(code)).nextStep;
      for (const lang of LANGUAGES) {
        const hint = describeFailure(
          makeItem({ phase: 'failed', error: errorFor(code) }),
          createTranslator(lang),
        )?.hint;
        if (step === 'none') expect(hint).toBe('');
        else expect(looksRaw(hint ?? '', code), `${code}/${step} in ${lang}`).toBe(false);
      }
    }
  });
});
