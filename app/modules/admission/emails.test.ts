// The decision emails render in the candidate's language, with the organisers' personal message.
import { describe, expect, test } from 'vitest'
import { renderEmail } from '#app/modules/email/render.server.ts'

const event = {
  slug: 'yess-academie-narbonne-2026',
  title: 'YESS Académie – 4e édition, Narbonne',
  startsAt: '2026-11-29T08:00:00.000Z',
  endsAt: '2026-11-30T16:30:00.000Z',
  timeZone: 'Europe/Paris',
  venue: 'Maison de l’économie sociale du Narbonnais',
  onlineUrl: null,
}
const base = { event, firstName: 'Léa', manageUrl: 'https://essor.example/r/abc', projectName: 'La Recyclerie' }

describe('application emails', () => {
  test('received, in French and in English', async () => {
    const fr = await renderEmail('application-received', base, 'fr')
    expect(fr.subject).toBe('Candidature reçue : YESS Académie – 4e édition, Narbonne')
    expect(fr.text).toContain('La Recyclerie')
    const en = await renderEmail('application-received', base, 'en')
    expect(en.subject).toBe('Application received: YESS Académie – 4e édition, Narbonne')
    expect(en.text).toContain('does not book a seat yet')
  })

  test('refused and waitlisted carry the personal message', async () => {
    const refused = await renderEmail('application-refused', { ...base, message: 'Revenez au printemps !' }, 'fr')
    expect(refused.text).toContain('n’a pas pu retenir votre candidature')
    expect(refused.text).toContain('Revenez au printemps !')
    const waitlisted = await renderEmail('application-waitlisted', { ...base, message: 'Vous êtes 2e.' }, 'en')
    expect(waitlisted.subject).toBe('Waiting list: YESS Académie – 4e édition, Narbonne')
    expect(waitlisted.text).toContain('Vous êtes 2e.')
  })

  test('the confirmation of an accepted application adds the message; without one, nothing changes', async () => {
    const ticket = { event, firstName: 'Léa', manageUrl: 'https://essor.example/r/abc', ticketCode: 'ABCDE12345', registrationId: 'r1' }
    const withMessage = await renderEmail('registration-confirmed', { ...ticket, message: 'Bienvenue dans la promotion !' }, 'fr')
    expect(withMessage.text).toContain('Bienvenue dans la promotion !')
    expect(withMessage.text).toContain('Le mot de l’équipe organisatrice')
    const plain = await renderEmail('registration-confirmed', ticket, 'fr')
    expect(plain.text).not.toContain('Le mot de l’équipe organisatrice')
  })
})
