// An event's public page: dates, place, description, programme and the places left.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import {
  availabilityOf,
  formatEventWhen,
  formatInstant,
  formatTimeRange,
  getPublicEvent,
  pricesView,
  publicCacheHeaders,
  workshopSeatsLeft,
} from '#app/modules/events/public.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { AvailabilityBadge, kindKey, placeLines, seatsKey } from '#app/route-support/public-events.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { localeFromRequest } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return []
  const { event } = data
  return [
    { title: `${event.title} — ${event.organisation.name}` },
    { name: 'description', content: `${event.when}${event.town ? ` — ${event.town}` : ''}. ${event.summary}`.slice(0, 300) },
  ]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublicEvent(params.slug ?? '')
  if (!event) throw notFound()
  const locale = localeFromRequest(request)
  const now = new Date()
  const tz = event.timeZone
  const availability = availabilityOf(event, now)
  return data(
    {
      event: {
        slug: event.slug,
        title: event.title,
        kind: event.kind,
        when: formatEventWhen(locale, event.startsAt, event.endsAt, tz),
        venueName: event.venueName,
        address: event.address,
        town: event.town,
        region: event.region,
        online: Boolean(event.onlineUrl),
        descriptionHtml: event.descriptionHtml,
        summary: event.description.replace(/[#*_>`[\]()!-]/g, '').replace(/\s+/g, ' ').trim().slice(0, 200),
        contactEmail: event.contactEmail,
        organisation: event.organisation,
        invitationOnly: event.visibility === 'invitation',
        cancelled: event.status === 'cancelled',
        offerHours: event.offerHours,
        opensAt: availability.state === 'closed' && availability.reason === 'not_open_yet' && event.registrationOpensAt ? formatInstant(locale, event.registrationOpensAt, tz) : null,
        closesAt: event.registrationClosesAt && availability.state !== 'closed' ? formatInstant(locale, event.registrationClosesAt, tz) : null,
        slots: event.slots.map((s) => ({
          id: s.id,
          label: s.label,
          when: formatTimeRange(locale, s.startsAt, s.endsAt, tz),
          workshops: s.workshops.map((w) => ({ id: w.id, title: w.title, description: w.description, room: w.room, seatsLeft: workshopSeatsLeft(w) })),
        })),
        prices: pricesView(event.tickets, locale, now),
      },
      availability,
    },
    { headers: publicCacheHeaders(request) },
  )
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export default function PublicEventPage() {
  const t = useT()
  const { event, availability } = useLoaderData<typeof loader>()
  const canRegister = !event.invitationOnly && (availability.state === 'open' || availability.state === 'waitlist')
  const place = placeLines(event)
  return (
    <article className="space-y-8" aria-labelledby="event-title">
      <header className="space-y-3">
        <p className="text-sm font-medium text-stone-700">
          {t(kindKey(event.kind))} ·{' '}
          <Link to={`/org/${event.organisation.slug}`} className="link">
            {event.organisation.name}
          </Link>
        </p>
        <h1 id="event-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          {event.title}
        </h1>
        {event.cancelled && (
          <p role="status" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
            {t('public.event.cancelled')}
          </p>
        )}
      </header>

      {!event.invitationOnly && event.prices.tickets.length > 0 && (
        <section aria-labelledby="prices-title" className="card">
          <h2 id="prices-title" className="text-xl font-semibold">
            {t('public.price.title')}
          </h2>
          <p className="mt-1 text-stone-800">{t(event.prices.summary.key, event.prices.summary.params)}</p>
          <ul className="mt-3 divide-y divide-stone-200">
            {event.prices.tickets.map((ticket) => (
              <li key={ticket.name} className="flex flex-wrap gap-x-4 py-2">
                <span className="font-medium">{ticket.name}</span>
                <span>{ticket.price ?? t('public.price.ticketFree')}</span>
                {ticket.soldOut && <span className="font-semibold text-red-800">{t('public.price.soldOut')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="practical-title" className="card">
        <h2 id="practical-title" className="sr-only">
          {t('public.event.practical')}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm font-semibold text-stone-700">{t('public.event.when')}</dt>
            <dd className="mt-1 text-lg">{event.when}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold text-stone-700">{t('public.event.where')}</dt>
            <dd className="mt-1">
              {place.length > 0 && (
                <address className="not-italic">
                  {place.map((line) => (
                    <span key={line} className="block">
                      {line}
                    </span>
                  ))}
                </address>
              )}
              {event.online && <p className={place.length > 0 ? 'mt-1 text-sm text-stone-700' : ''}>{t('public.event.online')}</p>}
              {event.region && <p className="mt-1 text-sm text-stone-700">{event.region}</p>}
            </dd>
          </div>
          {!event.invitationOnly && (
            <div className="sm:col-span-2">
              <dt className="text-sm font-semibold text-stone-700">{t('public.event.places')}</dt>
              <dd className="mt-1 space-y-2">
                <AvailabilityBadge availability={availability} />
                {availability.state === 'waitlist' && <p>{t('public.event.waitlistHelp', { hours: event.offerHours })}</p>}
                {availability.state === 'full' && <p>{t('public.event.fullHelp')}</p>}
                {event.opensAt && <p>{t('public.event.opensAt', { date: event.opensAt })}</p>}
                {event.closesAt && <p className="text-sm text-stone-700">{t('public.event.closesAt', { date: event.closesAt })}</p>}
              </dd>
            </div>
          )}
        </dl>
        {event.invitationOnly ? (
          <div className="mt-4 rounded-md border-l-4 border-stone-500 bg-stone-100 px-4 py-3">
            <p className="font-semibold">{t('public.event.invitation.title')}</p>
            <p className="mt-1">{t('public.event.invitation.body')}</p>
          </div>
        ) : (
          canRegister && (
            <p className="mt-6">
              <Link to={`/e/${event.slug}/register`} className="btn-primary px-6 py-3 text-base">
                {availability.state === 'waitlist' ? t('public.event.joinWaitlist') : t('public.event.register')}
              </Link>
            </p>
          )
        )}
      </section>

      {event.descriptionHtml && (
        <section aria-labelledby="about-title">
          <h2 id="about-title" className="text-2xl font-semibold">
            {t('public.event.about')}
          </h2>
          {/* Rendered by markdown.server.ts: raw HTML escaped, only http(s)/mailto links. */}
          <div className="prose mt-3 max-w-3xl space-y-3 [&_a]:text-brand-700 [&_a]:underline [&_h3]:text-xl [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
        </section>
      )}

      {event.slots.length > 0 && (
        <section aria-labelledby="programme-title">
          <h2 id="programme-title" className="text-2xl font-semibold">
            {t('public.event.programme')}
          </h2>
          <ol className="mt-3 space-y-4">
            {event.slots.map((slot) => (
              <li key={slot.id} className="card">
                <h3 className="text-lg font-semibold">{slot.label}</h3>
                <p className="text-stone-700">{slot.when}</p>
                {slot.workshops.length > 0 && (
                  <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                    {slot.workshops.map((w) => {
                      const seats = seatsKey(w.seatsLeft)
                      return (
                        <li key={w.id} className="rounded-md border border-stone-200 p-3">
                          <h4 className="font-semibold">{w.title}</h4>
                          {w.room && <p className="text-sm text-stone-700">{t('public.event.room', { room: w.room })}</p>}
                          {w.description && <p className="mt-1 whitespace-pre-line text-sm text-stone-800">{w.description}</p>}
                          {!event.invitationOnly && w.seatsLeft !== null && <p className="mt-2 text-sm font-semibold text-stone-800">{t(seats.key, seats.params)}</p>}
                        </li>
                      )
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {event.contactEmail && (
        <p>
          {t('public.event.contact')}{' '}
          <a href={`mailto:${event.contactEmail}`} className="link">
            {event.contactEmail}
          </a>
        </p>
      )}
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
