// The edition's nominations as CSV for spreadsheet software (French columns by default); the
// list's filters in the query string narrow the rows.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { attachmentHeaders, exportLocale, exportNominationsCsv } from '#app/modules/nominations/export.server.ts'
import { filtersFromSearchParams, nominationsForExport, recordNominationExport } from '#app/modules/nominations/review.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'nomination.export')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const url = new URL(request.url)
  const filters = filtersFromSearchParams(url.searchParams)
  const rows = await nominationsForExport(organisation.id, edition.id, filters)
  const file = exportNominationsCsv(edition, rows, exportLocale(url.searchParams))
  await recordNominationExport(organisation.id, edition.id, user.id, { format: 'csv', rows: rows.length, filters })
  return new Response(file.body, { headers: attachmentHeaders(file.filename, file.contentType) })
}
