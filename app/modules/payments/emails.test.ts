// The payment emails render in both languages with the amounts, reference and links.
import { describe, expect, test } from 'vitest'
import { renderEmail } from '#app/modules/email/render.server.ts'

const event = {
  slug: 'conf',
  title: 'Conférence ESS',
  startsAt: '2026-06-10T07:00:00Z',
  endsAt: '2026-06-10T16:00:00Z',
  timeZone: 'Europe/Paris',
  venue: 'Toulouse',
  onlineUrl: null,
}

describe('payment emails', () => {
  test('transfer instructions: amount, reference, bank details, link', async () => {
    const props = {
      event,
      firstName: 'Camille',
      manageUrl: 'https://essor.example/r/abc',
      amount: '45,00\u00a0€',
      ticket: 'Plein tarif',
      reference: 'ESS-7K3F9Q2M',
      method: 'transfer' as const,
      bank: { holder: 'CRESS Occitanie', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPPXXX' },
    }
    const fr = await renderEmail('payment-instructions', props, 'fr')
    expect(fr.subject).toBe('Paiement de votre inscription : Conférence ESS')
    expect(fr.text).toContain('ESS-7K3F9Q2M')
    expect(fr.text).toContain('FR7630006000011234567890189')
    expect(fr.text).toContain('45,00')
    expect(fr.text).toContain('https://essor.example/r/abc')
    const en = await renderEmail(
      'payment-instructions',
      { ...props, method: 'purchase_order' as const, purchaseOrderNumber: 'BC-42', bank: null },
      'en',
    )
    expect(en.text).toContain('purchase order no. BC-42')
    expect(en.text).toContain('The organisers will send you their bank details')
  })

  test('confirmation of a paid ticket carries the receipt link; released hold explains why', async () => {
    const confirmed = await renderEmail(
      'registration-confirmed',
      {
        event,
        firstName: 'Camille',
        manageUrl: 'https://essor.example/r/abc',
        ticketCode: 'ABCDEFGHJK',
        registrationId: 'r1',
        payment: { amount: '45,00\u00a0€', receiptNumber: '000007', receiptUrl: 'https://essor.example/r/abc/recu' },
      },
      'fr',
    )
    expect(confirmed.text).toContain('reçu n° 000007')
    expect(confirmed.html).toContain('https://essor.example/r/abc/recu')
    const released = await renderEmail('payment-released', { event, firstName: 'Camille', reason: 'expired' as const }, 'fr')
    expect(released.subject).toBe('Réservation expirée : Conférence ESS')
    expect(released.text).toContain('Le paiement n’a pas été reçu à temps')
  })
})
