// The nomination form's rules, shared by server and browser (no server import): one Zod schema
// per field, so a draft can be saved field by field (what parses is kept, the rest reported)
// and the full submission checks everything at once. Error messages are i18n keys, with
// parameters after a "?" (e.g. "nomination.error.tooLong?max=200"): see formErrorMessage.
import { z } from 'zod'
import { isQuestionType, parseQuestionOptions, type AnswerValue, type FormQuestion } from '#app/shared/questions.ts'
import { isLegalForm, isValidSiret, normaliseSiret, type LegalForm } from '#app/modules/prizes/rules.ts'
import { isDepartement, normaliseDepartement } from '#app/shared/territories.ts'
import type { MessageKey } from '#app/utils/i18n.ts'
import { MAX_REASON_LENGTH } from './statuses.ts'

export const NOMINATION_LIMITS = {
  structureName: 200,
  address: 300,
  town: 100,
  personName: 100,
  phone: 30,
  projectTitle: 200,
  projectDescription: 5000,
  impact: 5000,
  shortText: 300,
  longText: 5000,
  /** Head count ceiling: beyond it the number is a typo. */
  people: 1_000_000,
  /** €1 billion, in euros. */
  budgetEuros: 1_000_000_000,
} as const

export const ERR = {
  required: 'nomination.error.required',
  siret: 'nomination.error.siret',
  legalForm: 'nomination.error.legalForm',
  date: 'nomination.error.date',
  futureDate: 'nomination.error.futureDate',
  postalCode: 'nomination.error.postalCode',
  departement: 'nomination.error.departement',
  count: 'nomination.error.count',
  phone: 'nomination.error.phone',
  category: 'nomination.error.category',
  budget: 'nomination.error.budget',
  choice: 'nomination.error.choice',
  mustCheck: 'nomination.error.mustCheck',
  type: 'nomination.error.type',
} as const satisfies Record<string, MessageKey>

const tooLong = (max: number) => `nomination.error.tooLong?max=${max}`

export type NominationCategory = { id: string; name: string; description: string }
/** What the form needs to know about an edition. */
export type NominationContext = { categories: NominationCategory[]; questions: FormQuestion[] }

/** Database rows → the form's view of the edition. Questions of an unknown type are left out. */
export function nominationContextOf(edition: {
  categories: { id: string; name: string; description?: string | null; position?: number }[]
  questions: { id: string; label: string; help?: string | null; type: string; required: boolean; options: string; position?: number }[]
}): NominationContext {
  const categories = [...edition.categories]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((c) => ({ id: c.id, name: c.name, description: c.description ?? '' }))
  const questions = [...edition.questions]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .flatMap((q): FormQuestion[] =>
      isQuestionType(q.type)
        ? [{ id: q.id, label: q.label, help: q.help ?? null, type: q.type, required: q.required, options: parseQuestionOptions(q.options) }]
        : [],
    )
  return { categories, questions }
}

// ---- Steps -----------------------------------------------------------------------------------

export const STEPS = [1, 2, 3, 4, 5] as const
export type Step = (typeof STEPS)[number]
export const LAST_STEP: Step = 5

export function stepOf(value: unknown): Step {
  const n = Number(value)
  return (STEPS as readonly number[]).includes(n) ? (n as Step) : 1
}

/** The form's field names (the database columns, except `budget` in euros for `budgetCents`). */
export const STRUCTURE_FIELDS = [
  'structureName',
  'siret',
  'legalForm',
  'creationDate',
  'address',
  'postalCode',
  'town',
  'departement',
  'employees',
  'volunteers',
] as const
export const CONTACT_FIELDS = ['contactFirstName', 'contactLastName', 'contactPhone'] as const
export const PROJECT_FIELDS = ['categoryId', 'projectTitle', 'projectDescription', 'impact', 'budget'] as const
export const TEXT_FIELDS = [...STRUCTURE_FIELDS, ...CONTACT_FIELDS, ...PROJECT_FIELDS] as const
export type TextField = (typeof TEXT_FIELDS)[number]

export const STEP_FIELDS: Record<Step, readonly string[]> = {
  1: STRUCTURE_FIELDS,
  2: CONTACT_FIELDS,
  3: PROJECT_FIELDS,
  4: ['answers'],
  5: [],
}

/** Fields that must be filled in to submit (besides required questions). */
export const REQUIRED_FIELDS: readonly TextField[] = [
  'structureName',
  'siret',
  'legalForm',
  'creationDate',
  'address',
  'postalCode',
  'town',
  'departement',
  'contactFirstName',
  'contactLastName',
  'categoryId',
  'projectTitle',
  'projectDescription',
  'impact',
]

/** The form as typed: text per field, answers per question id. Absent keys were not on the page. */
export type NominationFields = Partial<Record<TextField, string>> & { answers?: Record<string, AnswerValue> }

/** The values as stored (database shape). */
export type NominationValues = {
  structureName: string
  siret: string | null
  legalForm: LegalForm | null
  creationDate: Date | null
  address: string | null
  postalCode: string | null
  town: string | null
  departement: string | null
  employees: number | null
  volunteers: number | null
  contactFirstName: string
  contactLastName: string
  contactPhone: string | null
  categoryId: string | null
  projectTitle: string
  projectDescription: string
  impact: string
  budgetCents: number | null
  answers: Record<string, AnswerValue>
}

/** The column each field is stored in. */
export const COLUMN_OF: Record<TextField, Exclude<keyof NominationValues, 'answers'>> = {
  structureName: 'structureName',
  siret: 'siret',
  legalForm: 'legalForm',
  creationDate: 'creationDate',
  address: 'address',
  postalCode: 'postalCode',
  town: 'town',
  departement: 'departement',
  employees: 'employees',
  volunteers: 'volunteers',
  contactFirstName: 'contactFirstName',
  contactLastName: 'contactLastName',
  contactPhone: 'contactPhone',
  categoryId: 'categoryId',
  projectTitle: 'projectTitle',
  projectDescription: 'projectDescription',
  impact: 'impact',
  budget: 'budgetCents',
}

// ---- Field schemas ---------------------------------------------------------------------------
// Each accepts "" (→ null: not answered yet); whether a field is required is checked on submission.

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v)

function text(max: number) {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: ERR.type })
      .trim()
      .max(max, { error: tooLong(max) })
      .nullable(),
  )
}

function siretSchema() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? blankToNull(normaliseSiret(v)) : blankToNull(v)),
    z
      .string({ error: ERR.siret })
      .refine((v) => isValidSiret(v), { error: ERR.siret })
      .nullable(),
  )
}

function legalFormSchema() {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: ERR.legalForm })
      .refine(isLegalForm, { error: ERR.legalForm })
      .transform((v) => v as LegalForm)
      .nullable(),
  )
}

/** "YYYY-MM-DD" (what a date input sends) → midnight UTC of that day; not before 1800 nor in the future. */
export function parseIsoDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim())
  if (!m) return null
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  // Rejects 2023-02-30 and the like, which Date silently rolls over.
  if (date.toISOString().slice(0, 10) !== value.trim()) return null
  return date
}

function dateSchema(now: () => Date) {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: ERR.date })
      .transform((v, ctx) => {
        const date = parseIsoDate(v)
        if (!date || date.getUTCFullYear() < 1800) {
          ctx.issues.push({ code: 'custom', message: ERR.date, input: v })
          return z.NEVER
        }
        if (date.getTime() > now().getTime()) {
          ctx.issues.push({ code: 'custom', message: ERR.futureDate, input: v })
          return z.NEVER
        }
        return date
      })
      .nullable(),
  )
}

function postalCodeSchema() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? blankToNull(v.replace(/\s/g, '')) : blankToNull(v)),
    z
      .string({ error: ERR.postalCode })
      .regex(/^\d{5}$/, { error: ERR.postalCode })
      .nullable(),
  )
}

function departementSchema() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? blankToNull(normaliseDepartement(v)) : blankToNull(v)),
    z.string({ error: ERR.departement }).refine(isDepartement, { error: ERR.departement }).nullable(),
  )
}

function countSchema() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? blankToNull(v.replace(/[\s\u00a0\u202f]/g, '')) : blankToNull(v)),
    z
      .string({ error: ERR.count })
      .regex(/^\d+$/, { error: ERR.count })
      .transform(Number)
      .refine((n) => n <= NOMINATION_LIMITS.people, { error: ERR.count })
      .nullable(),
  )
}

const PHONE = /^\+?[0-9 ().-]+$/
function phoneSchema() {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: ERR.phone })
      .trim()
      .max(NOMINATION_LIMITS.phone, { error: tooLong(NOMINATION_LIMITS.phone) })
      .refine((v) => PHONE.test(v) && v.replace(/\D/g, '').length >= 6, { error: ERR.phone })
      .nullable(),
  )
}

function categorySchema(ctx: NominationContext) {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: ERR.category })
      .refine((v) => ctx.categories.some((c) => c.id === v), { error: ERR.category })
      .nullable(),
  )
}

/** Euros as people type them ("12 500", "12500,50", "12.500,50 €") → integer cents. */
export function parseEurosToCents(input: string): number | null {
  let v = input.replace(/[\s\u00a0\u202f€]/g, '').replace(/eur(os?)?$/i, '')
  if (!v) return null
  // "12.500,50": dots are thousands separators when a comma gives the decimals.
  if (v.includes(',')) v = v.replace(/\./g, '').replace(',', '.')
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return null
  const [units, decimals = ''] = v.split('.') as [string, string?]
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'))
}

function budgetSchema() {
  return z.preprocess(
    blankToNull,
    z
      .string({ error: ERR.budget })
      .transform((v, ctx) => {
        const cents = parseEurosToCents(v)
        if (cents === null || cents > NOMINATION_LIMITS.budgetEuros * 100) {
          ctx.issues.push({ code: 'custom', message: ERR.budget, input: v })
          return z.NEVER
        }
        return cents
      })
      .nullable(),
  )
}

/** One schema per field; `now` bounds the creation date. */
export function fieldSchemas(ctx: NominationContext, now: () => Date = () => new Date()): Record<TextField, z.ZodType> {
  const L = NOMINATION_LIMITS
  return {
    structureName: text(L.structureName),
    siret: siretSchema(),
    legalForm: legalFormSchema(),
    creationDate: dateSchema(now),
    address: text(L.address),
    postalCode: postalCodeSchema(),
    town: text(L.town),
    departement: departementSchema(),
    employees: countSchema(),
    volunteers: countSchema(),
    contactFirstName: text(L.personName),
    contactLastName: text(L.personName),
    contactPhone: phoneSchema(),
    categoryId: categorySchema(ctx),
    projectTitle: text(L.projectTitle),
    projectDescription: text(L.projectDescription),
    impact: text(L.impact),
    budget: budgetSchema(),
  }
}

function answerSchema(q: FormQuestion): z.ZodType<AnswerValue | null> {
  switch (q.type) {
    case 'short_text':
    case 'long_text':
      return text(q.type === 'short_text' ? NOMINATION_LIMITS.shortText : NOMINATION_LIMITS.longText)
    case 'single_choice':
      return z.preprocess(
        blankToNull,
        z
          .string({ error: ERR.choice })
          .refine((v) => q.options.includes(v), { error: ERR.choice })
          .nullable(),
      )
    case 'multiple_choice':
      return z.preprocess(
        (v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v),
        z
          .array(z.string({ error: ERR.choice }), { error: ERR.choice })
          .transform((values) => [...new Set(values)])
          .refine((values) => values.every((v) => q.options.includes(v)), { error: ERR.choice }),
      )
    case 'checkbox':
      return z.preprocess(
        (v) => (v === 'on' || v === 'true' ? true : v === undefined || v === null || v === '' || v === 'false' ? false : v),
        z.boolean({ error: ERR.type }),
      )
  }
}

const isEmptyAnswer = (v: AnswerValue | null | undefined) =>
  v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)

// ---- Drafts ----------------------------------------------------------------------------------

export type FieldErrors = Record<string, string[]>
export type DraftResult = { values: Partial<NominationValues>; fieldErrors: FieldErrors }

/**
 * A draft, field by field: every field that parses is in `values` (a blank one as null/""),
 * every other one has its errors in `fieldErrors` and is left out, so it never overwrites what
 * was saved before. Answers to unknown questions are ignored.
 */
export function parseDraft(fields: NominationFields, ctx: NominationContext, now: () => Date = () => new Date()): DraftResult {
  const schemas = fieldSchemas(ctx, now)
  const values: Partial<Record<keyof NominationValues, unknown>> = {}
  const fieldErrors: FieldErrors = {}
  for (const name of TEXT_FIELDS) {
    if (!(name in fields)) continue
    const result = schemas[name].safeParse(fields[name])
    if (!result.success) {
      fieldErrors[name] = [...new Set(result.error.issues.map((i) => i.message))]
      continue
    }
    const column = COLUMN_OF[name]
    // Text columns that are not nullable store "" for a blank answer.
    values[column] = result.data === null && NOT_NULL_TEXT.has(column) ? '' : result.data
  }
  if (fields.answers) {
    const answers: Record<string, AnswerValue> = {}
    for (const q of ctx.questions) {
      if (!(q.id in fields.answers)) continue
      const result = answerSchema(q).safeParse(fields.answers[q.id])
      if (!result.success) fieldErrors[`answers.${q.id}`] = [...new Set(result.error.issues.map((i) => i.message))]
      else if (result.data !== null) answers[q.id] = result.data
      else answers[q.id] = ''
    }
    values.answers = answers
  }
  return { values: values as Partial<NominationValues>, fieldErrors }
}

const NOT_NULL_TEXT = new Set<string>([
  'structureName',
  'contactFirstName',
  'contactLastName',
  'projectTitle',
  'projectDescription',
  'impact',
])

// ---- Submission ------------------------------------------------------------------------------

export type SubmissionResult = { success: true; value: NominationValues } | { success: false; fieldErrors: FieldErrors }

/** The full submission: every field valid, every required field and required question answered. */
export function submissionSchema(ctx: NominationContext, now: () => Date = () => new Date()) {
  const schemas = fieldSchemas(ctx, now)
  const required = new Set<string>(REQUIRED_FIELDS)
  const shape: Record<string, z.ZodType> = {}
  for (const name of TEXT_FIELDS) {
    shape[name] = required.has(name) ? schemas[name].refine((v) => v !== null, { error: ERR.required }) : schemas[name]
  }
  const answerShape: Record<string, z.ZodType> = {}
  for (const q of ctx.questions) {
    const one = answerSchema(q)
    answerShape[q.id] = q.required
      ? one.refine((v) => !isEmptyAnswer(v), { error: q.type === 'checkbox' ? ERR.mustCheck : ERR.required })
      : one
  }
  shape.answers = z.preprocess((v) => v ?? {}, z.object(answerShape))
  return z.object(shape)
}

export function parseSubmission(fields: NominationFields, ctx: NominationContext, now: () => Date = () => new Date()): SubmissionResult {
  const result = submissionSchema(ctx, now).safeParse(fields)
  if (!result.success) {
    const fieldErrors: FieldErrors = {}
    for (const issue of result.error.issues) {
      const name = issue.path.map(String).join('.') || 'form'
      const list = (fieldErrors[name] ??= [])
      if (!list.includes(issue.message)) list.push(issue.message)
    }
    return { success: false, fieldErrors }
  }
  const data = result.data as Record<TextField, unknown> & { answers: Record<string, AnswerValue | null> }
  const value: Record<string, unknown> = {}
  for (const name of TEXT_FIELDS) {
    const column = COLUMN_OF[name]
    value[column] = data[name] === null && NOT_NULL_TEXT.has(column) ? '' : data[name]
  }
  value.answers = Object.fromEntries(Object.entries(data.answers).filter(([, v]) => !isEmptyAnswer(v)))
  return { success: true, value: value as NominationValues }
}

// ---- Conversions -----------------------------------------------------------------------------

const centsToEuros = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ','))

/** Stored values → the form's text (what the inputs show, and what submission re-checks). */
export function valuesToFields(
  v: Omit<NominationValues, 'legalForm'> & { legalForm: string | null },
): Required<Omit<NominationFields, 'answers'>> & { answers: Record<string, AnswerValue> } {
  return {
    structureName: v.structureName,
    siret: v.siret ?? '',
    legalForm: v.legalForm ?? '',
    creationDate: v.creationDate ? v.creationDate.toISOString().slice(0, 10) : '',
    address: v.address ?? '',
    postalCode: v.postalCode ?? '',
    town: v.town ?? '',
    departement: v.departement ?? '',
    employees: v.employees === null ? '' : String(v.employees),
    volunteers: v.volunteers === null ? '' : String(v.volunteers),
    contactFirstName: v.contactFirstName,
    contactLastName: v.contactLastName,
    contactPhone: v.contactPhone ?? '',
    categoryId: v.categoryId ?? '',
    projectTitle: v.projectTitle,
    projectDescription: v.projectDescription,
    impact: v.impact,
    budget: v.budgetCents === null ? '' : centsToEuros(v.budgetCents),
    answers: v.answers,
  }
}

/**
 * FormData → the fields it holds. Only the fields present on the page are returned, so saving
 * one step leaves the others alone. Answers are read when the page says it shows them
 * (`answersPresent`), since an unticked box sends nothing.
 */
export function formDataToFields(formData: FormData, ctx: NominationContext): NominationFields {
  const fields: NominationFields = {}
  for (const name of TEXT_FIELDS) {
    const v = formData.get(name)
    if (typeof v === 'string') fields[name] = v
  }
  if (formData.get('answersPresent') === '1') {
    const answers: Record<string, AnswerValue> = {}
    for (const q of ctx.questions) {
      const name = `answers.${q.id}`
      if (q.type === 'multiple_choice') answers[q.id] = formData.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '')
      else if (q.type === 'checkbox') answers[q.id] = formData.get(name) === 'on' || formData.get(name) === 'true'
      else {
        const v = formData.get(name)
        answers[q.id] = typeof v === 'string' ? v : ''
      }
    }
    fields.answers = answers
  }
  return fields
}

/** "Candidater": the email address that receives the private link to the form. */
export const startNominationFormSchema = z.object({
  email: z
    .string({ error: 'nomination.error.email' })
    .trim()
    .max(254, { error: 'nomination.error.email' })
    .pipe(z.email({ error: 'nomination.error.email' })),
})

/** The review page's one-button forms: confirm eligible, shortlist, take off the shortlist. */
export const reviewButtonSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('confirmEligible') }),
    z.object({ intent: z.literal('shortlist') }),
    z.object({ intent: z.literal('unshortlist') }),
  ],
  { error: 'prizeReview.error.unknownIntent' },
)

/** Declaring a nomination ineligible: the reason, emailed to the contact (the service checks it again). */
export const declareIneligibleFormSchema = z.object({
  intent: z.literal('declareIneligible'),
  reason: z
    .string({ error: 'prizeReview.error.reasonRequired' })
    .trim()
    .min(1, { error: 'prizeReview.error.reasonRequired' })
    .max(MAX_REASON_LENGTH, { error: 'prizeReview.error.reasonTooLong' }),
})
