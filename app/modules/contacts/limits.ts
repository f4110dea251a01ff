// Sizes the contacts pages and the service share (no server code: route components read them).
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024
/** Rows written per transaction during an import. */
export const IMPORT_CHUNK = 1000
/** Rows shown in the import preview. */
export const PREVIEW_ROWS = 10
export const PAGE_SIZE = 50
