import { describe, expect, test } from 'vitest'
import { decodeBytes, detectSeparator, parseRecords, readCsv, writeCsv } from './csv.ts'

const utf8 = (s: string) => new TextEncoder().encode(s)
/** Windows-1252 bytes of a Latin-1 string (é = 0xE9, etc.), as French Excel writes them. */
const cp1252 = (s: string) => {
  const map: Record<string, number> = { '€': 0x80, '’': 0x92, œ: 0x9c, Œ: 0x8c }
  return Uint8Array.from([...s].map((c) => map[c] ?? c.charCodeAt(0)))
}

describe('decodeBytes', () => {
  test('UTF-8 without BOM', () => {
    expect(decodeBytes(utf8('Nom;Société\nA;Générale'))).toEqual({ text: 'Nom;Société\nA;Générale', encoding: 'utf-8', bom: false })
  })
  test('UTF-8 with BOM: the BOM is removed', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('E-mail;Prénom')])
    expect(decodeBytes(bytes)).toEqual({ text: 'E-mail;Prénom', encoding: 'utf-8', bom: true })
  })
  test('Windows-1252 when the bytes are not valid UTF-8', () => {
    const bytes = cp1252('Société Générale;Cœur d’Hérault;5 €')
    expect(bytes[4]).toBe(0xe9)
    const decoded = decodeBytes(bytes)
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text).toBe('Société Générale;Cœur d’Hérault;5 €')
  })
  test('plain ASCII reads as UTF-8', () => {
    expect(decodeBytes(utf8('email\na@b.fr')).encoding).toBe('utf-8')
  })
})

describe('detectSeparator', () => {
  test('semicolon, comma and tab from the header line', () => {
    expect(detectSeparator('Nom;Prénom;E-mail\nx,y;z;w')).toBe(';')
    expect(detectSeparator('name,first,email\na;b,c,d')).toBe(',')
    expect(detectSeparator('name\tfirst\temail\n')).toBe('\t')
  })
  test('separators inside quotes do not count', () => {
    expect(detectSeparator('"Nom, prénom";"Structure, ville";Mail\n')).toBe(';')
    expect(detectSeparator('"a;b;c;d",e,f\n')).toBe(',')
  })
  test('a header spanning lines inside quotes is one line', () => {
    expect(detectSeparator('"Nom\nde famille";Mail;Type\n')).toBe(';')
  })
  test('one column: semicolon by default', () => {
    expect(detectSeparator('email\na@b.fr\n')).toBe(';')
  })
})

describe('parseRecords', () => {
  test('quoted fields with the separator, doubled quotes and line breaks', () => {
    const text = 'a;b;c\r\n"x;y";"il dit ""bonjour""";"ligne 1\nligne 2"\r\nlast;;\n'
    const { records, unterminated } = parseRecords(text, ';')
    expect(unterminated).toEqual([])
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x;y', 'il dit "bonjour"', 'ligne 1\nligne 2'],
      ['last', '', ''],
    ])
    expect(records.map((r) => [r.line, r.endLine])).toEqual([
      [1, 1],
      [2, 3],
      [4, 4],
    ])
    expect(records[1]!.raw).toBe('"x;y";"il dit ""bonjour""";"ligne 1\nligne 2"')
  })
  test('CRLF, LF and a missing final line break', () => {
    expect(parseRecords('a,b\r\nc,d', ',').records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(parseRecords('a,b\nc,d\n', ',').records).toHaveLength(2)
  })
  test('an unterminated quote is reported on its line and the next lines are still read', () => {
    const text = 'email;nom\nok@x.fr;A\nbad@x.fr;"Dupont\nnext@x.fr;B\n'
    const { records, unterminated } = parseRecords(text, ';')
    expect(unterminated).toEqual([{ line: 3, raw: 'bad@x.fr;"Dupont' }])
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['email', 'nom']],
      [2, ['ok@x.fr', 'A']],
      [4, ['next@x.fr', 'B']],
    ])
  })
})

describe('readCsv', () => {
  test('a Windows-1252 semicolon file from French Excel', () => {
    const bytes = cp1252('Prénom;Nom;Courriel;Structure\r\nHélène;Castan;helene@x.fr;Société Générale\r\n')
    const table = readCsv(bytes)
    expect(table.encoding).toBe('windows-1252')
    expect(table.separator).toBe(';')
    expect(table.headers).toEqual(['Prénom', 'Nom', 'Courriel', 'Structure'])
    expect(table.rows.map((r) => r.fields)).toEqual([['Hélène', 'Castan', 'helene@x.fr', 'Société Générale']])
    expect(table.problems).toEqual([])
  })
  test('a UTF-8 comma file with BOM', () => {
    const table = readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('email,name\n"a@b.fr","Dupont, Jean"\n')]))
    expect(table.encoding).toBe('utf-8')
    expect(table.separator).toBe(',')
    expect(table.headers).toEqual(['email', 'name'])
    expect(table.rows[0]!.fields).toEqual(['a@b.fr', 'Dupont, Jean'])
  })
  test('a tab-separated file', () => {
    const table = readCsv(utf8('email\tnom\na@b.fr\tX\n'))
    expect(table.separator).toBe('\t')
    expect(table.rows[0]!.fields).toEqual(['a@b.fr', 'X'])
  })
  test('bad rows are reported by line; blank lines counted; every line accounted for', () => {
    const text =
      [
        'email;nom;type',
        'a@x.fr;A;asso',
        'b@x.fr;B',
        '',
        'c@x.fr;C;asso;extra',
        'd@x.fr;"D;asso',
        'e@x.fr;E;asso;;',
        ';;',
        'f@x.fr;F;asso',
      ].join('\n') + '\n'
    const table = readCsv(utf8(text))
    expect(table.headers).toEqual(['email', 'nom', 'type'])
    expect(table.rows.map((r) => r.line)).toEqual([2, 7, 9])
    expect(table.rows[1]!.fields).toEqual(['e@x.fr', 'E', 'asso'])
    expect(table.problems).toEqual([
      { line: 3, endLine: 3, code: 'columnCount', raw: 'b@x.fr;B', expected: 3, found: 2 },
      { line: 5, endLine: 5, code: 'columnCount', raw: 'c@x.fr;C;asso;extra', expected: 3, found: 4 },
      { line: 6, code: 'unterminatedQuote', raw: 'd@x.fr;"D;asso' },
    ])
    expect(table.blankLines).toEqual([4, 8])
    const accounted = [1, ...table.rows.map((r) => r.line), ...table.problems.map((p) => p.line), ...table.blankLines].sort((a, b) => a - b)
    expect(accounted).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })
  test('an empty file has no header', () => {
    expect(readCsv(new Uint8Array()).headers).toEqual([])
    expect(readCsv(utf8('\n\n')).headers).toEqual([])
  })
  test('trailing empty header columns (as spreadsheets write them) are dropped', () => {
    const table = readCsv(utf8('email;nom;;\na@x.fr;A;;\n'))
    expect(table.headers).toEqual(['email', 'nom'])
    expect(table.rows[0]!.fields).toEqual(['a@x.fr', 'A'])
  })
})

describe('writeCsv', () => {
  test('UTF-8 BOM, semicolons, CRLF, quoting and formula neutralising; reads back', () => {
    const csv = writeCsv(
      ['E-mail', 'Nom'],
      [
        ['a@x.fr', 'Dupont; "Jean"'],
        ['b@x.fr', '=HYPERLINK("x")'],
      ],
    )
    expect(csv).toBe('\uFEFFE-mail;Nom\r\na@x.fr;"Dupont; ""Jean"""\r\nb@x.fr;"\'=HYPERLINK(""x"")"\r\n')
    const back = readCsv(utf8(csv))
    expect(back.encoding).toBe('utf-8')
    expect(back.rows.map((r) => r.fields)).toEqual([
      ['a@x.fr', 'Dupont; "Jean"'],
      ['b@x.fr', '\'=HYPERLINK("x")'],
    ])
  })
})
