// The public prize forms through their routes' actions ("candidater" and the public vote): bad
// input is refused with 400 and Conform's reply naming the field, and nothing is written.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { action as startAction } from '#app/routes/public/prix.$slug.candidater.tsx'
import { action as voteAction } from '#app/routes/public/prix.$slug.vote.tsx'
import { makeOrganisation } from '#tests/support/factories.ts'
import { postForm } from '#tests/support/form-action.ts'

const DAY = 24 * 60 * 60 * 1000
let slug: string
let editionId: string
let nominationId: string

beforeAll(async () => {
  const org = await makeOrganisation()
  const now = Date.now()
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `forms-${now}`,
      title: 'Prix des formulaires',
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(now - DAY),
      submissionsCloseAt: new Date(now + 7 * DAY),
      publicVoteEnabled: true,
      voteOpensAt: new Date(now - DAY),
      voteClosesAt: new Date(now + 7 * DAY),
    },
  })
  slug = edition.slug
  editionId = edition.id
  const nomination = await prisma.nomination.create({
    data: { editionId, status: 'shortlisted', structureName: 'Recyclerie', contactEmail: 'r@example.org', editTokenHash: `t-${now}` },
  })
  nominationId = nomination.id
})

describe('candidater', () => {
  test('an address that is not one is refused on its field and no nomination is started', async () => {
    const answer = await postForm(startAction, `/prix/${slug}/candidater`, { email: 'pas-une-adresse' }, { params: { slug } })
    expect(answer.status).toBe(400)
    expect(answer.errors.email).toEqual(['nomination.error.email'])
    expect(await prisma.nomination.count({ where: { editionId } })).toBe(1)
  })
})

describe('the public vote', () => {
  test('without a choice, the nominations field is refused and no vote is recorded', async () => {
    const answer = await postForm(voteAction, `/prix/${slug}/vote`, { email: 'voter@example.org' }, { params: { slug } })
    expect(answer.status).toBe(400)
    expect(answer.errors.nominationId).toEqual(['votes.error.nomination'])
    expect(await prisma.publicVote.count({ where: { editionId } })).toBe(0)
  })

  test('a nomination that is not shortlisted comes back from the service on the nominations field', async () => {
    const answer = await postForm(
      voteAction,
      `/prix/${slug}/vote`,
      { email: 'voter@example.org', nominationId: 'nope' },
      { params: { slug } },
    )
    expect(answer.status).toBe(400)
    expect(answer.errors.nominationId).toEqual(['Choisissez une des candidatures retenues.'])
    expect(await prisma.publicVote.count({ where: { editionId } })).toBe(0)
  })

  test('a valid vote is sent for confirmation', async () => {
    const answer = await postForm(voteAction, `/prix/${slug}/vote`, { email: 'Voter@Example.org', nominationId }, { params: { slug } })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ sentTo: 'voter@example.org' })
  })
})
