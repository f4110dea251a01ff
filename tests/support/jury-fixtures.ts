// A prize edition ready for the jury (integration tests only): categories with a weighted grid,
// submitted nominations, and jurors seated in categories. Everything is written through Prisma
// so each test starts from the state it names.
import { randomBytes } from 'node:crypto'
import { prisma } from '#app/db.server.ts'
import { makeMember, makeOrganisation } from './factories.ts'

const uid = () => randomBytes(4).toString('hex')

export type JuryFixtureOptions = {
  /** Categories to create; default one. */
  categories?: number
  /** Weights of the grid's criteria, per category; default [1, 2]. */
  weights?: number[]
  scaleMin?: number
  scaleMax?: number
  /** Nominations per category (status shortlisted unless `nominationStatus`); default 3. */
  nominationsPerCategory?: number
  nominationStatus?: string
  /** Jurors, each seated in every category; default 3. The first is chair. */
  jurors?: number
  /** Jury period; default: started yesterday, ends in ten days. */
  juryStartsAt?: Date
  juryEndsAt?: Date
  /** Create a User for each juror and link it (joined); default true. */
  joined?: boolean
}

export async function makeJuryEdition(options: JuryFixtureOptions = {}) {
  const org = await makeOrganisation()
  const organiser = await makeMember(org.id, 'organiser')
  const now = Date.now()
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `jury-${uid()}`,
      title: 'Prix de l’ESS 2026',
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(now - 90 * 86400_000),
      submissionsCloseAt: new Date(now - 30 * 86400_000),
      juryStartsAt: options.juryStartsAt ?? new Date(now - 86400_000),
      juryEndsAt: options.juryEndsAt ?? new Date(now + 10 * 86400_000),
      announcementAt: new Date(now + 20 * 86400_000),
      eligibleLegalForms: JSON.stringify(['association', 'cooperative']),
    },
  })
  const weights = options.weights ?? [1, 2]
  const categories = []
  for (let c = 0; c < (options.categories ?? 1); c++) {
    const category = await prisma.prizeCategory.create({
      data: {
        editionId: edition.id,
        name: c === 0 ? 'Utilité sociale' : `Catégorie ${c + 1}`,
        position: c,
        scaleMin: options.scaleMin ?? 0,
        scaleMax: options.scaleMax ?? 5,
      },
    })
    const criteria = []
    for (const [i, weight] of weights.entries()) {
      criteria.push(
        await prisma.scoringCriterion.create({
          data: { categoryId: category.id, name: `Critère ${i + 1}`, rubric: `Ce que mesure le critère ${i + 1}`, weight, position: i },
        }),
      )
    }
    const nominations = []
    for (let i = 0; i < (options.nominationsPerCategory ?? 3); i++) {
      nominations.push(
        await prisma.nomination.create({
          data: {
            editionId: edition.id,
            categoryId: category.id,
            status: options.nominationStatus ?? 'shortlisted',
            structureName: `Structure ${c + 1}-${i + 1}`,
            legalForm: 'association',
            projectTitle: `Projet ${c + 1}-${i + 1}`,
            projectDescription: 'Un projet de territoire.',
            contactFirstName: 'Camille',
            contactLastName: `Nominee${i + 1}`,
            contactEmail: `contact-${c + 1}-${i + 1}-${uid()}@structure${c + 1}-${i + 1}.example.org`,
            editTokenHash: `nom-${uid()}-${uid()}`,
            submittedAt: new Date(now - 40 * 86400_000),
          },
        }),
      )
    }
    categories.push({ category, criteria, nominations })
  }
  const jurors = []
  for (let j = 0; j < (options.jurors ?? 3); j++) {
    const email = `juror-${j + 1}-${uid()}@jury.example.org`
    const user = options.joined === false ? null : await prisma.user.create({ data: { email, name: `Juré ${j + 1}` } })
    const juror = await prisma.juror.create({
      data: {
        editionId: edition.id,
        email,
        name: `Juré ${j + 1}`,
        userId: user?.id ?? null,
        joinedAt: user ? new Date() : null,
        inviteTokenHash: `inv-${uid()}-${uid()}`,
      },
    })
    for (const { category } of categories) {
      await prisma.juryMember.create({ data: { jurorId: juror.id, categoryId: category.id, isChair: j === 0 } })
    }
    jurors.push({ juror, user })
  }
  return { org, organiser, edition, categories, jurors }
}

export type JuryFixture = Awaited<ReturnType<typeof makeJuryEdition>>
