// The event's registrations as CSV for spreadsheet software (French columns by default); the
// list's filters in the query string narrow the rows.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import {
  filtersFromSearchParams,
  recordExport,
  registrationsForExport,
  requireOrganisationEvent,
} from '#app/modules/registrations/admin.server.ts'
import { exportRegistrationsCsv } from '#app/composition/registrations.server.ts'
import { attachmentHeaders } from '#app/modules/registrations/export.server.ts'
import { exportLocale } from '#app/modules/registrations/export-format.ts'
import { orHttpError } from '#app/utils/http.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'registration.export')
  const event = await orHttpError(requireOrganisationEvent(organisation.id, params.eventId))
  const url = new URL(request.url)
  const filters = filtersFromSearchParams(url.searchParams)
  const registrations = await registrationsForExport(event.id, filters)
  const file = exportRegistrationsCsv(event, registrations, exportLocale(url.searchParams))
  await recordExport(event, user.id, { format: 'csv', rows: registrations.length, filters })
  return new Response(file.body, { headers: attachmentHeaders(file.filename, file.contentType) })
}
