// Jurors against a real database (SQLite and PostgreSQL): invitation with its email in the outbox,
// joining through the link (POST only), re-inviting, removing, seats and chairs, the guards,
// conflicts and likely-conflict warnings, and the organisers' jury page.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession, validateSessionToken } from '#app/modules/auth/session.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { type AppError } from '#app/utils/errors.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { declareConflict, likelyConflicts, listConflicts, recordConflict } from './conflicts.server.ts'
import {
  acceptInvitation,
  assignedNominations,
  getInvitation,
  headerDataOf,
  inviteJuror,
  listJurors,
  removeJuror,
  requireJuror,
  requireNominationAccess,
  resendInvitation,
  updateJurorSeats,
} from './jurors.server.ts'

const tokenOf = (url: string) => url.split('/jury/join/')[1]!

async function rejects(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('invitations', () => {
  test('an invitation writes the juror, their seats and the email in the juror’s language; the link joins', async () => {
    const fx = await makeJuryEdition({ categories: 2, jurors: 0 })
    const [c1, c2] = fx.categories
    const invited = await inviteJuror(fx.org.id, fx.edition.id, {
      name: 'Alice Martin',
      email: ' Alice.Martin@Example.ORG ',
      organisationName: 'CRESS',
      locale: 'en',
      categoryIds: [c1!.category.id, c2!.category.id],
      chairCategoryIds: [c2!.category.id],
    })
    const juror = await prisma.juror.findUniqueOrThrow({ where: { id: invited.jurorId }, include: { memberships: true } })
    expect(juror).toMatchObject({ email: 'alice.martin@example.org', locale: 'en', userId: null, joinedAt: null })
    expect(juror.memberships.map((m) => [m.categoryId, m.isChair]).sort()).toEqual(
      [
        [c1!.category.id, false],
        [c2!.category.id, true],
      ].sort(),
    )
    const mail = await prisma.emailMessage.findFirstOrThrow({
      where: { toAddress: 'alice.martin@example.org', template: 'jury-invitation' },
    })
    expect(mail.locale).toBe('en')
    const rendered = await renderStoredEmail(mail)
    expect(rendered.subject).toBe('Jury invitation: Prix de l’ESS 2026')
    for (const text of [invited.joinUrl, 'Utilité sociale', 'Catégorie 2', 'You chair the jury of: Catégorie 2'])
      expect(rendered.text).toContain(text)

    // GET shows the invitation; nothing is spent.
    const token = tokenOf(invited.joinUrl)
    const shown = await getInvitation(token)
    expect(shown).toMatchObject({ jurorName: 'Alice Martin', valid: true, joined: false })
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: juror.id } })).joinedAt).toBeNull()

    const joined = await acceptInvitation(token)
    const auth = await validateSessionToken(joined.sessionToken)
    expect(auth?.user.email).toBe('alice.martin@example.org')
    const after = await prisma.juror.findUniqueOrThrow({ where: { id: juror.id } })
    expect(after.userId).toBe(auth?.user.id)
    expect(after.joinedAt).not.toBeNull()
    // The link signs in again later (same user, no second user).
    const again = await acceptInvitation(token)
    expect(again.userId).toBe(joined.userId)
    expect(await prisma.user.count({ where: { email: 'alice.martin@example.org' } })).toBe(1)
    expect(await prisma.auditLog.count({ where: { action: 'juror.invite', entityId: juror.id } })).toBe(1)
  })

  test('the join route: GET shows a button, POST signs in and redirects to /jury', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const invited = await inviteJuror(fx.org.id, fx.edition.id, {
      name: 'Bruno',
      email: 'bruno@example.org',
      categoryIds: [fx.categories[0]!.category.id],
    })
    const token = tokenOf(invited.joinUrl)
    const route = await import('#app/routes/links/jury.join.$token.tsx')
    const url = `http://localhost/jury/join/${token}`
    await route.loader({ request: new Request(url), params: { token }, context: {} })
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: invited.jurorId } })).joinedAt).toBeNull()
    const res = (await route.action({ request: new Request(url, { method: 'POST' }), params: { token }, context: {} })) as Response
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/jury')
    expect(res.headers.get('set-cookie')).toMatch(/^essor_session=[a-z0-9]+/)
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: invited.jurorId } })).joinedAt).not.toBeNull()
    // An unknown token is a 404.
    const unknown = await rejects(
      route.loader({ request: new Request('http://localhost/jury/join/nope'), params: { token: 'nope' }, context: {} }),
    )
    expect((unknown as Response).status).toBe(404)
  })

  test('re-inviting or resending emails a link of its own and the earlier ones keep working', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const cat = fx.categories[0]!.category.id
    const first = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Chloé', email: 'chloe@example.org', categoryIds: [cat] })
    const second = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Chloé D.', email: 'CHLOE@example.org', categoryIds: [cat] })
    expect(second.jurorId).toBe(first.jurorId)
    expect(second.reinvited).toBe(true)
    expect(second.joinUrl).not.toBe(first.joinUrl)
    const third = await resendInvitation(fx.org.id, fx.edition.id, first.jurorId)
    for (const sent of [first, second, third]) expect((await getInvitation(tokenOf(sent.joinUrl)))?.jurorName).toBe('Chloé D.')
    expect(await prisma.emailMessage.count({ where: { toAddress: 'chloe@example.org', template: 'jury-invitation' } })).toBe(3)
    expect(await prisma.juror.count({ where: { editionId: fx.edition.id } })).toBe(1)
  })

  test('bad input is refused field by field', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const other = await makeJuryEdition({ jurors: 0 })
    const error = (await rejects(
      inviteJuror(fx.org.id, fx.edition.id, {
        name: ' ',
        email: 'nope',
        categoryIds: [other.categories[0]!.category.id],
        chairCategoryIds: ['x'],
      }),
    )) as AppError
    expect(error.status).toBe(422)
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['categoryIds', 'chairCategoryIds', 'email', 'name'])
    expect(await prisma.juror.count({ where: { editionId: fx.edition.id } })).toBe(0)
    expect(await prisma.emailMessage.count({ where: { toAddress: 'nope' } })).toBe(0)
  })

  test('one chair per category, seats change, a removed juror loses access and their link', async () => {
    const fx = await makeJuryEdition({ categories: 2, jurors: 2 })
    const [a, b] = fx.jurors
    const cat = fx.categories[0]!.category.id
    await updateJurorSeats(fx.org.id, fx.edition.id, b!.juror.id, [cat], [cat])
    const chairs = await prisma.juryMember.findMany({ where: { categoryId: cat, isChair: true } })
    expect(chairs.map((c) => c.jurorId)).toEqual([b!.juror.id])
    expect(await prisma.juryMember.count({ where: { jurorId: b!.juror.id } })).toBe(1)

    const { token } = await createSession(a!.user!.id)
    const request = () => new Request('http://localhost/jury', { headers: { cookie: `essor_session=${token}` } })
    expect((await requireJuror(request(), fx.edition.id)).juror.id).toBe(a!.juror.id)
    await removeJuror(fx.org.id, fx.edition.id, a!.juror.id)
    expect(((await rejects(requireJuror(request(), fx.edition.id))) as Response).status).toBe(403)
    const listed = await listJurors(fx.org.id, fx.edition.id)
    expect(listed.at(-1)?.id).toBe(a!.juror.id)
    expect(listed.at(-1)?.removedAt).not.toBeNull()
  })

  test('a user signed in another way is linked to their juror row by address', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const invited = await inviteJuror(fx.org.id, fx.edition.id, {
      name: 'Dan',
      email: 'dan@example.org',
      categoryIds: [fx.categories[0]!.category.id],
    })
    const user = await prisma.user.create({ data: { email: 'dan@example.org' } })
    const { token } = await createSession(user.id)
    const { juror } = await requireJuror(
      new Request('http://localhost/jury', { headers: { cookie: `essor_session=${token}` } }),
      fx.edition.id,
    )
    expect(juror.id).toBe(invited.jurorId)
    // Someone else is refused.
    const stranger = await prisma.user.create({ data: { email: 'stranger@example.org' } })
    const other = await createSession(stranger.id)
    const refused = await rejects(
      requireJuror(new Request('http://localhost/jury', { headers: { cookie: `essor_session=${other.token}` } }), fx.edition.id),
    )
    expect((refused as Response).status).toBe(403)
  })
})

describe('the header', () => {
  test('organisations by name and the Jury link, in one statement', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const user = await prisma.user.create({ data: { email: 'eve@example.org' } })
    expect(await headerDataOf(user)).toEqual({ memberships: [], isJuror: false })
    const zeta = await prisma.organisation.create({ data: { slug: `zeta-${user.id}`, name: 'Zeta' } })
    const alpha = await prisma.organisation.create({ data: { slug: `alpha-${user.id}`, name: 'Alpha' } })
    await prisma.membership.create({ data: { userId: user.id, organisationId: zeta.id, role: 'organiser' } })
    await prisma.membership.create({ data: { userId: user.id, organisationId: alpha.id, role: 'checkin' } })
    // Invited by address, not linked yet: the link shows.
    await inviteJuror(fx.org.id, fx.edition.id, { name: 'Eve', email: 'Eve@example.org', categoryIds: [fx.categories[0]!.category.id] })
    const header = await headerDataOf(user)
    const memberships = [
      { slug: alpha.slug, name: 'Alpha', role: 'checkin' },
      { slug: zeta.slug, name: 'Zeta', role: 'organiser' },
    ]
    expect(header.memberships).toEqual(memberships)
    // The whole header, nothing more.
    expect(header).toEqual({ memberships, isJuror: true })
    expect(header.isJuror).toBe(true)
  })
})

describe('what a juror scores', () => {
  test('mode all: every shortlisted nomination of their categories; assignments win when there are any', async () => {
    const fx = await makeJuryEdition({ categories: 2, jurors: 2, nominationsPerCategory: 3 })
    const [a, b] = fx.jurors
    const c1 = fx.categories[0]!
    expect((await assignedNominations(a!.juror.id)).map((n) => n.id).sort()).toEqual(
      [...c1.nominations, ...fx.categories[1]!.nominations].map((n) => n.id).sort(),
    )
    await prisma.juryAssignment.create({
      data: { jurorId: b!.juror.id, nominationId: c1.nominations[1]!.id, categoryId: c1.category.id, source: 'manual' },
    })
    expect((await assignedNominations(b!.juror.id, { categoryId: c1.category.id })).map((n) => n.id)).toEqual([c1.nominations[1]!.id])
    // Another category's nomination, or another edition's, is a 404.
    const other = await makeJuryEdition()
    expect(((await rejects(requireNominationAccess(b!.juror, c1.nominations[0]!.id))) as Response).status).toBe(404)
    expect(((await rejects(requireNominationAccess(a!.juror, other.categories[0]!.nominations[0]!.id))) as Response).status).toBe(404)
  })

  test('when nothing is shortlisted yet, the eligible nominations go to the jury; drafts never do', async () => {
    const fx = await makeJuryEdition({ nominationStatus: 'eligible', jurors: 1 })
    expect(await assignedNominations(fx.jurors[0]!.juror.id)).toHaveLength(3)
    const draft = await makeJuryEdition({ nominationStatus: 'draft', jurors: 1 })
    expect(await assignedNominations(draft.jurors[0]!.juror.id)).toHaveLength(0)
  })
})

describe('conflicts', () => {
  test('a declared conflict takes the nomination out of the juror’s work and is audited; twice is refused', async () => {
    const fx = await makeJuryEdition({ jurors: 2 })
    const juror = await prisma.juror.findUniqueOrThrow({ where: { id: fx.jurors[1]!.juror.id }, include: { edition: true } })
    const target = fx.categories[0]!.nominations[0]!
    await declareConflict(juror, target.id, { kind: 'board_member', note: 'Au CA depuis 2022' })
    expect((await assignedNominations(juror.id)).map((n) => n.id)).not.toContain(target.id)
    expect(((await rejects(requireNominationAccess(juror, target.id))) as Response).status).toBe(403)
    expect(((await rejects(declareConflict(juror, target.id, { kind: 'other' }))) as AppError).status).toBe(409)
    expect(((await rejects(declareConflict(juror, fx.categories[0]!.nominations[1]!.id, { kind: 'cousin' }))) as AppError).status).toBe(422)
    const listed = await listConflicts(fx.org.id, fx.edition.id)
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({
      kind: 'board_member',
      declaredBy: 'juror',
      nomination: { id: target.id, structureName: 'Structure 1-1' },
    })
    expect(await prisma.auditLog.count({ where: { action: 'juryConflict.declare' } })).toBe(1)
  })

  test('organisers record a conflict and see likely ones (same domain, same structure, not webmail)', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const [n1, n2, n3] = fx.categories[0]!.nominations
    const cat = fx.categories[0]!.category.id
    await prisma.nomination.update({ where: { id: n1!.id }, data: { contactEmail: 'x@jardins-emile.org' } })
    await prisma.nomination.update({
      where: { id: n2!.id },
      data: { structureName: 'Association Énergie Citoyenne', contactEmail: 'y@gmail.com' },
    })
    await prisma.nomination.update({ where: { id: n3!.id }, data: { contactEmail: 'z@gmail.com' } })
    const j = await inviteJuror(fx.org.id, fx.edition.id, {
      name: 'Eve',
      email: 'eve@jardins-emile.org',
      organisationName: 'SCIC energie-citoyenne',
      categoryIds: [cat],
    })
    await inviteJuror(fx.org.id, fx.edition.id, { name: 'Fred', email: 'fred@gmail.com', categoryIds: [cat] })
    const warnings = await likelyConflicts(fx.org.id, fx.edition.id)
    // In the order of the juror's list (structure names).
    expect(warnings.map((w) => [w.jurorName, w.nominationId, w.reasons])).toEqual([
      ['Eve', n2!.id, ['same_organisation']],
      ['Eve', n1!.id, ['same_email_domain']],
    ])
    await recordConflict(fx.org.id, fx.edition.id, j.jurorId, n1!.id, { kind: 'works_there' })
    expect((await likelyConflicts(fx.org.id, fx.edition.id)).map((w) => w.nominationId)).toEqual([n2!.id])
    expect((await listConflicts(fx.org.id, fx.edition.id))[0]).toMatchObject({ declaredBy: 'organiser', kind: 'works_there' })
  })
})

describe('the organisers’ jury page', () => {
  test('invites through the form and refuses another organisation’s staff', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const route = await import('#app/routes/organisers/o.$org.prizes.$editionId.jury.tsx')
    const { token } = await createSession(fx.organiser.id)
    const url = `http://localhost/o/${fx.org.slug}/prizes/${fx.edition.id}/jury`
    const params = { org: fx.org.slug, editionId: fx.edition.id }
    const body = new URLSearchParams({
      intent: 'invite',
      name: 'Gaëlle',
      email: 'gaelle@example.org',
      locale: 'fr',
      categoryIds: fx.categories[0]!.category.id,
    })
    const res = (await route.action({
      request: new Request(url, { method: 'POST', headers: { cookie: `essor_session=${token}` }, body }),
      params,
      context: {},
    })) as Response
    expect(res.status).toBe(302)
    expect(await prisma.emailMessage.count({ where: { toAddress: 'gaelle@example.org', template: 'jury-invitation' } })).toBe(1)
    const page = (await route.loader({
      request: new Request(url, { headers: { cookie: `essor_session=${token}` } }),
      params,
      context: {},
    })) as { jurors: { name: string }[] }
    expect(page.jurors.map((j) => j.name)).toEqual(['Gaëlle'])

    const outsider = await makeJuryEdition()
    const stranger = await createSession(outsider.organiser.id)
    const refused = await rejects(
      route.loader({ request: new Request(url, { headers: { cookie: `essor_session=${stranger.token}` } }), params, context: {} }),
    )
    expect((refused as Response).status).toBe(403)
  })
})
