import { describe, expect, test } from 'vitest'
import { exportRegistration } from '#tests/support/export-fixtures.ts'
import { csvField, neutraliseFormula } from '#app/shared/csv.ts'
import { buildExportTable, exportFilename, toCsv } from './export-format.ts'

const event = {
  timeZone: 'Europe/Paris',
  slots: [{ id: 'am' }, { id: 'pm' }],
  questions: [
    { id: 'q1', label: 'Comment nous avez-vous connus ?' },
    { id: 'q2', label: 'Ateliers souhaités' },
    { id: 'q3', label: 'Photo autorisée' },
  ],
}

/** Splits our CSV back into rows of fields (RFC 4180 with ";"), to check what a spreadsheet reads. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ';') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

describe('CSV fields', () => {
  test('plain text is left as is', () => {
    expect(csvField('Jeanne Dupont')).toBe('Jeanne Dupont')
  })

  test('the separator, quotes and line breaks are quoted, quotes doubled', () => {
    expect(csvField('Asso; du Lac')).toBe('"Asso; du Lac"')
    expect(csvField('Le "Lac"')).toBe('"Le ""Lac"""')
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"')
    expect(csvField('a\r\nb')).toBe('"a\r\nb"')
    // A comma is not our separator: no quotes needed.
    expect(csvField('Toulouse, 31')).toBe('Toulouse, 31')
  })

  test.each(['=HYPERLINK("http://evil.example")', '+33 6 12 34 56 78', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1'])(
    'a cell starting like a formula is neutralised by a leading quote: %j',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`)
      const field = csvField(value)
      expect(field.replace(/^"/, '').startsWith("'")).toBe(true)
    },
  )

  test('a formula with the separator is both neutralised and quoted', () => {
    expect(csvField('=1;2')).toBe(`"'=1;2"`)
    expect(csvField('=A1&"x"')).toBe(`"'=A1&""x"""`)
  })

  test('text with a formula character elsewhere is untouched', () => {
    expect(neutraliseFormula('Jean-Pierre')).toBe('Jean-Pierre')
    expect(neutraliseFormula('a=b')).toBe('a=b')
  })
})

describe('the export table', () => {
  test('French columns by default, one per question, labels instead of codes', () => {
    const table = buildExportTable(event, [exportRegistration()])
    expect(table.headers).toEqual([
      'Nom',
      'Prénom',
      'E-mail',
      'Structure',
      'Type de structure',
      'Département',
      'Téléphone',
      'Statut',
      'Ateliers',
      'Besoins d’accessibilité',
      'Régime alimentaire',
      'Comment nous avez-vous connus ?',
      'Ateliers souhaités',
      'Photo autorisée',
      'Inscrit le',
      'Émargé le',
    ])
    const row = table.rows[0]!
    expect(row.slice(0, 8)).toEqual([
      'Garçon',
      'Élodie',
      'elodie@example.org',
      'SCOP Les Ateliers',
      'Coopérative (SCOP, SCIC, CAE…)',
      '31',
      '',
      'Confirmée',
    ])
  })

  test('English on request', () => {
    const table = buildExportTable(event, [exportRegistration({ status: 'waitlisted' })], 'en')
    expect(table.headers.slice(0, 2)).toEqual(['Last name', 'First name'])
    expect(table.rows[0]![7]).toBe('Waiting list')
  })

  test('answers of every type, workshops in programme order, dates in Paris time', () => {
    const table = buildExportTable(event, [
      exportRegistration({
        answers: JSON.stringify({ q1: 'Bouche à oreille', q2: ['Finance', 'Emploi'], q3: true, gone: 'x' }),
        workshops: [
          { slotId: 'pm', workshop: { title: 'Atelier B' } },
          { slotId: 'am', workshop: { title: 'Atelier A' } },
        ],
        checkedInAt: new Date('2026-11-29T08:31:00Z'),
      }),
    ])
    const csv = parseCsv(toCsv(table).slice(1))
    const row = csv[1]!
    expect(row[8]).toBe('Atelier A ; Atelier B')
    expect(row.slice(11, 14)).toEqual(['Bouche à oreille', 'Finance, Emploi', 'Oui'])
    // 08:05 UTC is 09:05 in Paris in November.
    expect(row[14]).toBe('20/11/2026 09:05')
    expect(row[15]).toBe('29/11/2026 09:31')
  })

  test('the CSV starts with a BOM, uses ";" and CRLF, and survives hostile input', () => {
    const table = buildExportTable(event, [
      exportRegistration({
        lastName: '=cmd|" /C calc"!A0',
        organisationName: 'Asso "Le Lac"; Toulouse',
        dietaryNeeds: 'sans gluten\nsans lactose',
      }),
    ])
    const csv = toCsv(table)
    expect(csv.startsWith('\uFEFFNom;Prénom;E-mail;')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = parseCsv(csv.slice(1))
    expect(rows).toHaveLength(2)
    expect(rows[1]).toHaveLength(table.headers.length)
    expect(rows[1]![0]).toBe(`'=cmd|" /C calc"!A0`)
    expect(rows[1]![3]).toBe('Asso "Le Lac"; Toulouse')
    expect(rows[1]![10]).toBe('sans gluten\nsans lactose')
  })

  test('an organiser question whose label looks like a formula is neutralised too', () => {
    const table = buildExportTable({ ...event, questions: [{ id: 'q', label: '=1+1' }] }, [exportRegistration()])
    const header = parseCsv(toCsv(table).slice(1))[0]!
    expect(header[11]).toBe("'=1+1")
  })
})

describe('dates and names', () => {
  test('the file is named after the event slug', () => {
    const now = new Date('2026-11-21T12:00:00Z')
    expect(exportFilename('conference-ess-2026', 'fr', 'csv', now)).toBe('conference-ess-2026-inscriptions-2026-11-21.csv')
    expect(exportFilename('conference-ess-2026', 'en', 'xlsx', now)).toBe('conference-ess-2026-registrations-2026-11-21.xlsx')
  })
})
