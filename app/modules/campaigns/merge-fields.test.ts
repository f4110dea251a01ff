import { describe, expect, test } from 'vitest'
import { mergeHtml, mergeText, unknownMergeFields, type MergeValues } from './merge-fields.ts'
import { campaignInputSchema, contentFor } from './schema.ts'
import { parseAudience } from '#app/modules/contacts/audience.ts'

const values: MergeValues = {
  firstName: 'Zoé',
  lastName: 'Martin',
  structure: 'SCOP <Les "Ateliers"> & co',
  link: 'https://essor.example/i/abc?x=1&y=2',
  target: 'Journée régionale',
  organisation: 'CRESS Occitanie',
}

describe('merge fields', () => {
  test('French and English names give the same value; spaces and case inside braces are tolerated', () => {
    expect(mergeText('{{prenom}} / {{first_name}} / {{ PRENOM }} {{nom}} — {{evenement}} ({{organisation}})', values)).toBe(
      'Zoé / Zoé / Zoé Martin — Journée régionale (CRESS Occitanie)',
    )
  })

  test('values put into HTML are escaped; the link becomes an anchor', () => {
    const html = mergeHtml('<p>{{structure}} : {{lien}}</p>', values)
    expect(html).toBe(
      '<p>SCOP &lt;Les &quot;Ateliers&quot;&gt; &amp; co : <a href="https://essor.example/i/abc?x=1&amp;y=2">https://essor.example/i/abc?x=1&amp;y=2</a></p>',
    )
    expect(html).not.toContain('<Les')
  })

  test('unknown fields are reported once each, and left as written', () => {
    expect(unknownMergeFields('{{prenon}} {{prenom}} {{ville}} {{prenon}}')).toEqual(['prenon', 'ville'])
    expect(unknownMergeFields('Pas de champ { ici }')).toEqual([])
    expect(mergeText('{{ville}}', values)).toBe('{{ville}}')
  })
})

describe('campaign schema', () => {
  test('an invitation needs its event; a nomination call its edition; unknown fields are errors', () => {
    const noEvent = campaignInputSchema.safeParse({ kind: 'event_invitation', name: 'x' })
    expect(noEvent.success).toBe(false)
    expect(noEvent.error?.issues.map((i) => i.message)).toContain('campaigns.error.eventRequired')
    const noEdition = campaignInputSchema.safeParse({ kind: 'nomination_call', name: 'x' })
    expect(noEdition.error?.issues.map((i) => i.message)).toContain('campaigns.error.editionRequired')
    const typo = campaignInputSchema.safeParse({ kind: 'announcement', name: 'x', subjectFr: 'Bonjour {{prenon}}' })
    expect(typo.error?.issues[0]).toMatchObject({ path: ['subjectFr'], message: 'campaigns.error.unknownField' })
    const ok = campaignInputSchema.safeParse({ kind: 'announcement', name: ' Nouvelles ', bodyFr: 'Bonjour {{prenom}}' })
    expect(ok.data).toMatchObject({ name: 'Nouvelles', trackOpens: false, audience: { tags: [], contactIds: [] } })
  })

  test('English falls back to French when not written; a broken audience reads as empty', () => {
    const c = { subjectFr: 'Objet', bodyFr: 'Corps', subjectEn: '', bodyEn: '' }
    expect(contentFor(c, 'en')).toEqual({ subject: 'Objet', body: 'Corps' })
    expect(contentFor({ ...c, subjectEn: 'Subject', bodyEn: 'Body' }, 'en')).toEqual({ subject: 'Subject', body: 'Body' })
    expect(parseAudience('not json').contactIds).toEqual([])
  })
})
