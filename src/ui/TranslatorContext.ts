import { createContext } from 'react';
import { createTranslator, type Translator } from '../i18n/createTranslator.ts';

/** The current language's translator; English until a provider says otherwise. */
export const TranslatorContext = createContext<Translator>(createTranslator('en'));
