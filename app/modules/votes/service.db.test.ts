// The public vote against a real database (SQLite and PostgreSQL): one vote per person under
// concurrency, confirmation, voiding, the window, shortlisting, throwaway addresses, bursts and
// the hidden tally.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeOrganisation } from '#tests/support/factories.ts'
import { VOTES_PER_NETWORK_PER_HOUR } from './rules.ts'
import { castVote, confirmVote, getVoteByToken, tally, voidVote, voteAudit, voterHash } from './service.server.ts'

const OPENS = new Date('2026-10-01T08:00:00Z')
const CLOSES = new Date('2026-10-21T22:00:00Z')
const DURING = new Date('2026-10-10T10:00:00Z')
const AFTER = new Date('2026-10-22T08:00:00Z')

let n = 0
async function makeVoteEdition(opts: { publicVoteEnabled?: boolean } = {}) {
  const org = await makeOrganisation()
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `vote-${Date.now()}-${n++}`,
      title: 'Prix de l’ESS 2026',
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date('2026-05-10T08:00:00Z'),
      submissionsCloseAt: new Date('2026-06-30T22:00:00Z'),
      publicVoteEnabled: opts.publicVoteEnabled ?? true,
      voteOpensAt: OPENS,
      voteClosesAt: CLOSES,
    },
  })
  const nominee = (structureName: string, status = 'shortlisted') =>
    prisma.nomination.create({
      data: {
        editionId: edition.id,
        status,
        structureName,
        projectTitle: `Projet ${structureName}`,
        contactEmail: `${structureName.toLowerCase()}@example.org`,
        editTokenHash: `t-${Date.now()}-${n++}-${structureName}`,
      },
    })
  const [a, b, draft] = await Promise.all([nominee('Recyclerie'), nominee('Epicerie'), nominee('Brouillon', 'submitted')])
  return { org, edition, a: a!, b: b!, draft: draft! }
}

const opts = (ip = '203.0.113.5') => ({ ip, locale: 'fr' as const, now: DURING })

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('castVote', () => {
  test('records an unconfirmed vote with hashed identity and emails the confirmation link', async () => {
    const { edition, a } = await makeVoteEdition()
    const cast = await castVote(edition.slug, a.id, '  Marie.Curie+prix@Example.org ', opts('198.51.100.7'))
    const vote = await prisma.publicVote.findUniqueOrThrow({ where: { id: cast.voteId } })
    expect(vote.confirmedAt).toBeNull()
    expect(vote.emailHash).toBe(voterHash('marie.curie@example.org'))
    expect(vote.emailHash).not.toContain('marie')
    expect(vote.emailDomain).toBe('example.org')
    expect(vote.networkHash).toMatch(/^[0-9a-f]{64}$/)
    const mail = await prisma.emailMessage.findFirstOrThrow({
      where: { template: 'vote-confirm', toAddress: 'marie.curie+prix@example.org' },
    })
    expect(mail.organisationId).toBe(edition.organisationId)
    expect(cast.confirmUrl).toContain(`/vote/${cast.token}`)
    const rendered = await renderStoredEmail(mail)
    expect(rendered.subject).toBe('Confirmez votre vote : Prix de l’ESS 2026')
    for (const text of ['Recyclerie', cast.confirmUrl]) expect(rendered.text).toContain(text)
  })

  test('ten concurrent votes by one person (capitals, +tags, Gmail dots) count once', async () => {
    const { edition, a, b } = await makeVoteEdition()
    const variants = [
      'jean.dupont@gmail.com',
      'Jean.Dupont@gmail.com',
      'jeandupont@gmail.com',
      'j.e.a.n.dupont@googlemail.com',
      'JEAN.DUPONT+prix@GMAIL.COM',
      'jeandupont+1@gmail.com',
      ' jean.dupont+x@gmail.com ',
      'jean.dupont+vote@googlemail.com',
      'Jean.Du.Pont@Gmail.com',
      'jeandupont+zz@gmail.com',
    ]
    const results = await Promise.allSettled(
      variants.map((email, i) => castVote(edition.slug, i % 2 ? a.id : b.id, email, opts(`203.0.113.${i}`))),
    )
    const ok = results.filter((r) => r.status === 'fulfilled')
    expect(ok).toHaveLength(1)
    for (const r of results) {
      // Refused as a duplicate, or (serialised after the first) as a link just sent.
      if (r.status === 'rejected') expect(['already_voted', 'vote_pending']).toContain((r.reason as AppError).code)
    }
    expect(await prisma.publicVote.count({ where: { editionId: edition.id } })).toBe(1)
    expect(
      await prisma.emailMessage.count({
        where: { template: 'vote-confirm', toAddress: { in: variants.map((v) => v.trim().toLowerCase()) } },
      }),
    ).toBe(1)
  })

  test('a second vote by the same person is refused with a message once the first is confirmed', async () => {
    const { edition, a, b } = await makeVoteEdition()
    const first = await castVote(edition.slug, a.id, 'paul@example.org', opts())
    await confirmVote(first.token, DURING)
    const error = await rejection(
      castVote(edition.slug, b.id, 'Paul+2@example.org', { ...opts(), now: new Date(DURING.getTime() + 3600_000) }),
    )
    expect(error.status).toBe(409)
    expect(error.fields?.email).toEqual(['votes.error.alreadyVoted'])
  })

  test('an unconfirmed vote can be cast again after ten minutes: new choice, fresh link, the old link dead', async () => {
    const { edition, a, b } = await makeVoteEdition()
    const first = await castVote(edition.slug, a.id, 'lea@example.org', opts())
    const soon = await rejection(
      castVote(edition.slug, b.id, 'lea@example.org', { ...opts(), now: new Date(DURING.getTime() + 9 * 60_000) }),
    )
    expect([soon.status, soon.code, soon.fields?.email]).toEqual([409, 'vote_pending', ['votes.error.pending']])

    const second = await castVote(edition.slug, b.id, 'lea@example.org', { ...opts(), now: new Date(DURING.getTime() + 11 * 60_000) })
    expect(second.voteId).toBe(first.voteId)
    expect(await getVoteByToken(first.token, DURING)).toBeNull()
    expect(await confirmVote(second.token, DURING)).toEqual({ voteId: first.voteId, already: false })
    const vote = await prisma.publicVote.findUniqueOrThrow({ where: { id: first.voteId } })
    expect(vote.nominationId).toBe(b.id)
    expect(await prisma.emailMessage.count({ where: { template: 'vote-confirm', toAddress: 'lea@example.org' } })).toBe(2)
  })

  test('refused outside the window and when the edition has no public vote', async () => {
    const { edition, a } = await makeVoteEdition()
    expect(
      (await rejection(castVote(edition.slug, a.id, 'early@example.org', { ...opts(), now: new Date(OPENS.getTime() - 1) }))).code,
    ).toBe('vote_not_open')
    expect((await rejection(castVote(edition.slug, a.id, 'late@example.org', { ...opts(), now: CLOSES }))).code).toBe('vote_closed')
    const off = await makeVoteEdition({ publicVoteEnabled: false })
    expect((await rejection(castVote(off.edition.slug, off.a.id, 'x@example.org', opts()))).status).toBe(404)
    expect(await prisma.publicVote.count({ where: { editionId: { in: [edition.id, off.edition.id] } } })).toBe(0)
  })

  test('refused for a nomination that is not shortlisted or belongs to another edition', async () => {
    const { edition, draft } = await makeVoteEdition()
    const other = await makeVoteEdition()
    expect((await rejection(castVote(edition.slug, draft.id, 'x@example.org', opts()))).fields?.nominationId).toEqual([
      'votes.error.nomination',
    ])
    expect((await rejection(castVote(edition.slug, other.a.id, 'y@example.org', opts()))).code).toBe('invalid_nomination')
    expect(await prisma.publicVote.count({ where: { editionId: edition.id } })).toBe(0)
  })

  test('refused from a disposable address or an invalid one', async () => {
    const { edition, a } = await makeVoteEdition()
    for (const email of ['bot@yopmail.com', 'bot@mailinator.com', 'x@sub.trashmail.com']) {
      expect((await rejection(castVote(edition.slug, a.id, email, opts()))).fields?.email, email).toEqual(['votes.error.disposable'])
    }
    expect((await rejection(castVote(edition.slug, a.id, 'not-an-address', opts()))).fields?.email).toEqual(['votes.error.email'])
    expect(await prisma.publicVote.count({ where: { editionId: edition.id } })).toBe(0)
  })

  test('a burst from one network is limited; another network still votes', async () => {
    const { edition, a } = await makeVoteEdition()
    for (let i = 0; i < VOTES_PER_NETWORK_PER_HOUR; i++) {
      await castVote(edition.slug, a.id, `p${i}@example.org`, { ...opts(`192.0.2.${i}`), rateLimit: true })
    }
    const error = await rejection(castVote(edition.slug, a.id, 'one-more@example.org', { ...opts('192.0.2.250'), rateLimit: true }))
    expect(error.status).toBe(429)
    await castVote(edition.slug, a.id, 'elsewhere@example.org', { ...opts('192.0.3.1'), rateLimit: true })
    expect(await prisma.publicVote.count({ where: { editionId: edition.id } })).toBe(VOTES_PER_NETWORK_PER_HOUR + 1)
  })
})

describe('confirmation, tally, audit and voiding', () => {
  test('only confirmed, not voided votes count; the public sees counts only after closing', async () => {
    const { org, edition, a, b } = await makeVoteEdition()
    const v1 = await castVote(edition.slug, a.id, 'one@example.org', opts('203.0.113.1'))
    const v2 = await castVote(edition.slug, a.id, 'two@example.org', opts('203.0.113.2'))
    const v3 = await castVote(edition.slug, b.id, 'three@example.org', opts('2001:db8:1::1'))
    await castVote(edition.slug, b.id, 'unconfirmed@example.org', opts('2001:db8:1::2'))

    expect(await confirmVote(v1.token, DURING)).toEqual({ voteId: v1.voteId, already: false })
    expect(await confirmVote(v1.token, DURING)).toEqual({ voteId: v1.voteId, already: true })
    await confirmVote(v2.token, DURING)
    await confirmVote(v3.token, DURING)

    // Hidden from the public before the close, even at the last instant.
    expect(await tally(edition.id, { now: new Date(CLOSES.getTime() - 1) })).toEqual({ visible: false, total: 0, rows: [] })
    const organiserView = await tally(edition.id, { now: DURING, forOrganiser: true })
    expect(organiserView.rows.map((r) => [r.structureName, r.votes])).toEqual([
      ['Recyclerie', 2],
      ['Epicerie', 1],
    ])

    await voidVote(v2.voteId, '  Adresse créée en série  ', { organisationId: org.id, editionId: edition.id, actorUserId: null })
    const after = await tally(edition.id, { now: AFTER })
    expect(after.visible).toBe(true)
    expect(after.total).toBe(2)
    expect(after.rows.map((r) => [r.structureName, r.votes])).toEqual([
      ['Epicerie', 1],
      ['Recyclerie', 1],
    ])

    const log = await voteAudit(edition.id)
    expect(log).toHaveLength(4)
    const voided = log.find((r) => r.id === v2.voteId)!
    expect(voided).toMatchObject({ status: 'voided', voidReason: 'Adresse créée en série', emailDomain: 'example.org' })
    expect(voided.addressHash).toHaveLength(12)
    expect(log.filter((r) => r.status === 'pending')).toHaveLength(1)
    // Same /48 → same network digest, counted together.
    const v6 = log.filter((r) => r.nominationName === 'Epicerie')
    expect(new Set(v6.map((r) => r.networkHash)).size).toBe(1)
    expect(v6[0]!.networkVotes).toBe(2)

    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: 'publicVote.void', entityId: v2.voteId } })
    expect(JSON.parse(entry.details ?? '{}')).toMatchObject({ reason: 'Adresse créée en série', editionId: edition.id })
    // A voided vote cannot be confirmed again nor voided twice.
    expect((await rejection(confirmVote(v2.token, DURING))).status).toBe(410)
    expect((await rejection(voidVote(v2.voteId, 'encore', { organisationId: org.id, editionId: edition.id }))).code).toBe(
      'vote_already_voided',
    )
  })

  test('confirmation only within the window; unknown links refused', async () => {
    const { edition, a } = await makeVoteEdition()
    const v = await castVote(edition.slug, a.id, 'late-confirm@example.org', opts())
    expect((await rejection(confirmVote(v.token, CLOSES))).code).toBe('vote_closed')
    expect((await rejection(confirmVote('nope', DURING))).status).toBe(404)
    expect(await getVoteByToken(v.token, CLOSES)).toMatchObject({ status: 'pending', window: 'closed', nominationName: 'Recyclerie' })
    expect(await getVoteByToken('nope')).toBeNull()
    expect((await tally(edition.id, { now: AFTER })).total).toBe(0)
  })

  test('voiding needs a reason and a vote of this organisation’s edition', async () => {
    const { org, edition, a } = await makeVoteEdition()
    const other = await makeVoteEdition()
    const v = await castVote(edition.slug, a.id, 'fraud@example.org', opts())
    expect((await rejection(voidVote(v.voteId, '   ', { organisationId: org.id, editionId: edition.id }))).fields?.reason).toEqual([
      'votes.error.reason',
    ])
    expect((await rejection(voidVote(v.voteId, 'x', { organisationId: other.org.id, editionId: edition.id }))).status).toBe(404)
    expect((await rejection(voidVote(v.voteId, 'x', { organisationId: org.id, editionId: other.edition.id }))).status).toBe(404)
    expect((await prisma.publicVote.findUniqueOrThrow({ where: { id: v.voteId } })).voidedAt).toBeNull()
  })
})
