// The badge sheets as PDF: `format`, `order`, and either every confirmed attendee (matching `q`
// when given) or, with `who=selected`, only the ticked `id`s.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { isBadgeFormat, isBadgeOrder } from '#app/modules/registrations/badge-rules.ts'
import { badgesPdf } from '#app/modules/registrations/badges-pdf.server.ts'
import { badgePeopleOf } from '#app/modules/registrations/badges.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { pdfResponse } from '#app/shared/pdf.server.ts'
import { localeFromRequest } from '#app/utils/i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'badge.print')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const url = new URL(request.url)
  const format = url.searchParams.get('format')
  const order = url.searchParams.get('order')
  const selected = url.searchParams.get('who') === 'selected'
  const people = await badgePeopleOf(event.id, {
    order: isBadgeOrder(order) ? order : 'lastName',
    ids: selected ? url.searchParams.getAll('id') : null,
    q: url.searchParams.get('q'),
  })
  const bytes = await badgesPdf({
    eventTitle: event.title,
    format: isBadgeFormat(format) ? format : 'a4x8',
    locale: localeFromRequest(request),
    people,
  })
  return pdfResponse(bytes, `badges-${event.slug}.pdf`, 'attachment')
}
