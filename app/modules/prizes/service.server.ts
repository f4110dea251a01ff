// Prize editions as organisers manage them (e.g. "Prix de l'ESS 2026 — Occitanie"): the edition
// (description, rules, calendar, eligibility), its categories with their scoring grids, the extra
// questions of the nomination form, publication, archiving and the copy that starts next year's.
// Every function takes the organisation id and only touches that organisation's editions: an
// edition of another organisation is "not found" (404), so ids and slugs reveal nothing.
import type { z } from 'zod'
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { renderMarkdown } from '#app/shared/markdown.server.ts'
import { randomSuffix, slugify } from '#app/shared/slug.ts'
import { conflictError as conflict, invalidInputError, isUniqueViolation, notFoundError } from '#app/utils/errors.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { moveItem } from '#app/utils/reorder.ts'
import { parseInput } from '#app/utils/validation.ts'
import { forgetEverywhere } from '#app/utils/siblings.server.ts'
import { createCache } from '#app/shared/cache.ts'
import { DEFAULT_TIME_ZONE, formatLocalDateTime, parseLocalDateTime } from '#app/shared/time.ts'
import { stringList } from './rules.ts'
import {
  calendarErrors,
  categoryInputSchema,
  copyInputSchema,
  criterionInputSchema,
  editionInputSchema,
  prizeQuestionInputSchema,
  type CategoryInput,
  type CopyInput,
  type CriterionInput,
  type EditionInput,
  type PrizeQuestionInput,
} from './schema.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }

export type Actor = { actorUserId?: string | null; request?: Request }

/** Statuses in which organisers may still change the edition, its categories, grid and questions. */
export const EDITABLE_EDITION_STATUSES: readonly string[] = ['draft', 'published']
export const isEditionEditable = (status: string) => EDITABLE_EDITION_STATUSES.includes(status)

// ---- Errors ----------------------------------------------------------------------------------

const invalid = (fields: Record<string, string[]>) => invalidInputError('prizes.error.invalid', fields)
const parseOrThrow = <S extends z.ZodType>(schema: S, input: unknown) => parseInput(schema, input, 'prizes.error.invalid')

// ---- Slugs -----------------------------------------------------------------------------------

async function availableSlug(tx: Tx, title: string) {
  const base = slugify(title)
  if (!(await tx.prizeEdition.findUnique({ where: { slug: base }, select: { id: true } }))) return base
  for (;;) {
    const candidate = `${base}-${randomSuffix()}`
    if (!(await tx.prizeEdition.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate
  }
}

/** Retries once or twice when two organisers take the same slug at the same moment. */
async function withSlugRetry<T>(work: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work(attempt)
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) continue
      throw error
    }
  }
}

// ---- Reading ---------------------------------------------------------------------------------

async function findOwnedEdition(db: Tx, organisationId: string, idOrSlug: string) {
  if (!organisationId || !idOrSlug) throw notFoundError()
  const edition = await db.prizeEdition.findFirst({ where: { organisationId, OR: [{ id: idOrSlug }, { slug: idOrSlug }] } })
  if (!edition) throw notFoundError()
  return edition
}

async function editableEdition(db: Tx, organisationId: string, idOrSlug: string) {
  const edition = await findOwnedEdition(db, organisationId, idOrSlug)
  if (!isEditionEditable(edition.status)) throw conflict('edition_read_only', 'prizes.error.readOnly')
  return edition
}

/** The organisation's editions, latest year first, with their number of categories and nominations. */
export async function listEditions(organisationId: string) {
  const editions = await prisma.prizeEdition.findMany({
    where: { organisationId },
    orderBy: [{ year: 'desc' }, { submissionsOpenAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      slug: true,
      title: true,
      year: true,
      status: true,
      submissionsOpenAt: true,
      submissionsCloseAt: true,
      announcementAt: true,
      _count: { select: { categories: true, nominations: true } },
    },
  })
  return editions.map(({ _count, ...e }) => ({ ...e, categoryCount: _count.categories, nominationCount: _count.nominations }))
}

export type EditionListItem = Awaited<ReturnType<typeof listEditions>>[number]

/** One edition of the organisation, by id or slug, with its categories, criteria and questions; 404 otherwise. */
export async function getEditionForOrganiser(organisationId: string, idOrSlug: string) {
  const owned = await findOwnedEdition(prisma, organisationId, idOrSlug)
  const edition = await prisma.prizeEdition.findUniqueOrThrow({
    where: { id: owned.id },
    include: {
      categories: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        include: { criteria: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
      },
      questions: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
      _count: { select: { nominations: true } },
    },
  })
  const { _count, ...rest } = edition
  return {
    ...rest,
    eligibleLegalForms: stringList(edition.eligibleLegalForms),
    eligibleDepartements: stringList(edition.eligibleDepartements),
    questions: edition.questions.map((q) => ({ ...q, options: stringList(q.options) })),
    nominationCount: _count.nominations,
    editable: isEditionEditable(edition.status),
  }
}

export type OrganiserEdition = Awaited<ReturnType<typeof getEditionForOrganiser>>

/**
 * What a jury grid needs, in one query: the edition's title and jury window, one of its categories
 * with its scale and criteria (in order), and the nomination form's questions (id and label).
 * Null when the edition is not the organisation's or the category is not the edition's.
 */
export async function getJuryGrid(organisationId: string, editionId: string, categoryId: string) {
  const edition = await prisma.prizeEdition.findFirst({
    where: { id: editionId, organisationId },
    select: {
      id: true,
      title: true,
      juryStartsAt: true,
      juryEndsAt: true,
      scoringLockedAt: true,
      categories: {
        where: { id: categoryId },
        select: {
          id: true,
          name: true,
          scaleMin: true,
          scaleMax: true,
          criteria: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, name: true, rubric: true, weight: true } },
        },
      },
      questions: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, label: true } },
    },
  })
  const category = edition?.categories[0]
  if (!edition || !category) return null
  const { categories: _one, ...rest } = edition
  return { edition: rest, category }
}

/**
 * The grid of a category as the scoring page shows it (name, scale, criteria in order) with the
 * nomination form's questions, kept in memory for a short while: every juror reads it on every
 * page. The category, criterion and question functions below clear it once their change is
 * committed; a read that overlapped a change is not kept (the generation moved), and the TTL
 * bounds how long another server process may show the previous grid.
 */
export type CachedJuryGrid = {
  category: {
    id: string
    name: string
    scaleMin: number
    scaleMax: number
    criteria: { id: string; name: string; rubric: string; weight: number }[]
  }
  questions: { id: string; label: string }[]
}
export const JURY_GRID_TTL_MS = 30_000
const juryGrids = createCache<CachedJuryGrid>({ ttlMs: JURY_GRID_TTL_MS, max: 1000 })
let juryGridGeneration = 0

/** Drops every cached grid (called after a change to categories, criteria or questions is committed). */
export function forgetJuryGrids() {
  forgetGridsEverywhere(null)
}
const forgetGridsEverywhere = forgetEverywhere('jury-grids', () => {
  juryGridGeneration++
  juryGrids.clear()
})

async function afterGridChange<T>(change: Promise<T>): Promise<T> {
  try {
    return await change
  } finally {
    forgetJuryGrids()
  }
}

/** The grid of a category of this edition (see CachedJuryGrid), or null when it is not the edition's. */
export async function getCachedJuryGrid(editionId: string, categoryId: string): Promise<CachedJuryGrid | null> {
  const key = `${editionId}:${categoryId}`
  const hit = juryGrids.get(key)
  if (hit) return hit
  const generation = juryGridGeneration
  const [category, questions] = await Promise.all([
    prisma.prizeCategory.findFirst({
      where: { id: categoryId, editionId },
      select: {
        id: true,
        name: true,
        scaleMin: true,
        scaleMax: true,
        criteria: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, name: true, rubric: true, weight: true } },
      },
    }),
    prisma.prizeQuestion.findMany({
      where: { editionId },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, label: true },
    }),
  ])
  if (!category) return null
  const grid = { category, questions }
  if (generation === juryGridGeneration) juryGrids.set(key, grid)
  return grid
}

// ---- Editions --------------------------------------------------------------------------------

function editionColumns(v: z.output<typeof editionInputSchema>) {
  return {
    title: v.title,
    year: v.year,
    description: v.description,
    rules: v.rules,
    submissionsOpenAt: v.submissionsOpenAt,
    submissionsCloseAt: v.submissionsCloseAt,
    juryStartsAt: v.juryStartsAt,
    juryEndsAt: v.juryEndsAt,
    announcementAt: v.announcementAt,
    eligibleLegalForms: JSON.stringify(v.eligibleLegalForms),
    minAgeYears: v.minAgeYears,
    eligibleDepartements: JSON.stringify(v.eligibleDepartements),
    publicVoteEnabled: v.publicVoteEnabled,
    voteOpensAt: v.publicVoteEnabled ? v.voteOpensAt : null,
    voteClosesAt: v.publicVoteEnabled ? v.voteClosesAt : null,
  }
}

type EditionColumns = ReturnType<typeof editionColumns>

const auditable = (value: unknown) => (value instanceof Date ? value.toISOString() : value)

function changedFields(current: Record<string, unknown>, data: EditionColumns) {
  const out: Record<string, { from: unknown; to: unknown }> = {}
  for (const [k, to] of Object.entries(data)) {
    const from = current[k]
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : (from ?? null) === (to ?? null)
    // Long texts: record that they changed, not their content.
    if (!same) out[k] = k === 'description' || k === 'rules' ? { from: '…', to: '…' } : { from: auditable(from), to: auditable(to) }
  }
  return out
}

/** Creates a draft edition. The slug comes from the title and never changes afterwards. */
export async function createEdition(organisationId: string, input: EditionInput, actor: Actor = {}) {
  const v = parseOrThrow(editionInputSchema, input)
  return withSlugRetry((attempt) =>
    prisma.$transaction(async (tx) => {
      const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } })
      if (!organisation) throw notFoundError()
      const slug = attempt === 0 ? await availableSlug(tx, v.title) : `${slugify(v.title)}-${randomSuffix()}`
      const edition = await tx.prizeEdition.create({ data: { ...editionColumns(v), organisationId, slug, status: 'draft' } })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeEdition.create',
        entityType: 'PrizeEdition',
        entityId: edition.id,
        details: { slug, title: edition.title, year: edition.year },
      })
      return edition
    }, TX),
  )
}

/** Replaces the edition's fields (the whole form); archived editions are read-only. */
export async function updateEdition(organisationId: string, editionId: string, input: EditionInput, actor: Actor = {}) {
  const v = parseOrThrow(editionInputSchema, input)
  return prisma.$transaction(async (tx) => {
    const current = await editableEdition(tx, organisationId, editionId)
    const data = editionColumns(v)
    const { count } = await tx.prizeEdition.updateMany({
      where: { id: current.id, organisationId, status: { in: [...EDITABLE_EDITION_STATUSES] } },
      data,
    })
    if (count !== 1) throw conflict('edition_read_only', 'prizes.error.readOnly')
    const fields = changedFields(current, data)
    if (Object.keys(fields).length > 0) {
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeEdition.update',
        entityType: 'PrizeEdition',
        entityId: current.id,
        details: { fields },
      })
    }
    return tx.prizeEdition.findUniqueOrThrow({ where: { id: current.id } })
  }, TX)
}

/** Why the edition can't be published yet (for the button), or null. */
export function publishBlock(edition: { status: string; categories: unknown[] }): MessageKey | null {
  if (edition.status !== 'draft') return 'prizes.error.notDraft'
  if (edition.categories.length === 0) return 'prizes.error.noCategory'
  return null
}

/** Publishes a draft: its public page appears at /prix/<slug>. It needs at least one category. */
export async function publishEdition(organisationId: string, editionId: string, actor: Actor = {}) {
  return prisma.$transaction(async (tx) => {
    const current = await findOwnedEdition(tx, organisationId, editionId)
    if (current.status !== 'draft') throw conflict('edition_not_draft', 'prizes.error.notDraft')
    const categories = await tx.prizeCategory.count({ where: { editionId: current.id } })
    if (categories === 0) throw conflict('edition_without_category', 'prizes.error.noCategory')
    // The calendar may have been written before a rule existed: check it again.
    const errors = calendarErrors(current)
    if (Object.keys(errors).length > 0) throw invalid(errors)
    const { count } = await tx.prizeEdition.updateMany({
      where: { id: current.id, organisationId, status: 'draft' },
      data: { status: 'published' },
    })
    if (count !== 1) throw conflict('edition_not_draft', 'prizes.error.notDraft')
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'prizeEdition.publish',
      entityType: 'PrizeEdition',
      entityId: current.id,
      details: { from: 'draft' },
    })
    return tx.prizeEdition.findUniqueOrThrow({ where: { id: current.id } })
  }, TX)
}

/** Archives the edition: it leaves the public pages and becomes read-only (nominations stay). */
export async function archiveEdition(organisationId: string, editionId: string, actor: Actor = {}) {
  return prisma.$transaction(async (tx) => {
    const current = await findOwnedEdition(tx, organisationId, editionId)
    if (current.status === 'archived') throw conflict('edition_archived', 'prizes.error.alreadyArchived')
    const { count } = await tx.prizeEdition.updateMany({
      where: { id: current.id, organisationId, status: current.status },
      data: { status: 'archived' },
    })
    if (count !== 1) throw conflict('edition_changed', 'prizes.error.changedMeanwhile')
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'prizeEdition.archive',
      entityType: 'PrizeEdition',
      entityId: current.id,
      details: { from: current.status },
    })
    return tx.prizeEdition.findUniqueOrThrow({ where: { id: current.id } })
  }, TX)
}

// ---- Copy to another year --------------------------------------------------------------------

/**
 * The same Paris wall-clock time `years` later: 30 June 23:59 stays 30 June 23:59 whatever the
 * summer-time offsets; 29 February becomes 28 February in a common year.
 */
export function shiftYears(date: Date, years: number): Date {
  if (years === 0) return date
  const local = formatLocalDateTime(date, DEFAULT_TIME_ZONE)
  const seconds = date.getUTCSeconds()
  const year = Number(local.slice(0, 4)) + years
  let rest = local.slice(4)
  if (rest.startsWith('-02-29')) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    if (!leap) rest = `-02-28${rest.slice(6)}`
  }
  const shifted = parseLocalDateTime(`${String(year).padStart(4, '0')}${rest}:${String(seconds).padStart(2, '0')}`, DEFAULT_TIME_ZONE)
  return shifted ?? new Date(date.getTime())
}

/** "Prix de l'ESS 2025 — Occitanie" → "Prix de l'ESS 2026 — Occitanie"; without the year, it is appended. */
export function titleForYear(title: string, fromYear: number, toYear: number): string {
  const pattern = new RegExp(`\\b${fromYear}\\b`, 'g')
  return pattern.test(title) ? title.replace(pattern, String(toYear)) : `${title} ${toYear}`
}

/**
 * Starts another year's edition from this one: description, rules, eligibility, categories with
 * their scoring grids and the form's questions are copied; every date moves by the difference in
 * years; the copy is a draft with its own slug. Nominations and votes are not copied.
 */
export async function copyEdition(organisationId: string, editionId: string, input: CopyInput, actor: Actor = {}) {
  const { year } = parseOrThrow(copyInputSchema, input)
  const source = await getEditionForOrganiser(organisationId, editionId)
  const diff = year - source.year
  const shift = (d: Date | null) => (d ? shiftYears(d, diff) : null)
  const title = titleForYear(source.title, source.year, year)
  return withSlugRetry((attempt) =>
    prisma.$transaction(async (tx) => {
      const slug = attempt === 0 ? await availableSlug(tx, title) : `${slugify(title)}-${randomSuffix()}`
      const edition = await tx.prizeEdition.create({
        data: {
          organisationId,
          slug,
          title,
          year,
          status: 'draft',
          description: source.description,
          rules: source.rules,
          submissionsOpenAt: shiftYears(source.submissionsOpenAt, diff),
          submissionsCloseAt: shiftYears(source.submissionsCloseAt, diff),
          juryStartsAt: shift(source.juryStartsAt),
          juryEndsAt: shift(source.juryEndsAt),
          announcementAt: shift(source.announcementAt),
          eligibleLegalForms: JSON.stringify(source.eligibleLegalForms),
          minAgeYears: source.minAgeYears,
          eligibleDepartements: JSON.stringify(source.eligibleDepartements),
          publicVoteEnabled: source.publicVoteEnabled,
          voteOpensAt: shift(source.voteOpensAt),
          voteClosesAt: shift(source.voteClosesAt),
          copiedFromId: source.id,
        },
      })
      for (const category of source.categories) {
        await tx.prizeCategory.create({
          data: {
            editionId: edition.id,
            name: category.name,
            description: category.description,
            awards: category.awards,
            position: category.position,
            scaleMin: category.scaleMin,
            scaleMax: category.scaleMax,
            criteria: {
              create: category.criteria.map((c) => ({ name: c.name, rubric: c.rubric, weight: c.weight, position: c.position })),
            },
          },
        })
      }
      if (source.questions.length > 0) {
        await tx.prizeQuestion.createMany({
          data: source.questions.map((q) => ({
            editionId: edition.id,
            label: q.label,
            help: q.help,
            type: q.type,
            required: q.required,
            options: JSON.stringify(q.options),
            position: q.position,
          })),
        })
      }
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeEdition.copy',
        entityType: 'PrizeEdition',
        entityId: edition.id,
        details: {
          from: source.id,
          fromYear: source.year,
          year,
          slug,
          categories: source.categories.length,
          questions: source.questions.length,
        },
      })
      return edition
    }, TX),
  )
}

// ---- Categories ------------------------------------------------------------------------------

async function ownedCategory(tx: Tx, editionId: string, categoryId: string) {
  const category = await tx.prizeCategory.findFirst({ where: { id: categoryId, editionId } })
  if (!category) throw notFoundError()
  return category
}

export async function createCategory(organisationId: string, editionId: string, input: CategoryInput, actor: Actor = {}) {
  const v = parseOrThrow(categoryInputSchema, input)
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const last = await tx.prizeCategory.findFirst({
        where: { editionId: edition.id },
        orderBy: { position: 'desc' },
        select: { position: true },
      })
      const category = await tx.prizeCategory.create({ data: { editionId: edition.id, ...v, position: (last?.position ?? -1) + 1 } })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeCategory.create',
        entityType: 'PrizeCategory',
        entityId: category.id,
        details: { editionId: edition.id, name: v.name, awards: v.awards, scaleMin: v.scaleMin, scaleMax: v.scaleMax },
      })
      return category
    }, TX),
  )
}

export async function updateCategory(
  organisationId: string,
  editionId: string,
  categoryId: string,
  input: CategoryInput,
  actor: Actor = {},
) {
  const v = parseOrThrow(categoryInputSchema, input)
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const before = await ownedCategory(tx, edition.id, categoryId)
      const category = await tx.prizeCategory.update({ where: { id: before.id }, data: v })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeCategory.update',
        entityType: 'PrizeCategory',
        entityId: category.id,
        details: {
          editionId: edition.id,
          from: { name: before.name, awards: before.awards, scaleMin: before.scaleMin, scaleMax: before.scaleMax },
          to: { name: v.name, awards: v.awards, scaleMin: v.scaleMin, scaleMax: v.scaleMax },
        },
      })
      return category
    }, TX),
  )
}

/** Deletes a category and its grid; refused while nominations are filed in it. */
export async function deleteCategory(organisationId: string, editionId: string, categoryId: string, actor: Actor = {}) {
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const category = await ownedCategory(tx, edition.id, categoryId)
      const nominations = await tx.nomination.count({ where: { categoryId: category.id } })
      if (nominations > 0) throw conflict('category_has_nominations', 'prizes.error.categoryHasNominations', { count: nominations })
      await tx.prizeCategory.delete({ where: { id: category.id } })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeCategory.delete',
        entityType: 'PrizeCategory',
        entityId: category.id,
        details: { editionId: edition.id, name: category.name },
      })
    }, TX),
  )
}

// ---- Scoring criteria ------------------------------------------------------------------------

async function ownedCriterion(tx: Tx, editionId: string, criterionId: string) {
  const criterion = await tx.scoringCriterion.findFirst({ where: { id: criterionId, category: { editionId } } })
  if (!criterion) throw notFoundError()
  return criterion
}

export async function createCriterion(
  organisationId: string,
  editionId: string,
  categoryId: string,
  input: CriterionInput,
  actor: Actor = {},
) {
  const v = parseOrThrow(criterionInputSchema, input)
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const category = await ownedCategory(tx, edition.id, categoryId)
      const last = await tx.scoringCriterion.findFirst({
        where: { categoryId: category.id },
        orderBy: { position: 'desc' },
        select: { position: true },
      })
      const criterion = await tx.scoringCriterion.create({ data: { categoryId: category.id, ...v, position: (last?.position ?? -1) + 1 } })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'scoringCriterion.create',
        entityType: 'ScoringCriterion',
        entityId: criterion.id,
        details: { editionId: edition.id, categoryId: category.id, name: v.name, weight: v.weight },
      })
      return criterion
    }, TX),
  )
}

export async function updateCriterion(
  organisationId: string,
  editionId: string,
  criterionId: string,
  input: CriterionInput,
  actor: Actor = {},
) {
  const v = parseOrThrow(criterionInputSchema, input)
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const before = await ownedCriterion(tx, edition.id, criterionId)
      const criterion = await tx.scoringCriterion.update({ where: { id: before.id }, data: v })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'scoringCriterion.update',
        entityType: 'ScoringCriterion',
        entityId: criterion.id,
        details: {
          editionId: edition.id,
          categoryId: before.categoryId,
          from: { name: before.name, weight: before.weight },
          to: { name: v.name, weight: v.weight },
          rubricChanged: before.rubric !== v.rubric,
        },
      })
      return criterion
    }, TX),
  )
}

export async function deleteCriterion(organisationId: string, editionId: string, criterionId: string, actor: Actor = {}) {
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const criterion = await ownedCriterion(tx, edition.id, criterionId)
      await tx.scoringCriterion.delete({ where: { id: criterion.id } })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'scoringCriterion.delete',
        entityType: 'ScoringCriterion',
        entityId: criterion.id,
        details: { editionId: edition.id, categoryId: criterion.categoryId, name: criterion.name },
      })
    }, TX),
  )
}

// ---- Nomination form questions ---------------------------------------------------------------

async function ownedQuestion(tx: Tx, editionId: string, questionId: string) {
  const question = await tx.prizeQuestion.findFirst({ where: { id: questionId, editionId } })
  if (!question) throw notFoundError()
  return question
}

export async function createPrizeQuestion(organisationId: string, editionId: string, input: PrizeQuestionInput, actor: Actor = {}) {
  const v = parseOrThrow(prizeQuestionInputSchema, input)
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const last = await tx.prizeQuestion.findFirst({
        where: { editionId: edition.id },
        orderBy: { position: 'desc' },
        select: { position: true },
      })
      const question = await tx.prizeQuestion.create({
        data: {
          editionId: edition.id,
          label: v.label,
          help: v.help,
          type: v.type,
          required: v.required,
          options: JSON.stringify(v.options),
          position: (last?.position ?? -1) + 1,
        },
      })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeQuestion.create',
        entityType: 'PrizeQuestion',
        entityId: question.id,
        details: { editionId: edition.id, label: v.label, type: v.type, required: v.required, options: v.options },
      })
      return question
    }, TX),
  )
}

/** Answers already given stay: nominations keep them by question id. */
export async function updatePrizeQuestion(
  organisationId: string,
  editionId: string,
  questionId: string,
  input: PrizeQuestionInput,
  actor: Actor = {},
) {
  const v = parseOrThrow(prizeQuestionInputSchema, input)
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const before = await ownedQuestion(tx, edition.id, questionId)
      const question = await tx.prizeQuestion.update({
        where: { id: before.id },
        data: { label: v.label, help: v.help, type: v.type, required: v.required, options: JSON.stringify(v.options) },
      })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeQuestion.update',
        entityType: 'PrizeQuestion',
        entityId: question.id,
        details: {
          editionId: edition.id,
          from: { label: before.label, type: before.type, required: before.required, options: stringList(before.options) },
          to: { label: v.label, type: v.type, required: v.required, options: v.options },
        },
      })
      return question
    }, TX),
  )
}

export async function deletePrizeQuestion(organisationId: string, editionId: string, questionId: string, actor: Actor = {}) {
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const question = await ownedQuestion(tx, edition.id, questionId)
      await tx.prizeQuestion.delete({ where: { id: question.id } })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'prizeQuestion.delete',
        entityType: 'PrizeQuestion',
        entityId: question.id,
        details: { editionId: edition.id, label: question.label },
      })
    }, TX),
  )
}

export async function movePrizeQuestion(
  organisationId: string,
  editionId: string,
  questionId: string,
  direction: 'up' | 'down',
  actor: Actor = {},
) {
  return afterGridChange(
    prisma.$transaction(async (tx) => {
      const edition = await editableEdition(tx, organisationId, editionId)
      const question = await ownedQuestion(tx, edition.id, questionId)
      const all = await tx.prizeQuestion.findMany({
        where: { editionId: edition.id },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true },
      })
      const moved = await moveItem(all, question.id, direction, (id, position) =>
        tx.prizeQuestion.update({ where: { id }, data: { position } }),
      )
      if (moved)
        await audit(tx, {
          organisationId,
          actorUserId: actor.actorUserId,
          action: 'prizeQuestion.move',
          entityType: 'PrizeQuestion',
          entityId: question.id,
          details: { editionId: edition.id, direction },
        })
      return moved
    }, TX),
  )
}

// ---- Public pages ----------------------------------------------------------------------------

/** The public vote's settings of an edition (null when unknown). */
export function getVoteSettings(editionId: string) {
  return prisma.prizeEdition.findUnique({
    where: { id: editionId },
    select: { publicVoteEnabled: true, voteOpensAt: true, voteClosesAt: true },
  })
}

/** Published editions of every organisation, the latest first. */
export async function listPublicEditions() {
  return prisma.prizeEdition.findMany({
    where: { status: 'published' },
    orderBy: [{ year: 'desc' }, { submissionsCloseAt: 'desc' }, { id: 'asc' }],
    select: {
      slug: true,
      title: true,
      year: true,
      submissionsOpenAt: true,
      submissionsCloseAt: true,
      announcementAt: true,
      organisation: { select: { name: true, slug: true } },
    },
  })
}

export type PublicEditionListItem = Awaited<ReturnType<typeof listPublicEditions>>[number]

/**
 * The published editions still taking nominations or about to (their call has not closed), the
 * soonest to close first: what the home page offers.
 */
export async function listOpenEditions({ limit, now = new Date() }: { limit: number; now?: Date }) {
  return prisma.prizeEdition.findMany({
    where: { status: 'published', submissionsCloseAt: { gt: now } },
    orderBy: [{ submissionsCloseAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: {
      slug: true,
      title: true,
      submissionsOpenAt: true,
      submissionsCloseAt: true,
      organisation: { select: { name: true, slug: true } },
    },
  })
}

/**
 * A published edition for its public page and the nomination form (description and rules as
 * safe HTML, eligibility rules, categories, extra questions), or null.
 */
export async function getPublicEdition(slug: string) {
  if (!slug) return null
  const edition = await prisma.prizeEdition.findFirst({
    where: { slug, status: 'published' },
    include: {
      organisation: { select: { name: true, slug: true } },
      categories: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, name: true, description: true, awards: true } },
      questions: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true, label: true, help: true, type: true, required: true, options: true },
      },
    },
  })
  if (!edition) return null
  return {
    id: edition.id,
    slug: edition.slug,
    title: edition.title,
    year: edition.year,
    organisation: edition.organisation,
    description: edition.description,
    descriptionHtml: renderMarkdown(edition.description, { headingOffset: 2 }),
    rulesHtml: renderMarkdown(edition.rules, { headingOffset: 2 }),
    submissionsOpenAt: edition.submissionsOpenAt,
    submissionsCloseAt: edition.submissionsCloseAt,
    juryStartsAt: edition.juryStartsAt,
    juryEndsAt: edition.juryEndsAt,
    announcementAt: edition.announcementAt,
    eligibleLegalForms: stringList(edition.eligibleLegalForms),
    minAgeYears: edition.minAgeYears,
    eligibleDepartements: stringList(edition.eligibleDepartements),
    publicVoteEnabled: edition.publicVoteEnabled,
    voteOpensAt: edition.voteOpensAt,
    voteClosesAt: edition.voteClosesAt,
    categories: edition.categories,
    /** The nomination form's extra questions (options parsed). */
    questions: edition.questions.map((q) => ({ ...q, options: stringList(q.options) })),
  }
}

export type PublicEdition = NonNullable<Awaited<ReturnType<typeof getPublicEdition>>>
