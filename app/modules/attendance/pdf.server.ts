// The signed sheet of a session as an A4 PDF (one page or more per session): organisation, event,
// session date and times, one row per trainee (name, structure, time signed, the drawn signature
// or the typed-name mention, late/early), "absent" for those who did not sign, and the trainer.
import { prisma } from '#app/db.server.ts'
import { createPdf, MM, pdfBuffer, type PdfDocument } from '#app/shared/pdf.server.ts'
import { formatDate, formatTime } from '#app/shared/time.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { notFoundError } from '#app/utils/errors.ts'
import { sheetOf, trainerSignatureOf } from './service.server.ts'

const ROW = 16 * MM

type T = (k: MessageKey, p?: Record<string, string | number>) => string

function drawSignature(doc: PdfDocument, method: string | null, data: string | null, x: number, y: number, w: number, t: T) {
  if (method === 'drawn' && data) {
    try {
      doc.image(data, x, y + 1, { fit: [w, ROW - 2], align: 'center', valign: 'center' })
      return
    } catch {
      // A damaged image prints as the mention below rather than failing the whole sheet.
    }
  }
  doc
    .font('italic')
    .fontSize(7)
    .text(method === 'typed' ? t('attendance.pdf.typed', { name: data ?? '' }) : '', x, y + 3, { width: w })
  doc.font('body')
}

async function drawSheet(doc: PdfDocument, organisationId: string, eventId: string, sessionId: string, locale: Locale) {
  const t: T = (k, p) => translate(locale, k, p)
  const event = await prisma.event.findFirst({
    where: { id: eventId, organisationId },
    select: {
      title: true,
      timeZone: true,
      venueName: true,
      town: true,
      organisation: { select: { name: true, legalName: true, siret: true } },
    },
  })
  if (!event) throw notFoundError()
  const { session, rows } = await sheetOf(organisationId, eventId, sessionId)
  const tz = event.timeZone
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc
    .font('bold')
    .fontSize(10)
    .text(event.organisation.legalName || event.organisation.name, left, doc.page.margins.top)
  if (event.organisation.siret)
    doc
      .font('body')
      .fontSize(8)
      .text(t('attendance.pdf.siret', { siret: event.organisation.siret }))
  doc.moveDown(0.5).font('bold').fontSize(15).text(t('attendance.pdf.title'))
  doc.font('body').fontSize(10).text(event.title)
  doc.text(
    t('attendance.pdf.when', {
      label: session.label,
      date: formatDate(locale, session.startsAt, tz),
      from: formatTime(locale, session.startsAt, tz),
      to: formatTime(locale, session.endsAt, tz),
    }),
  )
  const place = [event.venueName, event.town].filter(Boolean).join(', ')
  if (place) doc.text(place)
  doc.moveDown(0.8)

  const cols = [
    { key: 'attendance.pdf.name', w: 0.24 },
    { key: 'attendance.pdf.structure', w: 0.22 },
    { key: 'attendance.pdf.signedAt', w: 0.1 },
    { key: 'attendance.pdf.signature', w: 0.28 },
    { key: 'attendance.pdf.lateEarly', w: 0.16 },
  ] as const
  const header = () => {
    let x = left
    const y = doc.y
    doc.font('bold').fontSize(8)
    for (const c of cols) {
      doc.text(t(c.key), x + 2, y + 2, { width: c.w * width - 4 })
      x += c.w * width
    }
    doc
      .moveTo(left, y + 14)
      .lineTo(left + width, y + 14)
      .stroke()
    doc.y = y + 16
    doc.font('body')
  }
  header()
  for (const r of rows) {
    if (doc.y + ROW > doc.page.height - doc.page.margins.bottom - 30 * MM) {
      doc.addPage()
      header()
    }
    const y = doc.y
    let x = left
    const cell = (text: string, w: number, font: 'body' | 'bold' = 'body') => {
      doc
        .font(font)
        .fontSize(8)
        .text(text, x + 2, y + 3, { width: w * width - 4, height: ROW - 4, ellipsis: true })
      x += w * width
    }
    cell(`${r.lastName.toLocaleUpperCase(locale)} ${r.firstName}`, cols[0].w)
    cell(r.organisationName, cols[1].w)
    cell(r.signedAt ? formatTime(locale, r.signedAt, tz) : '', cols[2].w)
    if (r.signedAt) drawSignature(doc, r.method, r.data, x + 2, y, cols[3].w * width - 4, t)
    else
      doc
        .font('bold')
        .fontSize(9)
        .fillColor('#b91c1c')
        .text(t('attendance.pdf.absent'), x + 2, y + 3, { width: cols[3].w * width - 4 })
        .fillColor('black')
    x += cols[3].w * width
    const lateEarly = [
      r.arrivedAt ? t('attendance.pdf.arrived', { time: formatTime(locale, r.arrivedAt, tz) }) : null,
      r.leftAt ? t('attendance.pdf.left', { time: formatTime(locale, r.leftAt, tz) }) : null,
    ]
      .filter(Boolean)
      .join('\n')
    cell(lateEarly, cols[4].w)
    doc
      .moveTo(left, y + ROW)
      .lineTo(left + width, y + ROW)
      .lineWidth(0.3)
      .stroke()
      .lineWidth(1)
    doc.y = y + ROW
    doc.x = left
  }
  if (rows.length === 0) doc.font('italic').fontSize(9).text(t('attendance.pdf.nobody'), left)
  const signed = rows.filter((r) => r.signedAt).length
  doc
    .moveDown(0.8)
    .font('body')
    .fontSize(9)
    .text(t('attendance.pdf.count', { signed, total: rows.length }), left)
  doc.moveDown(0.8).font('bold').fontSize(10).text(t('attendance.pdf.trainer'), left)
  const trainer = trainerSignatureOf(session.trainerSignature)
  if (session.trainerName && trainer && session.signedAt) {
    doc
      .font('body')
      .fontSize(9)
      .text(t('attendance.pdf.trainerSigned', { name: session.trainerName, time: formatTime(locale, session.signedAt, tz) }), left)
    const y = doc.y
    drawSignature(doc, trainer.method, trainer.data, left, y, 70 * MM, t)
    doc.y = y + ROW
  } else {
    doc.font('bold').fontSize(9).fillColor('#b91c1c').text(t('attendance.pdf.trainerMissing'), left).fillColor('black')
  }
}

/** The sheets of the given sessions (all the event's when none are given), one after the other, in one PDF. */
export async function sheetsPdf(organisationId: string, eventId: string, sessionIds: string[] | null, locale: Locale): Promise<Buffer> {
  const ids =
    sessionIds ??
    (
      await prisma.attendanceSession.findMany({
        where: { eventId, event: { organisationId } },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        select: { id: true },
      })
    ).map((s) => s.id)
  if (ids.length === 0) throw notFoundError()
  const doc = createPdf({ title: translate(locale, 'attendance.pdf.title'), lang: locale, noFirstPage: true })
  for (const id of ids) {
    doc.addPage({ size: 'A4', margin: 15 * MM })
    await drawSheet(doc, organisationId, eventId, id, locale)
  }
  return pdfBuffer(doc)
}
