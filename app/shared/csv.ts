// CSV fields as French spreadsheet software opens them, safe from formula injection.

// What a spreadsheet would read as the start of a formula (OWASP "CSV injection"), including
// the full-width forms some spreadsheets also accept, and the tab / carriage return tricks.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/

/** Neutralises a cell a spreadsheet would run as a formula, by prefixing a quote. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** One CSV field: formula-safe, and quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator = ';'): string {
  const safe = neutraliseFormula(value)
  if (safe.includes(separator) || /["\r\n]/.test(safe)) return `"${safe.replace(/"/g, '""')}"`
  return safe
}

/** UTF-8 byte order mark: without it Excel reads the file as Windows-1252 and breaks accents. */
export const BOM = '\uFEFF'
