import type { InstallMessageKey } from './installMessages.ts';

/** The install pages' `t`: an install text in the portal's language, placeholders filled. */
export type InstallTranslate = (
  key: InstallMessageKey,
  vars?: Readonly<Record<string, string>>,
) => string;
