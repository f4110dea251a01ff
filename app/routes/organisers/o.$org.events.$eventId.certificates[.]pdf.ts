// The certificates as PDF for the organisers: `?registrationId=` one person's, `?preview=fr|en`
// the wording with a made-up attendee, otherwise every attendee's in one file (a page each).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { certificateFilename, certificatePdf, certificatesPdf } from '#app/modules/attendance/certificate-pdf.server.ts'
import { certificateOf, certificatePreview, certificatesOf } from '#app/modules/attendance/certificates.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { pdfResponse } from '#app/shared/pdf.server.ts'
import { notFound } from '#app/utils/http.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'certificate.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const url = new URL(request.url)
  const preview = url.searchParams.get('preview')
  if (preview === 'fr' || preview === 'en') {
    const document = await certificatePreview(event.id, preview)
    return pdfResponse(await certificatePdf(document), certificateFilename(document))
  }
  const registrationId = url.searchParams.get('registrationId')
  if (registrationId) {
    const document = await certificateOf(event.id, registrationId)
    if (!document) throw notFound()
    return pdfResponse(await certificatePdf(document), certificateFilename(document), 'attachment')
  }
  const documents = await certificatesOf(event.id)
  if (documents.length === 0) throw notFound()
  return pdfResponse(await certificatesPdf(documents), `certificats-${event.slug}.pdf`, 'attachment')
}
