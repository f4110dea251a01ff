// The registration's calendar file (.ics), from the personal manage link. A link the person
// replaced ("Recevoir un nouveau lien") answers 410 Gone, not the file with current data: they
// revoked it on purpose (a forwarded email), and the file carries the event and a link back to the
// registration. 410 rather than 404 so a calendar app subscribed to it stops asking.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildIcs } from '#app/modules/registrations/ics.ts'
import { manageLinkState } from '#app/modules/registrations/links.server.ts'
import { findRegistrationByManageToken, manageUrlFor } from '#app/modules/registrations/service.server.ts'
import { httpError, notFound } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const registration = await findRegistrationByManageToken(token)
  if (!registration) throw (await manageLinkState(token)).state === 'replaced' ? httpError(410, 'Gone') : notFound()
  if (registration.status === 'cancelled') throw notFound()
  const { event } = registration
  const ics = buildIcs({
    uid: `${registration.id}@essor`,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    location: [event.venueName, event.address, event.town].filter(Boolean).join(', ') || event.onlineUrl,
    url: manageUrlFor(token),
  })
  const filename = `${event.slug.replace(/[^a-z0-9-]/g, '')}.ics`
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  })
}
