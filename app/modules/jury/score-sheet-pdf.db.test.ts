// A nomination's score sheet PDF read back as a viewer would: jurors' names, criteria, scores,
// comments and means are there; an abstained juror's scores are not counted nor printed.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { pdfText } from '#tests/support/pdf-text.ts'
import { nominationScoreSheetPdf } from './score-sheet-pdf.server.ts'

describe('nomination score sheet PDF', () => {
  test('names, criteria, scores, comments and means', async () => {
    const f = await makeJuryEdition({ categories: 1, nominationsPerCategory: 1, jurors: 3 })
    const { criteria, nominations } = f.categories[0]!
    const [c1, c2] = criteria
    const n = nominations[0]!
    const [j1, j2, j3] = f.jurors.map((j) => j.juror)
    const score = (jurorId: string, a: number, b: number, comment: string) =>
      prisma.juryScore.create({
        data: { jurorId, nominationId: n.id, values: JSON.stringify({ [c1!.id]: a, [c2!.id]: b }), comment, complete: true },
      })
    await score(j1!.id, 4, 1, 'Projet très ancré')
    await score(j2!.id, 3, 2, 'Budget fragile')
    await score(j3!.id, 0, 0, 'Ne devrait pas compter')
    await prisma.juryAbstention.create({ data: { jurorId: j3!.id, nominationId: n.id, reason: 'Lien personnel' } })

    const { text } = await pdfText(await nominationScoreSheetPdf(f.edition.id, n.id, 'fr'))
    expect(text).toContain(n.structureName)
    expect(text).toContain('Juré 1')
    expect(text).toContain('Projet très ancré')
    expect(text).toContain('Budget fragile')
    // Means without the abstention: (4 + 3) / 2 and (1 + 2) / 2.
    expect(text).toContain('Critère 1 : 3,5')
    expect(text).toContain('Critère 2 : 1,5')
    expect(text).toContain('S’est abstenu sur cette candidature.')
    expect(text).not.toContain('Ne devrait pas compter')

    const other = await makeJuryEdition({ categories: 1, nominationsPerCategory: 1, jurors: 1 })
    await expect(nominationScoreSheetPdf(other.edition.id, n.id, 'fr')).rejects.toMatchObject({ status: 404 })
  })
})
