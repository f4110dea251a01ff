// Prize edition schemas shared by the organiser forms and the service.
// - `*InputSchema`: what the service accepts (Dates or ISO 8601 instants with an offset, numbers,
//   booleans, arrays). The service validates with them too.
// - `*FormSchema`: the same rules for a submitted form (strings; datetime-local values read in
//   Europe/Paris; legal forms as repeated checkboxes; départements as a comma-separated list).
// Error messages are i18n keys (`prizes.error.*`), translated where they are shown.
import { z } from 'zod'
import { DEFAULT_TIME_ZONE, formatLocalDateTime, parseLocalDateTime } from '#app/shared/time.ts'
import { findRegion, isDepartement, normaliseDepartement } from '#app/shared/territories.ts'
import { CHOICE_QUESTION_TYPES, QUESTION_TYPES, type QuestionFormFields } from '#app/shared/questions.ts'
import { isLegalForm, stringList } from './rules.ts'

export const PRIZE_LIMITS = {
  title: 200,
  markdown: 50_000,
  shortText: 200,
  rubric: 5_000,
  categoryDescription: 5_000,
  yearMin: 2000,
  yearMax: 2100,
  minAgeMax: 50,
  awardsMax: 50,
  scaleMax: 100,
  weightMax: 100,
  questionOptions: 50,
  help: 500,
} as const

const ISO_WITH_OFFSET = z.iso.datetime({ offset: true })

function instant(required: boolean) {
  return z.unknown().transform((value, ctx): Date | null => {
    if (value === undefined || value === null || value === '') {
      if (!required) return null
      ctx.issues.push({ code: 'custom', message: 'prizes.error.dateRequired', input: value })
      return z.NEVER
    }
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value
    if (typeof value === 'string' && ISO_WITH_OFFSET.safeParse(value).success) return new Date(value)
    ctx.issues.push({ code: 'custom', message: 'prizes.error.dateInvalid', input: value })
    return z.NEVER
  })
}
const requiredInstant = () =>
  instant(true)
    .optional()
    .transform((d) => d as Date)
const optionalInstant = () =>
  instant(false)
    .optional()
    .transform((d) => d ?? null)

const markdown = z
  .string({ error: 'prizes.error.textInvalid' })
  .max(PRIZE_LIMITS.markdown, { error: 'prizes.error.tooLong' })
  .optional()
  .transform((v) => (v ?? '').replace(/\r\n/g, '\n').trim())

const int = (min: number, max: number, error: string) => z.number({ error }).int({ error }).min(min, { error }).max(max, { error })

// ---- Editions --------------------------------------------------------------------------------

const editionFields = {
  title: z
    .string({ error: 'prizes.error.titleRequired' })
    .trim()
    .min(3, { error: 'prizes.error.titleRequired' })
    .max(PRIZE_LIMITS.title, { error: 'prizes.error.tooLong' }),
  year: int(PRIZE_LIMITS.yearMin, PRIZE_LIMITS.yearMax, 'prizes.error.yearInvalid'),
  description: markdown,
  rules: markdown,
  submissionsOpenAt: requiredInstant(),
  submissionsCloseAt: requiredInstant(),
  juryStartsAt: optionalInstant(),
  juryEndsAt: optionalInstant(),
  announcementAt: optionalInstant(),
  eligibleLegalForms: z
    .array(z.string({ error: 'prizes.error.legalFormInvalid' }), { error: 'prizes.error.legalFormInvalid' })
    .optional()
    .transform((v) => [...new Set(v ?? [])])
    .refine((v) => v.every(isLegalForm), { error: 'prizes.error.legalFormInvalid' }),
  minAgeYears: int(0, PRIZE_LIMITS.minAgeMax, 'prizes.error.minAgeInvalid')
    .optional()
    .transform((v) => v ?? 2),
  eligibleDepartements: z
    .array(z.string({ error: 'prizes.error.departementInvalid' }).transform(normaliseDepartement), {
      error: 'prizes.error.departementInvalid',
    })
    .optional()
    .transform((v) => [...new Set((v ?? []).filter(Boolean))])
    .refine((v) => v.every(isDepartement), { error: 'prizes.error.departementInvalid' }),
  publicVoteEnabled: z
    .boolean({ error: 'prizes.error.booleanInvalid' })
    .optional()
    .transform((v) => v ?? false),
  voteOpensAt: optionalInstant(),
  voteClosesAt: optionalInstant(),
}

export type CalendarValues = {
  submissionsOpenAt: Date
  submissionsCloseAt: Date
  juryStartsAt: Date | null
  juryEndsAt: Date | null
  announcementAt: Date | null
  publicVoteEnabled: boolean
  voteOpensAt: Date | null
  voteClosesAt: Date | null
}

/** The calendar's order, as {field: [message keys]}: submissions, then the jury, then the announcement. */
export function calendarErrors(v: CalendarValues): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const add = (field: string, key: string) => (errors[field] ??= []).push(key)
  const t = (d: Date | null) => d?.getTime() ?? null
  if (v.submissionsCloseAt.getTime() <= v.submissionsOpenAt.getTime()) add('submissionsCloseAt', 'prizes.error.closeBeforeOpen')
  const juryStart = t(v.juryStartsAt)
  const juryEnd = t(v.juryEndsAt)
  const announce = t(v.announcementAt)
  if (juryStart !== null && juryStart < v.submissionsCloseAt.getTime()) add('juryStartsAt', 'prizes.error.juryBeforeClose')
  if (juryEnd !== null && juryStart === null) add('juryStartsAt', 'prizes.error.juryStartRequired')
  if (juryEnd !== null && juryStart !== null && juryEnd <= juryStart) add('juryEndsAt', 'prizes.error.juryEndBeforeStart')
  if (announce !== null && announce < v.submissionsCloseAt.getTime()) add('announcementAt', 'prizes.error.announcementBeforeClose')
  else if (announce !== null && juryEnd !== null && announce < juryEnd) add('announcementAt', 'prizes.error.announcementBeforeJury')
  if (v.publicVoteEnabled) {
    if (!v.voteOpensAt) add('voteOpensAt', 'prizes.error.voteDatesRequired')
    if (!v.voteClosesAt) add('voteClosesAt', 'prizes.error.voteDatesRequired')
    if (v.voteOpensAt && v.voteClosesAt && v.voteClosesAt.getTime() <= v.voteOpensAt.getTime())
      add('voteClosesAt', 'prizes.error.voteCloseBeforeOpen')
  }
  return errors
}

function applyCalendar(value: CalendarValues, ctx: z.RefinementCtx) {
  for (const [field, keys] of Object.entries(calendarErrors(value))) {
    for (const message of keys) ctx.addIssue({ code: 'custom', path: [field], message })
  }
}

export const editionInputSchema = z.object(editionFields).superRefine(applyCalendar)
export type EditionInput = z.input<typeof editionInputSchema>
export type EditionValues = z.output<typeof editionInputSchema>

// ---- Categories, criteria, questions ---------------------------------------------------------

export const categoryInputSchema = z
  .object({
    name: z
      .string({ error: 'prizes.error.nameRequired' })
      .trim()
      .min(2, { error: 'prizes.error.nameRequired' })
      .max(PRIZE_LIMITS.shortText, { error: 'prizes.error.tooLong' }),
    description: z
      .string({ error: 'prizes.error.textInvalid' })
      .max(PRIZE_LIMITS.categoryDescription, { error: 'prizes.error.tooLong' })
      .optional()
      .transform((v) => (v ?? '').replace(/\r\n/g, '\n').trim()),
    awards: int(1, PRIZE_LIMITS.awardsMax, 'prizes.error.awardsInvalid'),
    scaleMin: int(0, PRIZE_LIMITS.scaleMax, 'prizes.error.scaleInvalid')
      .optional()
      .transform((v) => v ?? 0),
    scaleMax: int(1, PRIZE_LIMITS.scaleMax, 'prizes.error.scaleInvalid')
      .optional()
      .transform((v) => v ?? 5),
  })
  .superRefine((v, ctx) => {
    if (v.scaleMax <= v.scaleMin) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'prizes.error.scaleOrder' })
  })
export type CategoryInput = z.input<typeof categoryInputSchema>
export type CategoryValues = z.output<typeof categoryInputSchema>

export const criterionInputSchema = z.object({
  name: z
    .string({ error: 'prizes.error.nameRequired' })
    .trim()
    .min(2, { error: 'prizes.error.nameRequired' })
    .max(PRIZE_LIMITS.shortText, { error: 'prizes.error.tooLong' }),
  rubric: z
    .string({ error: 'prizes.error.textInvalid' })
    .max(PRIZE_LIMITS.rubric, { error: 'prizes.error.tooLong' })
    .optional()
    .transform((v) => (v ?? '').replace(/\r\n/g, '\n').trim()),
  weight: int(1, PRIZE_LIMITS.weightMax, 'prizes.error.weightInvalid'),
})
export type CriterionInput = z.input<typeof criterionInputSchema>
export type CriterionValues = z.output<typeof criterionInputSchema>

export const prizeQuestionInputSchema = z
  .object({
    label: z
      .string({ error: 'prizes.error.labelRequired' })
      .trim()
      .min(1, { error: 'prizes.error.labelRequired' })
      .max(PRIZE_LIMITS.shortText, { error: 'prizes.error.tooLong' }),
    help: z
      .string({ error: 'prizes.error.textInvalid' })
      .trim()
      .max(PRIZE_LIMITS.help, { error: 'prizes.error.tooLong' })
      .nullish()
      .transform((v) => v || null),
    type: z.enum(QUESTION_TYPES, { error: 'prizes.error.questionTypeInvalid' }),
    required: z
      .boolean({ error: 'prizes.error.booleanInvalid' })
      .optional()
      .transform((v) => v ?? false),
    options: z
      .array(z.string().trim().max(PRIZE_LIMITS.shortText, { error: 'prizes.error.tooLong' }), { error: 'prizes.error.optionsInvalid' })
      .max(PRIZE_LIMITS.questionOptions, { error: 'prizes.error.optionsInvalid' })
      .optional()
      .transform((o) => [...new Set((o ?? []).filter(Boolean))]),
  })
  .superRefine((v, ctx) => {
    if (CHOICE_QUESTION_TYPES.includes(v.type) && v.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'prizes.error.optionsRequired' })
  })
  .transform((v) => ({ ...v, options: CHOICE_QUESTION_TYPES.includes(v.type) ? v.options : [] }))
export type PrizeQuestionInput = z.input<typeof prizeQuestionInputSchema>
export type PrizeQuestionValues = z.output<typeof prizeQuestionInputSchema>

export const copyInputSchema = z.object({ year: int(PRIZE_LIMITS.yearMin, PRIZE_LIMITS.yearMax, 'prizes.error.yearInvalid') })
export type CopyInput = z.input<typeof copyInputSchema>

// ---- Forms -----------------------------------------------------------------------------------

type FormRecord = Record<string, unknown>
const formString = (r: FormRecord, k: string) => (typeof r[k] === 'string' ? (r[k] as string).trim() : undefined)

/** "12" → 12; "" → `empty`; "abc" stays text and fails the number check with the field's message. */
function formInteger(r: FormRecord, k: string, empty: null | undefined) {
  const v = formString(r, k)
  if (!v) return empty
  return /^-?\d+$/.test(v) ? Number(v) : v
}

const formCheckbox = (r: FormRecord, k: string) => ['on', 'true', '1', 'yes'].includes(formString(r, k) ?? '')

/** datetime-local text in Paris time → Date; text that is not a date stays text and fails as "invalid". */
function formParisDateTime(value: unknown): unknown {
  if (typeof value !== 'string' || !value.trim()) return null
  return parseLocalDateTime(value, DEFAULT_TIME_ZONE) ?? value
}

/** "31, 34 ;09 2A" → ["31", "34", "09", "2A"]. */
export function splitDepartements(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean)
}

/**
 * "31, 34" → ["31", "34"]; "Occitanie" → its thirteen départements. Items are separated by commas
 * or semicolons (region names contain spaces); codes inside one item may also be separated by spaces.
 */
export function expandDepartements(text: string | null | undefined): string[] {
  const out: string[] = []
  for (const item of (text ?? '')
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const region = /\d/.test(item) ? null : findRegion(item)
    if (region) out.push(...region.departements)
    else out.push(...item.split(/\s+/).filter(Boolean))
  }
  return [...new Set(out)]
}

/**
 * The edition form → the input shape. `legalForms` arrives as repeated checkbox values, so the
 * form data parser gives them as an array (or one string); a region's name among the départements
 * stands for its départements.
 */
export function editionFormToInput(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw
  const r = raw as FormRecord
  return {
    title: formString(r, 'title') ?? '',
    year: formInteger(r, 'year', undefined),
    description: typeof r.description === 'string' ? r.description : '',
    rules: typeof r.rules === 'string' ? r.rules : '',
    submissionsOpenAt: formParisDateTime(r.submissionsOpenAt) ?? undefined,
    submissionsCloseAt: formParisDateTime(r.submissionsCloseAt) ?? undefined,
    juryStartsAt: formParisDateTime(r.juryStartsAt),
    juryEndsAt: formParisDateTime(r.juryEndsAt),
    announcementAt: formParisDateTime(r.announcementAt),
    eligibleLegalForms: Array.isArray(r.eligibleLegalForms)
      ? r.eligibleLegalForms
      : (formString(r, 'eligibleLegalForms') ?? '').split(',').filter(Boolean),
    minAgeYears: formInteger(r, 'minAgeYears', undefined),
    eligibleDepartements: Array.isArray(r.eligibleDepartements)
      ? r.eligibleDepartements
      : expandDepartements(formString(r, 'eligibleDepartements')),
    publicVoteEnabled: formCheckbox(r, 'publicVoteEnabled'),
    voteOpensAt: formParisDateTime(r.voteOpensAt),
    voteClosesAt: formParisDateTime(r.voteClosesAt),
  }
}

/** The edition form's fields as the browser sends them (Conform's field names). */
export type EditionFormInput = { [K in keyof typeof editionFields]?: string | string[] }

export const editionFormSchema = z.preprocess(editionFormToInput, editionInputSchema) as unknown as z.ZodType<
  EditionValues,
  EditionFormInput
>

export const categoryFormSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== 'object') return raw
  const r = raw as FormRecord
  return {
    name: formString(r, 'name') ?? '',
    description: typeof r.description === 'string' ? r.description : '',
    awards: formInteger(r, 'awards', undefined),
    scaleMin: formInteger(r, 'scaleMin', undefined),
    scaleMax: formInteger(r, 'scaleMax', undefined),
  }
}, categoryInputSchema) as unknown as z.ZodType<
  CategoryValues,
  { name?: string; description?: string; awards?: string; scaleMin?: string; scaleMax?: string }
>

export const criterionFormSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== 'object') return raw
  const r = raw as FormRecord
  return {
    name: formString(r, 'name') ?? '',
    rubric: typeof r.rubric === 'string' ? r.rubric : '',
    weight: formInteger(r, 'weight', undefined),
  }
}, criterionInputSchema) as unknown as z.ZodType<CriterionValues, { name?: string; rubric?: string; weight?: string }>

/** The question form: choices are typed one per line. */
export const prizeQuestionFormSchema = z.preprocess((raw: QuestionFormFields) => {
  if (!raw || typeof raw !== 'object') return raw
  const r = raw as FormRecord
  // Blank lines are left out here: Conform reads an empty string as a missing one.
  const options = typeof r.options === 'string' ? r.options.split(/\r?\n/).filter((o) => o.trim() !== '') : []
  return {
    label: formString(r, 'label') ?? '',
    help: formString(r, 'help') ?? null,
    type: formString(r, 'type') || undefined,
    required: formCheckbox(r, 'required'),
    options,
  }
}, prizeQuestionInputSchema)

export const copyFormSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== 'object') return raw
  return { year: formInteger(raw as FormRecord, 'year', undefined) }
}, copyInputSchema) as unknown as z.ZodType<z.output<typeof copyInputSchema>, { year?: string }>

/** The edition page's one-button forms: publish and archive (after its confirmation). */
export const editionButtonSchema = z.discriminatedUnion(
  'intent',
  [z.object({ intent: z.literal('publish') }), z.object({ intent: z.literal('archive') })],
  { error: 'prizes.error.unknownAction' },
)

/** The categories page's one-button forms: delete a category or a criterion. */
export const categoryButtonSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('category.delete'), categoryId: z.string({ error: 'prizes.error.unknownAction' }) }),
    z.object({ intent: z.literal('criterion.delete'), criterionId: z.string({ error: 'prizes.error.unknownAction' }) }),
  ],
  { error: 'prizes.error.unknownAction' },
)

// ---- Errors and form values ------------------------------------------------------------------

export { fieldErrorsOf } from '#app/utils/validation.ts'

type EditionForForm = {
  title: string
  year: number
  description: string
  rules: string
  submissionsOpenAt: Date | string
  submissionsCloseAt: Date | string
  juryStartsAt: Date | string | null
  juryEndsAt: Date | string | null
  announcementAt: Date | string | null
  eligibleLegalForms: string | readonly string[]
  minAgeYears: number
  eligibleDepartements: string | readonly string[]
  publicVoteEnabled: boolean
  voteOpensAt: Date | string | null
  voteClosesAt: Date | string | null
}

/** An edition as the strings of its form (datetimes as datetime-local values in Paris time); legal forms comma-joined. */
export function editionToFormValues(e: EditionForForm): Record<string, string> {
  const local = (d: Date | string | null) => (d ? formatLocalDateTime(d, DEFAULT_TIME_ZONE) : '')
  return {
    title: e.title,
    year: String(e.year),
    description: e.description,
    rules: e.rules,
    submissionsOpenAt: local(e.submissionsOpenAt),
    submissionsCloseAt: local(e.submissionsCloseAt),
    juryStartsAt: local(e.juryStartsAt),
    juryEndsAt: local(e.juryEndsAt),
    announcementAt: local(e.announcementAt),
    eligibleLegalForms: stringList(e.eligibleLegalForms).join(','),
    minAgeYears: String(e.minAgeYears),
    eligibleDepartements: stringList(e.eligibleDepartements).join(', '),
    publicVoteEnabled: e.publicVoteEnabled ? 'on' : '',
    voteOpensAt: local(e.voteOpensAt),
    voteClosesAt: local(e.voteClosesAt),
  }
}
