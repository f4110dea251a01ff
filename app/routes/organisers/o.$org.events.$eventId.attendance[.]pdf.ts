// The signed sheets as a PDF: one session (?session=<id>) or all the event's sessions in one file.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { sheetsPdf } from '#app/modules/attendance/pdf.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { pdfResponse } from '#app/shared/pdf.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { localeFromRequest } from '#app/utils/i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'attendance.view')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const session = new URL(request.url).searchParams.get('session')
  try {
    const bytes = await sheetsPdf(organisation.id, event.id, session ? [session] : null, localeFromRequest(request))
    return pdfResponse(bytes, `emargement-${event.slug}${session ? `-${session}` : ''}.pdf`, 'attachment')
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    throw error
  }
}
