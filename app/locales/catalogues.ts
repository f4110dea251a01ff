// The message catalogues on the server (and in tests, scripts and the worker): both languages, loaded at
// start. The browser build resolves `#catalogues` to ./catalogues.browser.ts instead (package.json
// "imports", "browser" condition), which holds only the visitor's language.
import { messages as en } from './en/index.ts'
import { messages as fr } from './fr/index.ts'
import type { Catalogues, Locale } from './types.ts'

export const catalogues: Catalogues = { fr, en }

/** Both catalogues are already here on the server. */
export async function loadCatalogue(_locale: Locale): Promise<void> {}
