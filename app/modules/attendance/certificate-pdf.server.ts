// A certificate as an A4 PDF (DejaVu Sans embedded, app/shared/pdf.server.ts): the organisation's
// legal details, the title, the organiser's wording with its fields merged, then the facts a
// Qualiopi auditor looks for in fixed places — trainee, action, nature, dates, hours attended out of
// hours planned, place and date, signatory, reference. Drawn from a plain object so the email
// worker can render it from the stored props, and several certificates can share one file.
import { createPdf, MM, pdfBuffer, type PdfDocument } from '#app/shared/pdf.server.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import type { CertificateKind } from './certificate-rules.ts'

export type CertificateDocument = {
  locale: Locale
  kind: CertificateKind
  reference: string
  title: string
  /** The organiser's wording, merge fields already replaced. */
  body: string
  organisation: { name: string; address: string | null; siret: string | null }
  trainee: { name: string; organisation: string | null }
  action: { title: string; dates: string; place: string | null }
  hoursAttended: string
  hoursPlanned: string
  /** "Toulouse, le 7 décembre 2026". */
  placeAndDate: string
  signatory: { name: string | null; role: string | null }
}

function drawCertificate(doc: PdfDocument, c: CertificateDocument) {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(c.locale, key, params)
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.font('bold').fontSize(12).text(c.organisation.name, left, doc.page.margins.top, { width })
  doc.font('body').fontSize(9)
  if (c.organisation.address) doc.text(c.organisation.address, { width })
  if (c.organisation.siret) doc.text(t('certificates.pdf.siret', { siret: c.organisation.siret }), { width })
  doc.moveDown(3)
  doc.font('bold').fontSize(20).text(c.title, { width, align: 'center' })
  doc
    .font('body')
    .fontSize(9)
    .text(t('certificates.pdf.reference', { reference: c.reference }), { width, align: 'center' })
  doc.moveDown(2)
  doc.font('body').fontSize(11).text(c.body, { width, align: 'justify', lineGap: 3 })
  doc.moveDown(1.5)
  const row = (label: string, value: string | null) => {
    if (!value) return
    doc.font('bold').fontSize(10).text(`${label} `, { continued: true, width }).font('body').text(value, { width })
    doc.moveDown(0.3)
  }
  row(t(c.kind === 'realisation' ? 'certificates.pdf.trainee' : 'certificates.pdf.attendee'), c.trainee.name)
  row(t('certificates.pdf.structure'), c.trainee.organisation)
  row(t(c.kind === 'realisation' ? 'certificates.pdf.action' : 'certificates.pdf.event'), c.action.title)
  if (c.kind === 'realisation') row(t('certificates.pdf.nature'), t('certificates.pdf.natureTraining'))
  row(t('certificates.pdf.dates'), c.action.dates)
  row(t('certificates.pdf.place'), c.action.place)
  row(t('certificates.pdf.hours'), t('certificates.pdf.hoursValue', { attended: c.hoursAttended, planned: c.hoursPlanned }))
  if (c.kind === 'realisation') {
    doc.moveDown(1)
    doc.font('italic').fontSize(8).text(t('certificates.pdf.legalNote'), { width })
  }
  doc.moveDown(2)
  doc.font('body').fontSize(10).text(c.placeAndDate, { width, align: 'right' })
  doc.moveDown(0.5)
  if (c.signatory.name) doc.font('bold').text(c.signatory.name, { width, align: 'right' })
  if (c.signatory.role) doc.font('body').text(c.signatory.role, { width, align: 'right' })
  doc.font('italic').fontSize(8).text(t('certificates.pdf.signature'), { width, align: 'right' })
}

/** One PDF holding one certificate per page, in the given order. */
export async function certificatesPdf(certificates: CertificateDocument[]): Promise<Buffer> {
  const first = certificates[0]
  const doc = createPdf({
    title: certificates.length === 1 && first ? `${first.title} — ${first.trainee.name}` : (first?.action.title ?? 'Certificats'),
    lang: first?.locale ?? 'fr',
    author: first?.organisation.name,
    margin: 20 * MM,
    noFirstPage: true,
  })
  for (const c of certificates) {
    doc.addPage({ size: 'A4', margin: 20 * MM })
    drawCertificate(doc, c)
  }
  return pdfBuffer(doc)
}

export function certificatePdf(certificate: CertificateDocument): Promise<Buffer> {
  return certificatesPdf([certificate])
}

/** The file name of one person's certificate: "certificat-CERT-FORUM-0003.pdf". */
export function certificateFilename(c: Pick<CertificateDocument, 'reference' | 'kind'>) {
  return `${c.kind === 'realisation' ? 'certificat-realisation' : 'attestation-presence'}-${c.reference}.pdf`
}
