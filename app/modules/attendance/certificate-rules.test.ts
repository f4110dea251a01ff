import { describe, expect, test } from 'vitest'
import {
  certificateKindOf,
  certificateReference,
  defaultWording,
  formatHours,
  MERGE_FIELDS,
  plannedMinutes,
  recipientsOf,
  renderMergeFields,
  unknownMergeFields,
  wordingFor,
  type MergeValues,
} from './certificate-rules.ts'

const values: MergeValues = {
  prenom: 'Hélène',
  nom: 'Castan',
  evenement: 'YESS Académie',
  dates: '4 février 2027',
  heures: '7 h',
  heures_prevues: '14 h',
  organisation: 'CRESS Occitanie',
  lieu: 'Toulouse',
}

describe('merge fields', () => {
  test('each known field is replaced, spaces inside the braces allowed, repeated fields every time', () => {
    expect(
      renderMergeFields(
        '{{prenom}} {{ nom }} — {{evenement}} ({{heures}}/{{heures_prevues}}), {{organisation}}, {{lieu}}, {{dates}}, {{prenom}}',
        values,
      ),
    ).toBe('Hélène Castan — YESS Académie (7 h/14 h), CRESS Occitanie, Toulouse, 4 février 2027, Hélène')
  })

  test('a text without fields is kept as written', () => {
    expect(renderMergeFields('Merci { et } à tous', values)).toBe('Merci { et } à tous')
  })

  test('unknown fields are named once each, in order; known ones are not', () => {
    expect(unknownMergeFields('{{prénom}} {{nom}} {{ville}} {{prénom}} {{}}')).toEqual(['prénom', 'ville', ''])
    expect(unknownMergeFields(MERGE_FIELDS.map((f) => `{{${f}}}`).join(' '))).toEqual([])
  })

  test('the default wording of every kind and language uses only known fields', () => {
    for (const kind of ['realisation', 'presence'] as const)
      for (const locale of ['fr', 'en'] as const) {
        const w = defaultWording(kind, locale)
        expect(unknownMergeFields(w.title + w.body), `${kind} ${locale}`).toEqual([])
        expect(w.body).toContain('{{prenom}} {{nom}}')
      }
  })
})

describe('which certificate and which wording', () => {
  test('trainings give a certificat de réalisation, conferences and the rest an attestation de présence', () => {
    expect(certificateKindOf('yess_academie')).toBe('realisation')
    expect(certificateKindOf('training')).toBe('realisation')
    expect(certificateKindOf('conference')).toBe('presence')
    expect(certificateKindOf('other')).toBe('presence')
  })

  test('default titles per kind and language', () => {
    expect(defaultWording('realisation', 'fr').title).toBe('Certificat de réalisation')
    expect(defaultWording('realisation', 'en').title).toBe('Certificate of completion')
    expect(defaultWording('presence', 'fr').title).toBe('Attestation de présence')
    expect(defaultWording('presence', 'en').title).toBe('Certificate of attendance')
    expect(defaultWording('realisation', 'fr').body).toContain('{{heures}} sur {{heures_prevues}}')
  })

  test('the organiser’s wording for the attendee’s language, the default where it is empty', () => {
    const template = { title: 'Attestation YESS', body: null, titleEn: null, bodyEn: 'Well done {{prenom}}' }
    expect(wordingFor('presence', 'fr', template)).toEqual({ title: 'Attestation YESS', body: defaultWording('presence', 'fr').body })
    expect(wordingFor('presence', 'en', template)).toEqual({ title: 'Certificate of attendance', body: 'Well done {{prenom}}' })
    expect(wordingFor('realisation', 'en', null)).toEqual(defaultWording('realisation', 'en'))
  })
})

describe('hours planned', () => {
  const paris = (local: string) => new Date(`${local}+01:00`)

  test('one day of 9:00–12:30 counts 3 h 30', () => {
    expect(plannedMinutes(paris('2027-02-04T09:00:00'), paris('2027-02-04T12:30:00'), 'Europe/Paris')).toBe(210)
  })

  test('a day longer than 7 hours counts 7', () => {
    expect(plannedMinutes(paris('2027-02-04T09:00:00'), paris('2027-02-04T17:30:00'), 'Europe/Paris')).toBe(420)
  })

  test('a three-day seminar counts each day, capped at 7 h, not the hours between its ends', () => {
    expect(plannedMinutes(paris('2027-02-04T09:00:00'), paris('2027-02-06T12:00:00'), 'Europe/Paris')).toBe(420 + 420 + 420)
    // Day 1: 14:00 → midnight (7 h cap), day 2: midnight → 11:00 (7 h cap).
    expect(plannedMinutes(paris('2027-02-04T14:00:00'), paris('2027-02-05T03:00:00'), 'Europe/Paris')).toBe(420 + 180)
  })

  test('days are cut at midnight in the event’s time zone', () => {
    // 20:00–02:00 in Paris is two local days of 4 h and 2 h; in UTC+1 terms it would be one.
    expect(plannedMinutes(paris('2027-02-04T20:00:00'), paris('2027-02-05T02:00:00'), 'Europe/Paris')).toBe(360)
    expect(plannedMinutes(new Date('2027-02-04T20:00:00Z'), new Date('2027-02-05T04:00:00Z'), 'America/Guadeloupe')).toBe(420)
  })
})

describe('how hours and references read', () => {
  test('hours in French and English', () => {
    expect(formatHours(420, 'fr')).toBe('7\u00a0h')
    expect(formatHours(210, 'fr')).toBe('3\u00a0h\u00a030')
    expect(formatHours(425, 'fr')).toBe('7\u00a0h\u00a005')
    expect(formatHours(210, 'en')).toBe('3\u00a0h\u00a030\u00a0min')
  })

  test('the reference carries the event and the number, padded', () => {
    expect(certificateReference('forum-ess-2027', 7)).toBe('CERT-FORUM-ESS-2027-0007')
  })
})

describe('who gets a certificate on a send', () => {
  const attendees = [{ registrationId: 'a' }, { registrationId: 'b' }, { registrationId: 'c' }]
  test('those not yet sent, or everyone on a re-send', () => {
    expect(recipientsOf(attendees, new Set(['b']), false).map((a) => a.registrationId)).toEqual(['a', 'c'])
    expect(recipientsOf(attendees, new Set(['a', 'b', 'c']), false)).toEqual([])
    expect(recipientsOf(attendees, new Set(['b']), true)).toHaveLength(3)
  })
})
