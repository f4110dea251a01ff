// Pieces of the public event pages: the availability badge and the event card of the listings.
import { Link } from '@remix-run/react'
import type { Availability, PricesView } from '#app/modules/events/public.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey, MessageParams } from '#app/utils/i18n.ts'

const KINDS = new Set(['conference', 'yess_academie', 'training', 'other'])

export function kindKey(kind: string): MessageKey {
  return `public.kind.${KINDS.has(kind) ? kind : 'other'}` as MessageKey
}

export function seatsKey(seatsLeft: number | null): { key: MessageKey; params?: MessageParams } {
  if (seatsLeft === null) return { key: 'public.seats.unlimited' }
  if (seatsLeft === 0) return { key: 'public.seats.full' }
  return { key: 'public.seats.left', params: { count: seatsLeft } }
}

export function availabilityKey(a: Availability): { key: MessageKey; params?: MessageParams } {
  switch (a.state) {
    case 'open':
      return seatsKey(a.seatsLeft)
    case 'waitlist':
      return { key: 'public.seats.waitlist' }
    case 'full':
      return { key: 'public.seats.full' }
    case 'closed':
      return { key: `public.closed.${a.reason}` as MessageKey }
  }
}

const TONES: Record<Availability['state'], string> = {
  open: 'border-brand-700 bg-brand-50 text-brand-800',
  waitlist: 'border-amber-700 bg-amber-50 text-amber-900',
  full: 'border-red-700 bg-red-50 text-red-900',
  closed: 'border-stone-500 bg-stone-100 text-stone-800',
}

export function AvailabilityBadge({ availability, className = '' }: { availability: Availability; className?: string }) {
  const t = useT()
  const { key, params } = availabilityKey(availability)
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${TONES[availability.state]} ${className}`}>
      {t(key, params)}
    </span>
  )
}

export type EventCardView = {
  slug: string
  title: string
  kind: string
  days: string
  town: string | null
  online: boolean
  region: string | null
  organisation: { slug: string; name: string }
  availability: Availability
  prices: PricesView
}

/** One event in a listing; the heading level follows the page's outline. */
export function EventCard({
  event,
  headingLevel = 3,
  showOrganisation = true,
}: {
  event: EventCardView
  headingLevel?: 2 | 3
  showOrganisation?: boolean
}) {
  const t = useT()
  const Heading = `h${headingLevel}` as const
  const place = [event.town, event.online && !event.town ? t('public.card.online') : null].filter(Boolean).join(' · ')
  return (
    <article className="card flex h-full flex-col gap-2">
      <p className="text-sm font-medium text-stone-700">{t(kindKey(event.kind))}</p>
      <Heading className="text-lg font-semibold leading-snug">
        <Link to={`/e/${event.slug}`} className="link">
          {event.title}
        </Link>
      </Heading>
      <p className="text-stone-800">{event.days}</p>
      {(place || event.region) && <p className="text-sm text-stone-700">{[place, event.region].filter(Boolean).join(' — ')}</p>}
      {showOrganisation && <p className="text-sm text-stone-700">{t('public.card.organiser', { name: event.organisation.name })}</p>}
      <p className="text-sm font-medium text-stone-800" data-testid="card-price">
        {t(event.prices.summary.key, event.prices.summary.params)}
      </p>
      {event.prices.soldOut.length > 0 && (
        <p className="text-sm text-stone-700">{t('public.price.soldOutOnCard', { names: event.prices.soldOut.join(', ') })}</p>
      )}
      <p className="mt-auto pt-2">
        <AvailabilityBadge availability={event.availability} />
      </p>
    </article>
  )
}

/** Venue, address and town, the town left out when the address already ends with it ("2 place Jean Jaurès, 41000 Blois"). */
export function placeLines(event: { venueName: string | null; address: string | null; town: string | null }) {
  const addressHasTown = Boolean(event.town && event.address?.toLocaleLowerCase('fr').includes(event.town.toLocaleLowerCase('fr')))
  return [event.venueName, event.address, addressHasTown ? null : event.town].filter((line): line is string => Boolean(line))
}
