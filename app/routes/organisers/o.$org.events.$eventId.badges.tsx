// Name badges for an event's organisers and welcome desk: choose the sheet format and the order,
// then download every confirmed attendee's badge, or only those ticked (optionally filtered).
// Only GET forms: nothing changes, the PDF comes from the badges.pdf resource route.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EventPageHeader, eventPath } from '#app/modules/events/ui.tsx'
import { BADGE_FORMATS, BADGE_ORDERS, isBadgeOrder } from '#app/modules/registrations/badge-rules.ts'
import { badgePeopleOf } from '#app/modules/registrations/badges.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'badges.title')}${d ? ` : ${d.event.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'badge.print')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const url = new URL(request.url)
  const order = url.searchParams.get('order')
  const q = url.searchParams.get('q')?.trim() ?? ''
  const people = await badgePeopleOf(event.id, { order: isBadgeOrder(order) ? order : 'lastName', q })
  return {
    org: organisation.slug,
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable },
    order: isBadgeOrder(order) ? order : 'lastName',
    q,
    people: people.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, organisation: p.organisationName })),
  }
}

export default function BadgesPage() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const pdf = `${eventPath(d.org, d.event.id, 'badges')}.pdf`
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={d.org} event={d.event} heading={t('badges.title')} />
      <p>{t('badges.intro')}</p>
      <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <input type="hidden" name="order" value={d.order} />
        <div>
          <label htmlFor="badges-q" className="block text-sm font-semibold">
            {t('badges.filter')}
          </label>
          <input id="badges-q" name="q" type="search" defaultValue={d.q} className="input" />
        </div>
        <button type="submit" className="btn-secondary">
          {t('badges.filterSubmit')}
        </button>
      </Form>
      {d.people.length === 0 ? (
        <p>{t('badges.none')}</p>
      ) : (
        <Form method="get" action={pdf} reloadDocument className="space-y-4">
          <input type="hidden" name="q" value={d.q} />
          <fieldset>
            <legend className="font-semibold">{t('badges.format')}</legend>
            {BADGE_FORMATS.map((f, i) => (
              <label key={f} className="mr-4 inline-flex items-center gap-1">
                <input type="radio" name="format" value={f} defaultChecked={i === 0} /> {t(`badges.format.${f}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="font-semibold">{t('badges.order')}</legend>
            {BADGE_ORDERS.map((o) => (
              <label key={o} className="mr-4 inline-flex items-center gap-1">
                <input type="radio" name="order" value={o} defaultChecked={o === d.order} /> {t(`badges.order.${o}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="font-semibold">{t('badges.who')}</legend>
            <label className="mr-4 inline-flex items-center gap-1">
              <input type="radio" name="who" value="all" defaultChecked /> {t('badges.who.all', { count: d.people.length })}
            </label>
            <label className="inline-flex items-center gap-1">
              <input type="radio" name="who" value="selected" /> {t('badges.who.selected')}
            </label>
          </fieldset>
          <table className="w-full text-left">
            <thead>
              <tr>
                <th scope="col">{t('badges.select')}</th>
                <th scope="col">{t('badges.name')}</th>
                <th scope="col">{t('badges.organisation')}</th>
              </tr>
            </thead>
            <tbody>
              {d.people.map((p) => (
                <tr key={p.id} className="border-t border-stone-200">
                  <td>
                    <input type="checkbox" name="id" value={p.id} id={`badge-${p.id}`} aria-label={p.name} />
                  </td>
                  <td>
                    <label htmlFor={`badge-${p.id}`}>{p.name}</label>
                  </td>
                  <td>{p.organisation}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="btn-primary">
            {t('badges.download')}
          </button>
        </Form>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
