// The same département codes fed to every form schema: each one accepts and refuses the same
// codes, the ones app/shared/territories.ts decides (an event in 978 and its registrants alike).
import { describe, expect, test } from 'vitest'
import { validateContact } from '#app/modules/contacts/schema.ts'
import { audienceSchema } from '#app/modules/contacts/audience.ts'
import { eventInputSchema } from '#app/modules/events/schema.ts'
import { parseDraft } from '#app/modules/nominations/schema.ts'
import { editionFormSchema } from '#app/modules/prizes/schema.ts'
import { formContextOf, parseRegistrationJson } from '#app/modules/registrations/form.ts'
import { isDepartement } from '#app/shared/territories.ts'

const accepted = ['01', '2A', '2b', '95', '971', '972', '973', '974', '976', '975', '977', '978', '986', '987', '988', '9']
const refused = ['20', '96', '99', '970', '979', '984', '989', 'Haute-Garonne']

const forms: Record<string, (code: string) => boolean> = {
  event: (code) =>
    eventInputSchema.safeParse({
      title: 'Conférence',
      kind: 'conference',
      startsAt: '2026-11-29T09:00:00+01:00',
      endsAt: '2026-11-29T17:00:00+01:00',
      departement: code,
    }).success,
  registration: (code) =>
    parseRegistrationJson(
      { firstName: 'Ana', lastName: 'Lopez', email: 'ana@example.org', organisation: 'Mutuelle du Sud', consent: true, departement: code },
      formContextOf({ questions: [], slots: [], workshops: [] }),
    ).success,
  nomination: (code) => !('departement' in parseDraft({ departement: code }, { categories: [], questions: [] }).fieldErrors),
  prizeEdition: (code) =>
    editionFormSchema.safeParse({
      title: 'Prix',
      year: '2026',
      submissionsOpenAt: '2026-05-10T09:00',
      submissionsCloseAt: '2026-06-30T23:59',
      eligibleDepartements: code,
    }).success,
  contact: (code) => validateContact({ email: 'ana@example.org', departement: code }).ok,
}

describe('every form agrees on the départements', () => {
  for (const [name, accepts] of Object.entries(forms)) {
    test(`${name}: accepts ${accepted.join(' ')}; refuses ${refused.join(' ')}`, () => {
      expect(accepted.filter((code) => !accepts(code))).toEqual([])
      expect(refused.filter((code) => accepts(code))).toEqual([])
    })
  }

  test('campaign audiences store codes as the forms do', () => {
    expect(audienceSchema.parse({ departements: ['2a', '9', '978'] }).departements).toEqual(['2A', '09', '978'])
    expect(isDepartement('978')).toBe(true)
  })
})
