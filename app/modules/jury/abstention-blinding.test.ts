import { describe, expect, test } from 'vitest'
import { blindNomination, isBlindableField, neutralReference, parseBlindFields, questionField } from './blinding.ts'
import { jurorOverview, spreadLabel } from './juror-overview.ts'
import { countedEntries, normalisedScores } from './rules.ts'

const scale = { scaleMin: 0, scaleMax: 5 }

describe('abstentions never count', () => {
  test('countedEntries leaves abstentions out', () => {
    const entries = [
      { jurorId: 'A', nominationId: 'x', total: 4 },
      { jurorId: 'B', nominationId: 'x', total: 1, abstained: true },
    ]
    expect(countedEntries(entries).map((e) => e.jurorId)).toEqual(['A'])
  })
  test('normalisation with an abstention equals normalisation without that entry', () => {
    const base = [
      { jurorId: 'A', nominationId: 'n1', total: 4 },
      { jurorId: 'A', nominationId: 'n2', total: 2 },
      { jurorId: 'B', nominationId: 'n1', total: 5 },
      { jurorId: 'B', nominationId: 'n2', total: 3 },
    ]
    const withAbstention = [...base, { jurorId: 'B', nominationId: 'n3', total: 0, abstained: true }]
    const a = normalisedScores(base, scale)
    const b = normalisedScores(withAbstention, scale)
    expect(b.get('n1')).toBeCloseTo(a.get('n1')!, 9)
    expect(b.get('n2')).toBeCloseTo(a.get('n2')!, 9)
    // The abstained nomination gets no score at all, and B's 0 did not drag B's mean down.
    expect(b.has('n3')).toBe(false)
  })
})

describe('blindNomination', () => {
  const nomination = {
    id: 'cknom00000abc12',
    structureName: 'Les Jardins de Cocagne',
    siret: '73282932000074',
    contactFirstName: 'Anne',
    contactLastName: 'Martin',
    contactEmail: 'anne@example.org',
    contactPhone: '0600000000',
    town: 'Tours',
    postalCode: '37000',
    projectTitle: 'Maraîchage',
    answers: { q1: 'secret', q2: 'visible' },
    attachments: [{ id: 'f1', filename: 'Statuts Jardins.PDF' }],
  }
  test('hides each chosen field and nothing else', () => {
    const out = blindNomination(nomination, [
      'structureName',
      'siret',
      'contactName',
      'contactEmail',
      'contactPhone',
      'address',
      'attachmentNames',
      questionField('q1'),
    ])
    expect(out.structureName).toBe('C-ABC12')
    expect(out.reference).toBe(neutralReference(nomination.id))
    expect(out.siret).toBeNull()
    expect([out.contactFirstName, out.contactLastName, out.contactEmail, out.contactPhone, out.town, out.postalCode]).toEqual([
      '',
      '',
      '',
      null,
      null,
      null,
    ])
    expect(out.attachments).toEqual([{ id: 'f1', filename: 'C-ABC12-1.pdf' }])
    expect(out.answers).toEqual({ q2: 'visible' })
    expect(out.projectTitle).toBe('Maraîchage')
    expect(JSON.stringify(out)).not.toMatch(/Cocagne|73282932000074|anne@|Statuts|secret/)
    expect(out.blinded).toBe(true)
  })
  test('no blind fields: unchanged, with the reference beside', () => {
    const out = blindNomination(nomination, [])
    expect(out).toEqual({ ...nomination, reference: 'C-ABC12', blinded: false })
  })
  test('which fields can be blinded', () => {
    expect(isBlindableField('siret')).toBe(true)
    expect(isBlindableField('projectTitle')).toBe(false)
    expect(isBlindableField('question:q1', ['q1'])).toBe(true)
    expect(isBlindableField('question:zz', ['q1'])).toBe(false)
    expect(parseBlindFields('["siret","nope"]')).toEqual(['siret'])
    expect(parseBlindFields('not json')).toEqual([])
  })
})

describe('jurorOverview', () => {
  test('progress, mean, spread against the jury on the same nominations, label and days since activity', () => {
    const now = new Date('2026-12-07T12:00:00Z')
    const rows = jurorOverview({
      jurors: [
        { id: 'hawk', name: 'Hawk' },
        { id: 'dove', name: 'Dove' },
        { id: 'idle', name: 'Idle' },
      ],
      assigned: new Map([
        ['hawk', 3],
        ['dove', 3],
        ['idle', 3],
      ]),
      entries: [
        { jurorId: 'hawk', nominationId: 'a', total: 1, range: 5 },
        { jurorId: 'hawk', nominationId: 'b', total: 2, range: 5 },
        { jurorId: 'dove', nominationId: 'a', total: 5, range: 5 },
        { jurorId: 'dove', nominationId: 'b', total: 4, range: 5 },
        // An abstained entry counts nowhere.
        { jurorId: 'dove', nominationId: 'c', total: 0, range: 5, abstained: true },
      ],
      abstentions: [{ jurorId: 'dove', nominationId: 'c' }],
      lastActivity: new Map([['hawk', new Date('2026-12-04T10:00:00Z')]]),
      now,
    })
    const [hawk, dove, idle] = rows
    // Jury means: a = 3, b = 3. Hawk: (1−3 + 2−3)/2 = −1.5; Dove: (2 + 1)/2 = +1.5.
    expect(hawk).toMatchObject({ scored: 2, abstentions: 0, mean: 1.5, sd: 0.5, spread: -1.5, label: 'severe', daysSinceActivity: 3 })
    expect(dove).toMatchObject({ scored: 3, abstentions: 1, mean: 4.5, spread: 1.5, label: 'generous' })
    expect(idle).toMatchObject({ scored: 0, mean: null, spread: null, label: 'unknown', lastActivityAt: null, daysSinceActivity: null })
  })
  test('labels: beyond 10% of the range', () => {
    expect(spreadLabel(0.4, 5)).toBe('aligned')
    expect(spreadLabel(-0.6, 5)).toBe('severe')
    expect(spreadLabel(0.6, 5)).toBe('generous')
    expect(spreadLabel(null, 5)).toBe('unknown')
  })
})
