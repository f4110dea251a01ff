// Feedback to nominees against a real database: only after publication, only the shared
// comments (never an unshared one, never a juror's name), one email per nominee, never twice.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { hashToken } from '#app/modules/auth/session.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { feedbackOverview, sendFeedback, sentFeedbackOf, setCommentShared } from './feedback.server.ts'

const code = async (p: Promise<unknown>) => {
  try {
    await p
    return null
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

describe('jury feedback', () => {
  test('feedback emails carrying only shared comments', async () => {
    const f = await makeJuryEdition({ categories: 1, nominationsPerCategory: 2, jurors: 3 })
    const actor = { organisationId: f.org.id, userId: f.organiser.id }
    const { criteria, nominations } = f.categories[0]!
    const [c1, c2] = criteria
    const [n1, n2] = nominations
    const [j1, j2, j3] = f.jurors.map((j) => j.juror)
    await prisma.nomination.update({ where: { id: n2!.id }, data: { locale: 'en' } })
    const score = (jurorId: string, nominationId: string, a: number, b: number, comment: string) =>
      prisma.juryScore.create({
        data: { jurorId, nominationId, values: JSON.stringify({ [c1!.id]: a, [c2!.id]: b }), comment, complete: true },
      })
    const shared = await score(j1!.id, n1!.id, 4, 2, 'Un ancrage local remarquable')
    await score(j2!.id, n1!.id, 2, 4, 'Texte interne jamais transmis')
    // An abstention counts in no mean.
    await score(j3!.id, n1!.id, 0, 0, 'Abstention du juré')
    await prisma.juryAbstention.create({ data: { jurorId: j3!.id, nominationId: n1!.id, reason: 'Je connais la structure' } })
    await score(j1!.id, n2!.id, 5, 5, 'Excellent project')

    await setCommentShared(f.edition.id, shared.id, true, actor)
    const overview = await feedbackOverview(f.edition.id)
    const first = overview.nominations.find((n) => n.id === n1!.id)!
    expect(first.comments.map((c) => [c.comment, c.shared])).toEqual([
      ['Un ancrage local remarquable', true],
      ['Texte interne jamais transmis', false],
    ])

    // Not before the results are published.
    expect(await code(sendFeedback(f.edition.id, actor))).toBe('results_not_published')
    expect(await sentFeedbackOf(n1!.id)).toBeNull()
    await prisma.prizeEdition.update({ where: { id: f.edition.id }, data: { resultsPublishedAt: new Date() } })

    expect(await sendFeedback(f.edition.id, actor)).toEqual({ sent: 2 })
    expect(await sendFeedback(f.edition.id, actor)).toEqual({ sent: 0 })
    const emails = await prisma.emailMessage.findMany({ where: { template: 'jury-feedback', organisationId: f.org.id } })
    expect(emails).toHaveLength(2)
    const fr = emails.find((e) => e.toAddress === n1!.contactEmail)!
    expect(fr.locale).toBe('fr')
    expect(emails.find((e) => e.toAddress === n2!.contactEmail)!.locale).toBe('en')
    const payload = JSON.parse(fr.payload)
    expect(payload.comments).toEqual(['Un ancrage local remarquable'])
    expect(payload.criteria.map((c: { mean: number; min: number; max: number }) => [c.mean, c.min, c.max])).toEqual([
      [3, 3, 5],
      [3, 3, 5],
    ])
    for (const e of emails) {
      expect(e.payload).not.toContain('Texte interne jamais transmis')
      expect(e.payload).not.toContain('Abstention du juré')
      expect(e.payload).not.toContain('Juré ')
    }
    // The second nominee's unshared comment is not sent either.
    expect(JSON.parse(emails.find((e) => e.toAddress === n2!.contactEmail)!.payload).comments).toEqual([])

    // The link page's data: the same snapshot.
    const page = await sentFeedbackOf(n1!.id)
    expect(page!.comments).toEqual(['Un ancrage local remarquable'])
    expect(JSON.stringify(page)).not.toContain('Texte interne jamais transmis')

    // The nominee's link page (/n/<token>) carries the same feedback, and nothing unshared.
    const token = `feedback-${n1!.id}`
    await prisma.nominationLink.create({ data: { tokenHash: hashToken(token), nominationId: n1!.id } })
    const route = await import('#app/routes/links/n.$token.tsx')
    const loaded = (await route.loader({
      request: new Request(`http://localhost/n/${token}`),
      params: { token },
      context: {},
    })) as unknown as {
      data: { feedback: { comments: string[] } | null }
    }
    expect(loaded.data.feedback!.comments).toEqual(['Un ancrage local remarquable'])
    expect(JSON.stringify(loaded.data)).not.toContain('Texte interne jamais transmis')

    // Sharing after sending changes nothing already sent.
    await setCommentShared(f.edition.id, shared.id, false, actor)
    expect((await sentFeedbackOf(n1!.id))!.comments).toEqual(['Un ancrage local remarquable'])
    const actions = (await prisma.auditLog.findMany({ where: { organisationId: f.org.id }, select: { action: true } })).map((a) => a.action)
    expect(actions.filter((a) => a === 'juryFeedback.send')).toHaveLength(2)
    expect(actions).toContain('juryComment.share')
  })
})
