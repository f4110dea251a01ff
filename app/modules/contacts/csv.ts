// Reading and writing the CSV files people bring from their spreadsheets. Pure functions over
// bytes and text: no database, no server code, unit-tested on their own.
//
// Reading: the bytes are UTF-8 (with or without BOM) when they decode as valid UTF-8, otherwise
// Windows-1252 (what French Excel writes with "CSV (séparateur : point-virgule)"). The separator
// is guessed from the header line (";", "," or tab, counted outside quotes). Parsing follows
// RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF) and never
// loses a line: a record whose quote never closes is reported on its first line and reading
// starts again on the next physical line; a record with more or fewer fields than the header
// is reported with its line number.
import { BOM, csvField } from '#app/shared/csv.ts'

export type Encoding = 'utf-8' | 'windows-1252'
export type Separator = ';' | ',' | '\t'
export const SEPARATORS: readonly Separator[] = [';', ',', '\t']

// Windows-1252's characters for the bytes 0x80–0x9F (the five unused bytes stay as they are).
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/**
 * Some Node versions decode "windows-1252" as ISO-8859-1, turning € ’ œ … into control
 * characters; this maps them to what the bytes mean in Windows-1252 (a no-op elsewhere).
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!)
}

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding; bom: boolean } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  try {
    // ignoreBOM: we removed our BOM ourselves; a second one would be content.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom }
  } catch {
    return { text: fixC1(new TextDecoder('windows-1252').decode(body)), encoding: 'windows-1252', bom: false }
  }
}

/** The first logical line (a line break inside quotes does not end it). */
function firstRecordText(text: string): string {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i)
  }
  return text
}

/** The separator found most often in the header line outside quotes; ";" when none is found. */
export function detectSeparator(text: string): Separator {
  const header = firstRecordText(text)
  const counts = new Map<Separator, number>(SEPARATORS.map((s) => [s, 0]))
  let quoted = false
  for (const c of header) {
    if (c === '"') quoted = !quoted
    else if (!quoted && counts.has(c as Separator)) counts.set(c as Separator, counts.get(c as Separator)! + 1)
  }
  let best: Separator = ';'
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s
  return best
}

export type CsvRecord = {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number
  /** Physical line where it ends (differs when a quoted field holds line breaks). */
  endLine: number
  fields: string[]
  /** The record's text as it was in the file, for the report. */
  raw: string
}

export type CsvProblemCode = 'unterminatedQuote' | 'columnCount'
export type CsvProblem = { line: number; endLine?: number; code: CsvProblemCode; raw: string; expected?: number; found?: number }

type ParseOutcome = { records: CsvRecord[]; unterminated: { line: number; raw: string }[] }

/**
 * Splits text into records. A record whose quote never closes is returned in `unterminated`
 * and reading resumes on the physical line after its first line, so what follows is kept.
 */
export function parseRecords(text: string, separator: Separator): ParseOutcome {
  const records: CsvRecord[] = []
  const unterminated: { line: number; raw: string }[] = []
  let pos = 0
  let line = 1
  const n = text.length
  while (pos < n) {
    const start = pos
    const startLine = line
    const fields: string[] = []
    let field = ''
    let quoted = false
    let fieldStart = true
    let currentLine = line
    let ended = false
    let broken = false
    while (pos < n) {
      const c = text[pos]!
      if (quoted) {
        if (c === '"') {
          if (text[pos + 1] === '"') {
            field += '"'
            pos += 2
            continue
          }
          quoted = false
          pos++
          continue
        }
        if (c === '\n' || (c === '\r' && text[pos + 1] !== '\n')) currentLine++
        field += c
        pos++
        continue
      }
      if (c === '"' && fieldStart) {
        quoted = true
        fieldStart = false
        pos++
        continue
      }
      if (c === separator) {
        fields.push(field)
        field = ''
        fieldStart = true
        pos++
        continue
      }
      if (c === '\r' || c === '\n') {
        pos += c === '\r' && text[pos + 1] === '\n' ? 2 : 1
        currentLine++
        ended = true
        break
      }
      // A quote inside an unquoted field, or text after a closing quote: kept as written.
      field += c
      fieldStart = false
      pos++
    }
    if (quoted) broken = true
    if (broken) {
      // Report the record from its first line, then read again from the next physical line.
      const lineEnd = text.slice(start).search(/\r\n|\n|\r/)
      const firstLineEnd = lineEnd === -1 ? n : start + lineEnd
      unterminated.push({ line: startLine, raw: text.slice(start, firstLineEnd) })
      pos = firstLineEnd
      if (text[pos] === '\r' && text[pos + 1] === '\n') pos += 2
      else if (pos < n) pos++
      line = startLine + 1
      continue
    }
    fields.push(field)
    const rawEnd = ended ? pos - (text[pos - 1] === '\n' && text[pos - 2] === '\r' ? 2 : 1) : pos
    records.push({ line: startLine, endLine: ended ? currentLine - 1 : currentLine, fields, raw: text.slice(start, rawEnd) })
    line = currentLine
    if (!ended) break
  }
  return { records, unterminated }
}

const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '')

export type CsvTable = {
  encoding: Encoding
  separator: Separator
  headers: string[]
  /** Data records with the header's number of fields (extra empty trailing fields are dropped). */
  rows: CsvRecord[]
  /** Records that cannot be read, with their line; never silently dropped. */
  problems: CsvProblem[]
  /** Lines with nothing on them (or only separators), ignored but counted. */
  blankLines: number[]
}

/** Decodes and parses a whole file: the first non-blank record is the header. */
export function readCsv(bytes: Uint8Array, separator?: Separator): CsvTable {
  const { text, encoding } = decodeBytes(bytes)
  const sep = separator ?? detectSeparator(text)
  const { records, unterminated } = parseRecords(text, sep)
  const problems: CsvProblem[] = unterminated.map((u) => ({ line: u.line, code: 'unterminatedQuote', raw: u.raw }))
  const blankLines: number[] = []
  const rows: CsvRecord[] = []
  let headers: string[] | null = null
  for (const record of records) {
    if (isBlank(record.fields)) {
      blankLines.push(record.line)
      continue
    }
    if (!headers) {
      headers = record.fields.map((h) => h.trim())
      while (headers.length > 1 && headers[headers.length - 1] === '') headers.pop()
      continue
    }
    const fields = [...record.fields]
    while (fields.length > headers.length && fields[fields.length - 1]!.trim() === '') fields.pop()
    if (fields.length !== headers.length) {
      problems.push({
        line: record.line,
        endLine: record.endLine,
        code: 'columnCount',
        raw: record.raw,
        expected: headers.length,
        found: fields.length,
      })
      continue
    }
    rows.push({ ...record, fields })
  }
  problems.sort((a, b) => a.line - b.line)
  return { encoding, separator: sep, headers: headers ?? [], rows, problems, blankLines }
}

/** A CSV file French spreadsheet software opens as is: UTF-8 with BOM, ";" and CRLF; formula-safe cells. */
export function writeCsv(headers: string[], rows: string[][], separator: Separator = ';'): string {
  const lines = [headers, ...rows].map((row) => row.map((cell) => csvField(cell, separator)).join(separator))
  return BOM + lines.join('\r\n') + '\r\n'
}
