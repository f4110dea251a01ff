// Sheets of name badges: the name, the organisation, a band in the profile's colour and the
// ticket's QR code (the same code as the ticket of the personal page, read at check-in).
import QRCode from 'qrcode'
import { createPdf, MM, pdfBuffer, type PdfDocument } from '#app/shared/pdf.server.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { badgeLayout, profileColour, type BadgeFormat, type BadgePerson } from './badge-rules.ts'

export type BadgeSheet = { eventTitle: string; format: BadgeFormat; locale: Locale; people: BadgePerson[] }

/** The QR code drawn as vector squares (sharp at any print size, no image to embed). */
function drawQr(doc: PdfDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const cell = size / n
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell)
  doc.fill('#000000')
}

function drawBadge(doc: PdfDocument, person: BadgePerson, eventTitle: string, profileLabel: string, x: number, y: number) {
  const w = 90 * MM
  const h = 55 * MM
  const pad = 4 * MM
  doc.save()
  doc.lineWidth(0.3).strokeColor('#d6d3d1').rect(x, y, w, h).stroke()
  const band = 9 * MM
  doc.rect(x, y + h - band, w, band).fill(profileColour(person.organisationType))
  doc
    .fillColor('#ffffff')
    .font('bold')
    .fontSize(9)
    .text(profileLabel, x + pad, y + h - band + 2.6 * MM, { width: w - 2 * pad, lineBreak: false, ellipsis: true })
  const qrSize = 24 * MM
  drawQr(doc, person.ticketCode, x + w - pad - qrSize, y + pad, qrSize)
  const textWidth = w - 3 * pad - qrSize
  doc
    .fillColor('#57534e')
    .font('body')
    .fontSize(7)
    .text(eventTitle, x + pad, y + pad, { width: textWidth, height: 8 * MM, ellipsis: true })
  doc
    .fillColor('#000000')
    .font('bold')
    .fontSize(15)
    .text(person.firstName, x + pad, y + 14 * MM, { width: textWidth, lineBreak: false, ellipsis: true })
  doc
    .fontSize(13)
    .text(person.lastName.toLocaleUpperCase('fr'), x + pad, y + 21 * MM, { width: textWidth, lineBreak: false, ellipsis: true })
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#292524')
    .text(person.organisationName, x + pad, y + 30 * MM, { width: w - 2 * pad, height: 12 * MM, ellipsis: true })
  doc.restore()
}

export async function badgesPdf(sheet: BadgeSheet): Promise<Buffer> {
  const layout = badgeLayout(sheet.format)
  const size: [number, number] = [layout.page.width * MM, layout.page.height * MM]
  const doc = createPdf({
    title: translate(sheet.locale, 'badges.pdfTitle', { event: sheet.eventTitle }),
    lang: sheet.locale,
    noFirstPage: true,
  })
  const label = (profile: string) => translate(sheet.locale, `profile.${profile}` as MessageKey)
  sheet.people.forEach((person, i) => {
    const slot = i % layout.perPage
    if (slot === 0) doc.addPage({ size, margin: 0 })
    const { x, y } = layout.slots[slot]!
    drawBadge(doc, person, sheet.eventTitle, label(person.organisationType), x * MM, y * MM)
  })
  if (sheet.people.length === 0) doc.addPage({ size, margin: 0 })
  return pdfBuffer(doc)
}
