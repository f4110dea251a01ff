// The score sheet of one nomination as a PDF, for the organisers' file: every juror's score per
// criterion (complete scores of jurors neither removed nor conflicted), the mean per criterion
// and each juror's comment. Abstentions are listed as such and count in no mean.
import { prisma } from '#app/db.server.ts'
import { createPdf, pdfBuffer } from '#app/shared/pdf.server.ts'
import { formatScore } from '#app/shared/score-format.ts'
import { AppError } from '#app/utils/errors.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { mean, pairKey } from './rules.ts'
import { parseScoreValues } from './scoring-rules.ts'

export async function nominationScoreSheetPdf(editionId: string, nominationId: string, locale: Locale): Promise<Buffer> {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params)
  const nomination = await prisma.nomination.findFirst({
    where: { id: nominationId, editionId },
    select: {
      structureName: true,
      projectTitle: true,
      edition: { select: { title: true } },
      category: { select: { name: true, criteria: { select: { id: true, name: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] } } },
    },
  })
  if (!nomination || !nomination.category)
    throw new AppError({ status: 404, code: 'nomination_not_found', messageKey: 'juryAdmin.error.notFound' })
  const [scores, conflicts, abstentions] = await Promise.all([
    prisma.juryScore.findMany({
      where: { nominationId, complete: true, juror: { editionId, removedAt: null } },
      select: { jurorId: true, values: true, comment: true, juror: { select: { name: true } } },
    }),
    prisma.juryConflict.findMany({ where: { nominationId }, select: { jurorId: true } }),
    prisma.juryAbstention.findMany({ where: { nominationId }, select: { jurorId: true } }),
  ])
  const conflicted = new Set(conflicts.map((c) => c.jurorId))
  const abstained = new Set(abstentions.map((a) => pairKey(a.jurorId, nominationId)))
  const rows = scores
    .filter((s) => !conflicted.has(s.jurorId))
    .map((s) => ({
      name: s.juror.name,
      values: parseScoreValues(s.values),
      comment: s.comment,
      abstained: abstained.has(pairKey(s.jurorId, nominationId)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  const criteria = nomination.category.criteria
  // French puts a narrow no-break space before the colon.
  const colon = locale === 'fr' ? '\u202f: ' : ': '

  const doc = createPdf({ title: `${t('scoreSheet.title')} — ${nomination.structureName}`, lang: locale })
  doc.font('bold').fontSize(16).text(nomination.edition.title)
  doc
    .font('body')
    .fontSize(12)
    .text(`${t('scoreSheet.title')} — ${nomination.category.name}`)
  doc.moveDown(0.5)
  doc.font('bold').fontSize(14).text(nomination.structureName)
  if (nomination.projectTitle) doc.font('italic').fontSize(11).text(nomination.projectTitle)
  doc.moveDown()
  doc.font('bold').fontSize(12).text(t('scoreSheet.means'))
  doc.font('body').fontSize(11)
  for (const c of criteria) {
    const values = rows
      .filter((r) => !r.abstained)
      .map((r) => r.values[c.id])
      .filter((v): v is number => typeof v === 'number')
    doc.text(`${c.name}${colon}${formatScore(locale, mean(values))}`)
  }
  for (const r of rows) {
    doc.moveDown()
    doc.font('bold').fontSize(12).text(r.name)
    doc.font('body').fontSize(11)
    if (r.abstained) {
      doc.text(t('scoreSheet.abstained'))
      continue
    }
    for (const c of criteria) doc.text(`${c.name}${colon}${formatScore(locale, r.values[c.id] ?? null)}`)
    if (r.comment.trim()) doc.font('italic').text(`${t('scoreSheet.comment')}${colon}${r.comment.trim()}`)
  }
  return pdfBuffer(doc)
}
