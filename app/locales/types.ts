import type { messages } from './fr/index.ts'

export type Locale = 'fr' | 'en'
/** Every message key, as the French catalogue (the default language) defines them. */
export type MessageKey = keyof typeof messages
export type Catalogue = Record<MessageKey, string>
/** The catalogues loaded in this process: both on the server, the page's language in the browser. */
export type Catalogues = Partial<Record<Locale, Catalogue>>
