import type { InstallMessageKey } from '../i18n/installMessages.ts';

/** The install pages' `t`: an install text in the portal's language, placeholders filled. */
export type InstallTranslate = (
  key: InstallMessageKey,
  vars?: Readonly<Record<string, string>>,
) => string;
