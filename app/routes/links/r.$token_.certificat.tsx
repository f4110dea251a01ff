// The attendee's certificate behind their personal link: served once issued, or once the event
// has ended when they attended; 404 for anyone else (registered but absent, cancelled, unknown).
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { certificateFilename, certificatePdf } from '#app/modules/attendance/certificate-pdf.server.ts'
import { attendeeCertificate } from '#app/modules/attendance/certificates.server.ts'
import { manageLinkState } from '#app/modules/registrations/links.server.ts'
import { findRegistrationByManageToken } from '#app/modules/registrations/service.server.ts'
import { pdfResponse } from '#app/shared/pdf.server.ts'
import { notFound } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const registration = await findRegistrationByManageToken(token)
  if (!registration) throw (await manageLinkState(token)).state === 'replaced' ? redirect(`/r/${token}/remplace`) : notFound()
  const document = await attendeeCertificate(registration.id)
  if (!document) throw notFound()
  const pdf = await certificatePdf(document)
  const response = pdfResponse(pdf, certificateFilename(document))
  response.headers.set('X-Robots-Tag', 'noindex, nofollow')
  return response
}
