// Sizes, fields and languages the contacts pages and the service share. No server code and no
// Zod here: route components read them and the browser loads them.
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024
/** Rows written per transaction during an import. */
export const IMPORT_CHUNK = 1000
/** Rows shown in the import preview. */
export const PREVIEW_ROWS = 10
export const PAGE_SIZE = 50

export const LIMITS = { email: 254, name: 100, structure: 200, tag: 40, tags: 20 } as const

export const CONTACT_LOCALES = ['fr', 'en'] as const
export type ContactLocale = (typeof CONTACT_LOCALES)[number]

export const CONTACT_FIELDS = ['email', 'firstName', 'lastName', 'structure', 'profile', 'departement', 'locale', 'tags'] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]
