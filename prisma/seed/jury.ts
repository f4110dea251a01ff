// Demo jury of the 2026 Prix de l'ESS of CRESS Occitanie: five jurors (each with an account)
// seated in "Utilité sociale" and "Transition écologique", a chair per category, every juror of a
// category assigned all its shortlisted nominations (mode "all"), scores in progress in
// "Utilité sociale" (one juror has not started: late), one conflict declared by a juror, and
// "Transition écologique" already deliberated (decisions recorded and validated by its chair).
// Nothing reaches the outbox. Safe to call again: it does nothing once the edition has jurors.
import { randomBytes } from 'node:crypto'
import type { Tx } from '#app/db.server.ts'
import { DEMO_PRIZE_SLUGS } from './prizes.ts'

type Seat = { category: 'social' | 'ecologie'; chair?: boolean }
type DemoJuror = { name: string; email: string; organisationName: string; seats: Seat[] }

export const demoJurors: DemoJuror[] = [
  {
    name: 'Hélène Marty',
    email: 'helene.marty@jury-occitanie.example',
    organisationName: 'Région Occitanie',
    seats: [{ category: 'social', chair: true }, { category: 'ecologie' }],
  },
  {
    name: 'Karim Haddad',
    email: 'karim.haddad@jury-occitanie.example',
    organisationName: 'France Active Occitanie',
    seats: [{ category: 'ecologie', chair: true }, { category: 'social' }],
  },
  {
    name: 'Sophie Laurent',
    email: 'sophie.laurent@jury-occitanie.example',
    organisationName: 'Université Toulouse Capitole',
    seats: [{ category: 'social' }],
  },
  {
    name: 'Marc Delmas',
    email: 'marc.delmas@jury-occitanie.example',
    organisationName: 'Crédit Coopératif',
    seats: [{ category: 'social' }, { category: 'ecologie' }],
  },
  {
    name: 'Julie Fabre',
    email: 'julie.fabre@jury-occitanie.example',
    organisationName: 'Mouvement associatif Occitanie',
    seats: [{ category: 'social' }],
  },
]

/** The late juror of the demo (has not scored anything). */
export const DEMO_LATE_JUROR = 'julie.fabre@jury-occitanie.example'
/** The juror who declared a conflict on this nomination. */
export const DEMO_CONFLICT = { juror: 'marc.delmas@jury-occitanie.example', structureName: 'SCIC Mobilité solidaire Aveyron' }

const CATEGORY_NAMES = { social: 'Utilité sociale', ecologie: 'Transition écologique' } as const

const hashLike = () => randomBytes(32).toString('hex')

/**
 * Score patterns per juror and nomination (index in the category's shortlisted nominations,
 * ordered by structure name): one value per criterion, repeated if the grid is longer; `partial`
 * leaves the last criterion empty.
 */
const SCORES: Record<string, Record<'social' | 'ecologie', ({ values: number[]; comment: string; partial?: boolean } | null)[]>> = {
  'helene.marty@jury-occitanie.example': {
    social: [
      { values: [5, 4, 4, 5, 3], comment: 'Un accueil exemplaire, très bien ancré à Narbonne.' },
      { values: [4, 4, 3, 4, 3], comment: 'Modèle utile en zone rurale ; gouvernance à consolider.' },
    ],
    ecologie: [
      { values: [4, 5, 4, 4, 3], comment: 'Très bon travail de réemploi, ateliers dans les écoles.' },
      { values: [4, 4, 3, 4, 4], comment: 'Gouvernance citoyenne remarquable, impact carbone à documenter.' },
    ],
  },
  'karim.haddad@jury-occitanie.example': {
    social: [
      { values: [4, 5, 3, 4, 4], comment: 'Chiffres solides, besoin réel.' },
      { values: [4, 3, 4], comment: '', partial: true },
    ],
    ecologie: [
      { values: [5, 5, 4, 5, 4], comment: 'Le projet le plus structurant de la Haute Vallée de l’Aude.' },
      { values: [3, 4, 3, 3, 4], comment: 'Bon projet, impact un peu moins mesuré.' },
    ],
  },
  'sophie.laurent@jury-occitanie.example': {
    social: [
      { values: [5, 5, 4, 4, 4], comment: 'Impact mesuré et démarche d’accès aux droits remarquable.' },
      { values: [3, 4, 3, 3, 2], comment: 'Intéressant, le modèle économique reste fragile.' },
    ],
    ecologie: [],
  },
  'marc.delmas@jury-occitanie.example': {
    // Conflict on "SCIC Mobilité solidaire Aveyron" (board member): no score there.
    social: [{ values: [4, 4, 4, 4, 3], comment: 'Structure solide, partenariats nombreux.' }, null],
    ecologie: [
      { values: [4, 4, 5, 4, 4], comment: 'Belle dynamique de réemploi et d’insertion.' },
      { values: [4, 3, 4, 4, 3], comment: 'Sociétariat citoyen exemplaire.' },
    ],
  },
  'julie.fabre@jury-occitanie.example': { social: [null, null], ecologie: [] },
}

export async function seedDemoJury(tx: Tx): Promise<{ seeded: boolean; jurors: number }> {
  const edition = await tx.prizeEdition.findUnique({ where: { slug: DEMO_PRIZE_SLUGS.current }, select: { id: true, juryEndsAt: true } })
  if (!edition) return { seeded: false, jurors: 0 }
  if ((await tx.juror.count({ where: { editionId: edition.id } })) > 0) return { seeded: false, jurors: 0 }
  const categories = await tx.prizeCategory.findMany({
    where: { editionId: edition.id, name: { in: Object.values(CATEGORY_NAMES) } },
    select: { id: true, name: true, criteria: { select: { id: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
  })
  const categoryOf = (key: 'social' | 'ecologie') => categories.find((c) => c.name === CATEGORY_NAMES[key])!
  const nominationsOf = async (key: 'social' | 'ecologie') =>
    tx.nomination.findMany({
      where: { editionId: edition.id, categoryId: categoryOf(key).id, status: 'shortlisted' },
      select: { id: true, structureName: true },
      orderBy: [{ structureName: 'asc' }, { id: 'asc' }],
    })
  const shortlisted = { social: await nominationsOf('social'), ecologie: await nominationsOf('ecologie') }
  const joinedAt = new Date('2026-06-20T08:00:00Z')
  const scoredAt = new Date('2026-09-15T16:00:00Z')
  const jurorIds = new Map<string, string>()
  const userIds = new Map<string, string>()

  for (const j of demoJurors) {
    const user = await tx.user.upsert({
      where: { email: j.email },
      create: { email: j.email, name: j.name },
      update: {},
      select: { id: true },
    })
    userIds.set(j.email, user.id)
    const juror = await tx.juror.create({
      data: {
        editionId: edition.id,
        email: j.email,
        name: j.name,
        organisationName: j.organisationName,
        userId: user.id,
        inviteTokenHash: hashLike(),
        invitedAt: new Date('2026-06-15T08:00:00Z'),
        joinedAt,
      },
      select: { id: true },
    })
    jurorIds.set(j.email, juror.id)
  }
  const conflictNomination = shortlisted.social.find((n) => n.structureName === DEMO_CONFLICT.structureName)
  if (conflictNomination) {
    await tx.juryConflict.create({
      data: {
        editionId: edition.id,
        jurorId: jurorIds.get(DEMO_CONFLICT.juror)!,
        nominationId: conflictNomination.id,
        kind: 'board_member',
        note: 'Membre du conseil d’administration de la SCIC.',
        declaredBy: 'juror',
        declaredByUserId: userIds.get(DEMO_CONFLICT.juror)!,
      },
    })
  }
  for (const j of demoJurors) {
    const jurorId = jurorIds.get(j.email)!
    for (const seat of j.seats) {
      const category = categoryOf(seat.category)
      const patterns = SCORES[j.email]![seat.category]
      const finished = shortlisted[seat.category].every(
        (n, i) => (conflictNomination?.id === n.id && j.email === DEMO_CONFLICT.juror) || (patterns[i] && !patterns[i]!.partial),
      )
      await tx.juryMember.create({
        data: { jurorId, categoryId: category.id, isChair: !!seat.chair, submittedAt: finished ? scoredAt : null },
      })
      for (const [i, n] of shortlisted[seat.category].entries()) {
        const conflicted = conflictNomination?.id === n.id && j.email === DEMO_CONFLICT.juror
        if (conflicted) continue
        await tx.juryAssignment.create({ data: { jurorId, nominationId: n.id, categoryId: category.id, source: 'all' } })
        const p = patterns[i]
        if (!p) continue
        const values: Record<string, number> = {}
        category.criteria.forEach((c, k) => {
          if (p.partial && k >= p.values.length) return
          values[c.id] = p.values[k % p.values.length]!
        })
        await tx.juryScore.create({
          data: {
            jurorId,
            nominationId: n.id,
            values: JSON.stringify(values),
            comment: p.comment,
            complete: !p.partial,
            createdAt: scoredAt,
          },
        })
      }
    }
  }
  // "Transition écologique" is deliberated: ranked by the jurors' means, validated by its chair.
  const ecologie = categoryOf('ecologie')
  const [first, second] = shortlisted.ecologie
  const chairUser = userIds.get('karim.haddad@jury-occitanie.example')!
  const decided = new Date('2026-10-05T17:00:00Z')
  const decisions = [
    first && {
      nominationId: first.id,
      decision: 'laureate',
      rank: 1,
      rationale: 'Six cents tonnes détournées de l’enfouissement et onze emplois d’insertion : un modèle de réemploi pour le territoire.',
    },
    second && {
      nominationId: second.id,
      decision: 'mention',
      rank: 2,
      rationale: 'Mention pour un sociétariat citoyen exemplaire autour de l’énergie solaire.',
    },
  ].filter((d): d is { nominationId: string; decision: string; rank: number; rationale: string } => !!d)
  for (const d of decisions)
    await tx.juryDecision.create({ data: { ...d, categoryId: ecologie.id, decidedByUserId: chairUser, createdAt: decided } })
  await tx.prizeCategory.update({ where: { id: ecologie.id }, data: { decisionsLockedAt: decided, decisionsLockedBy: chairUser } })
  return { seeded: true, jurors: demoJurors.length }
}
