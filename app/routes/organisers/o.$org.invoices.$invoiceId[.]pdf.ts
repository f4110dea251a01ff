// One invoice or credit note as its Factur-X PDF (PDF/A-3 with factur-x.xml), for organisers.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { facturXPdf, invoiceFilename } from '#app/modules/payments/facturx.server.ts'
import { getInvoice } from '#app/modules/payments/invoices.server.ts'
import { pdfResponse } from '#app/shared/pdf.server.ts'
import { notFound } from '#app/utils/http.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'invoice.export')
  const invoice = await getInvoice(organisation.id, params.invoiceId ?? '')
  if (!invoice) throw notFound()
  return pdfResponse(await facturXPdf(invoice), `${invoiceFilename(invoice)}.pdf`, 'attachment')
}
