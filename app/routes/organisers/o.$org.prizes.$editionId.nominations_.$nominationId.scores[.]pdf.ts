// One nomination's score sheet as a PDF (every juror's scores and comments), for the organisers.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { nominationScoreSheetPdf } from '#app/modules/jury/score-sheet-pdf.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { pdfResponse } from '#app/shared/pdf.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { localeFromRequest } from '#app/utils/i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.results')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  try {
    const bytes = await nominationScoreSheetPdf(edition.id, params.nominationId ?? '', localeFromRequest(request))
    return pdfResponse(bytes, `grille-${params.nominationId}.pdf`, 'attachment')
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    throw error
  }
}
