import { createContext } from 'react';
import { createTranslatorFrom, type Translator } from '../i18n/createTranslatorFrom.ts';
import { en } from '../i18n/en.ts';

/**
 * The current language's translator; English until a provider says otherwise. Built from the
 * English pack alone so that importing the context does not pull the other languages into the
 * main chunk (they load on demand: i18n/loadTranslator.ts).
 */
export const TranslatorContext = createContext<Translator>(createTranslatorFrom('en', en));
