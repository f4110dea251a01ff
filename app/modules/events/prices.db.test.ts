// Prices on the public pages (issue 17): the event page's « Tarifs » block and the listing's cards,
// read from the loaders of /e/:slug and /e as a visitor's browser gets them.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { loader as eventLoader } from '#app/routes/public/e.$slug._index.tsx'
import { loader as listLoader } from '#app/routes/public/e._index.tsx'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { makeEvent, makeOrganisation } from '#tests/support/factories.ts'
import { clearPublicCache } from './public.server.ts'

type Loaded = { data: unknown }
const args = (url: string, params: Record<string, string> = {}) =>
  ({ request: new Request(url, { headers: { 'Accept-Language': 'fr' } }), params, context: {} }) as Parameters<typeof eventLoader>[0]
const text = (m: { key: string; params: Record<string, string> }) => translate('fr', m.key as MessageKey, m.params).replace(/\u202f/g, ' ')

describe('prices on the public pages', async () => {
  const org = await makeOrganisation()
  const paid = await makeEvent(org.id, { title: 'Conférence payante' })
  await prisma.ticketType.createMany({
    data: [
      { eventId: paid.id, kind: 'reduced', name: 'Tarif réduit', priceCents: 2000, quota: 5, sold: 5, position: 0 },
      { eventId: paid.id, kind: 'paid', name: 'Tarif plein', priceCents: 4500, position: 1 },
      { eventId: paid.id, kind: 'paid', name: 'Tarif soutien', priceCents: 8000, position: 2 },
      { eventId: paid.id, kind: 'paid', name: 'Ancien tarif', priceCents: 1000, position: 3, archivedAt: new Date() },
    ],
  })
  await makeEvent(org.id, { title: 'Rencontre gratuite' })
  clearPublicCache()

  test('the event page lists the tickets with their price and « Complet », hidden ones left out', async () => {
    const page = ((await eventLoader(args(`http://localhost/e/${paid.slug}`, { slug: paid.slug }))) as unknown as Loaded).data as {
      event: {
        prices: {
          summary: { key: string; params: Record<string, string> }
          tickets: { name: string; price: string | null; soldOut: boolean }[]
        }
      }
    }
    expect(text(page.event.prices.summary)).toBe('45 € – 80 €')
    expect(page.event.prices.tickets).toEqual([
      { name: 'Tarif réduit', price: '20\u202f€', soldOut: true },
      { name: 'Tarif plein', price: '45\u202f€', soldOut: false },
      { name: 'Tarif soutien', price: '80\u202f€', soldOut: false },
    ])
  })

  test('the cards of /e say the price and which tickets are sold out; no ticket types reads « Gratuit »', async () => {
    const list = ((await listLoader(args('http://localhost/e'))) as unknown as Loaded).data as {
      events: { title: string; prices: { summary: { key: string; params: Record<string, string> }; soldOut: string[] } }[]
    }
    const card = (title: string) => list.events.find((e) => e.title === title)!
    expect(text(card('Conférence payante').prices.summary)).toBe('45 € – 80 €')
    expect(card('Conférence payante').prices.soldOut).toEqual(['Tarif réduit'])
    expect(text(card('Rencontre gratuite').prices.summary)).toBe('Gratuit')
  })
})
