import { describe, expect, test } from 'vitest'
import { renderEmail } from '#app/modules/email/render.server.ts'

const event = {
  slug: 'conf',
  title: 'Conférence régionale',
  startsAt: '2026-12-10T08:00:00Z',
  endsAt: '2026-12-10T16:00:00Z',
  timeZone: 'Europe/Paris',
  venue: 'Toulouse',
  onlineUrl: null,
}

describe('refund-result email', () => {
  test('succeeded, with the fee kept, in French', async () => {
    const email = await renderEmail(
      'refund-result',
      { event, firstName: 'Camille', outcome: 'succeeded', refundCents: 4000, feeCents: 500, reference: 'ESS-7K3F9Q2M' },
      'fr',
    )
    expect(email.subject).toBe('Remboursement effectué : Conférence régionale')
    expect(email.text).toMatch(/remboursé 40,00\s€/)
    expect(email.text).toMatch(/frais d’annulation de 5,00\s€/)
    expect(email.text).toContain('ESS-7K3F9Q2M')
  })
  test('failed, in English, without fee line', async () => {
    const email = await renderEmail(
      'refund-result',
      { event, firstName: 'Sam', outcome: 'failed', refundCents: 4500, feeCents: 0, reference: 'ESS-AAAA2222' },
      'en',
    )
    expect(email.subject).toBe('Refund to be settled: Conférence régionale')
    expect(email.text).toContain('The refund of €45.00')
    expect(email.text).not.toContain('cancellation fee')
  })
})
