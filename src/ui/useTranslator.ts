import { useContext } from 'react';
import type { Translator } from '../i18n/createTranslator.ts';
import { TranslatorContext } from './TranslatorContext.ts';

/** The translator of the nearest `TranslatorContext` provider. */
export function useTranslator(): Translator {
  return useContext(TranslatorContext);
}
