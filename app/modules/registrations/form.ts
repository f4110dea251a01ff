// The registration form's rules, built from one event's questions and programme: used by the
// public form (FormData), the attendee's edit form and the JSON API (plain objects). Shared by
// server and browser, so it imports no server module. Error messages are i18n keys, with
// parameters encoded after a "?" (e.g. "register.error.tooLong?max=100"): see formErrorMessage.
import { z } from 'zod'
import type { Locale, MessageKey } from '#app/utils/i18n.ts'
import { isQuestionType, parseQuestionOptions, type AnswerValue, type FormQuestion } from '#app/shared/questions.ts'
import { isDepartement, normaliseDepartement } from '#app/shared/territories.ts'
import { isProfile, type PROFILES } from '#app/shared/profiles.ts'
import type { RegistrationInput } from './service.server.ts'

export const LIMITS = {
  name: 100,
  organisation: 200,
  email: 254,
  phone: 30,
  needs: 1000,
  shortText: 300,
  longText: 5000,
} as const

export type FormSlot = { id: string; label: string; workshops: { id: string; title: string }[] }
/** What the form needs to know about an event. */
export type FormContext = { questions: FormQuestion[]; slots: FormSlot[] }

/** `full` asks for the fields of a new registration; `edit` is the attendee's later edit (no email, consent, workshops). */
export type FormMode = 'form' | 'api' | 'edit'

export const ERR = {
  required: 'register.error.required',
  email: 'register.error.email',
  phone: 'register.error.phone',
  departement: 'register.error.departement',
  profile: 'register.error.profile',
  consent: 'register.error.consent',
  choice: 'register.error.choice',
  mustCheck: 'register.error.mustCheck',
  type: 'register.error.type',
  unknownQuestion: 'register.error.unknownQuestion',
  invalidWorkshop: 'registration.error.invalidWorkshop',
  onePerSlot: 'registration.error.onePerSlot',
} as const satisfies Record<string, MessageKey>

const tooLong = (max: number) => `register.error.tooLong?max=${max}`

/** Database rows → the form's view of the event. Questions of an unknown type are left out. */
export function formContextOf(event: {
  questions: { id: string; label: string; help?: string | null; type: string; required: boolean; options: string; position?: number }[]
  slots: { id: string; label: string }[]
  workshops: { id: string; slotId: string; title: string; position?: number }[]
}): FormContext {
  const questions = [...event.questions]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .flatMap((q): FormQuestion[] =>
      isQuestionType(q.type)
        ? [{ id: q.id, label: q.label, help: q.help ?? null, type: q.type, required: q.required, options: parseQuestionOptions(q.options) }]
        : [],
    )
  const slots = event.slots.map((s) => ({
    id: s.id,
    label: s.label,
    workshops: event.workshops
      .filter((w) => w.slotId === s.id)
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((w) => ({ id: w.id, title: w.title })),
  }))
  return { questions, slots }
}

// ---- Field schemas ----

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v)

function requiredText(max: number) {
  return z.preprocess(
    emptyToUndefined,
    z
      .string({ error: ERR.required })
      .trim()
      .max(max, { error: tooLong(max) }),
  )
}

function optionalText(max: number) {
  return z.preprocess(
    emptyToUndefined,
    z
      .string({ error: ERR.type })
      .trim()
      .max(max, { error: tooLong(max) })
      .optional()
      .transform((v) => v || null),
  )
}

// Schemas are built in functions, not at module level, so a page importing only LIMITS or
// formErrorMessage does not ship Zod to the browser.
function emailSchema() {
  return z.preprocess(
    emptyToUndefined,
    z
      .string({ error: ERR.required })
      .trim()
      .max(LIMITS.email, { error: ERR.email })
      .pipe(z.email({ error: ERR.email })),
  )
}

const PHONE = /^\+?[0-9 ().-]+$/
function phoneSchema() {
  return z.preprocess(
    emptyToUndefined,
    z
      .string({ error: ERR.phone })
      .trim()
      .max(LIMITS.phone, { error: tooLong(LIMITS.phone) })
      .refine((v) => PHONE.test(v) && v.replace(/\D/g, '').length >= 6, { error: ERR.phone })
      .optional()
      .transform((v) => v || null),
  )
}

// Which codes exist: app/shared/territories.ts.
function departementSchema() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? emptyToUndefined(normaliseDepartement(v)) : emptyToUndefined(v)),
    z
      .string({ error: ERR.departement })
      .refine(isDepartement, { error: ERR.departement })
      .optional()
      .transform((v) => v || null),
  )
}

function profileSchema(required: boolean) {
  const known = z
    .string()
    .refine(isProfile, { error: ERR.profile })
    .transform((v) => v as (typeof PROFILES)[number])
  return z.preprocess(
    emptyToUndefined,
    required
      ? z.string({ error: ERR.required }).pipe(known)
      : z
          .string({ error: ERR.profile })
          .pipe(known)
          .optional()
          .transform((v) => v ?? 'autre'),
  )
}

function consentSchema() {
  return z.preprocess((v) => (v === 'on' || v === 'true' ? true : v), z.literal(true, { error: ERR.consent }))
}

function answerSchema(q: FormQuestion): z.ZodType<AnswerValue | undefined> {
  switch (q.type) {
    case 'short_text':
    case 'long_text': {
      const max = q.type === 'short_text' ? LIMITS.shortText : LIMITS.longText
      return q.required ? requiredText(max) : (optionalText(max).transform((v) => v ?? undefined) as z.ZodType<string | undefined>)
    }
    case 'single_choice': {
      const one = z.string({ error: q.required ? ERR.required : ERR.choice }).refine((v) => q.options.includes(v), { error: ERR.choice })
      return z.preprocess(emptyToUndefined, q.required ? one : one.optional())
    }
    case 'multiple_choice': {
      const many = z
        .array(z.string({ error: ERR.choice }), { error: ERR.choice })
        .transform((values) => [...new Set(values)])
        .refine((values) => values.every((v) => q.options.includes(v)), { error: ERR.choice })
        .refine((values) => !q.required || values.length > 0, { error: ERR.required })
      // A lone value (one ticked box, or an API client sending a string) counts as a list of one.
      return z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v), many)
    }
    case 'checkbox': {
      const box = z.boolean({ error: ERR.type }).refine((v) => !q.required || v, { error: ERR.mustCheck })
      return z.preprocess(
        (v) => (v === 'on' || v === 'true' ? true : v === undefined || v === null || v === '' || v === 'false' ? false : v),
        box,
      )
    }
  }
}

function answersSchema(questions: FormQuestion[]) {
  const shape: Record<string, z.ZodType<AnswerValue | undefined>> = {}
  for (const q of questions) shape[q.id] = answerSchema(q)
  return z.preprocess(
    (v) => (v === undefined || v === null ? {} : v),
    z
      .object(shape, { error: ERR.type })
      // (z.never() here would become one "unrecognized keys" issue on the whole object.)
      .catchall(z.any().refine(() => false, { error: ERR.unknownQuestion }))
      // Unanswered optional questions are left out of the stored answers.
      .transform(
        (answers) => Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Record<string, AnswerValue>,
      ),
  )
}

function workshopsSchema(slots: FormSlot[]) {
  const slotOf = new Map<string, string>()
  for (const s of slots) for (const w of s.workshops) slotOf.set(w.id, s.id)
  return z.preprocess(
    (v) => (v === undefined || v === null ? [] : v),
    z.array(z.string({ error: ERR.invalidWorkshop }), { error: ERR.invalidWorkshop }).transform((ids, ctx) => {
      const unique = [...new Set(ids.map((id) => id.trim()).filter(Boolean))]
      const perSlot = new Map<string, number>()
      for (const id of unique) {
        const slotId = slotOf.get(id)
        if (!slotId) {
          ctx.issues.push({ code: 'custom', message: ERR.invalidWorkshop, path: [], input: id })
          continue
        }
        perSlot.set(slotId, (perSlot.get(slotId) ?? 0) + 1)
      }
      for (const [slotId, n] of perSlot) {
        if (n > 1) ctx.issues.push({ code: 'custom', message: ERR.onePerSlot, path: ['..', 'workshop', slotId], input: ids })
      }
      return unique
    }),
  )
}

/** The Zod schema of the form for one event. The same object shape for every mode (API field names). */
export function registrationSchema(ctx: FormContext, mode: FormMode) {
  const base = {
    firstName: requiredText(LIMITS.name),
    lastName: requiredText(LIMITS.name),
    organisation: requiredText(LIMITS.organisation),
    organisationType: profileSchema(mode !== 'api'),
    departement: departementSchema(),
    phone: phoneSchema(),
    accessibilityNeeds: optionalText(LIMITS.needs),
    dietaryNeeds: optionalText(LIMITS.needs),
    answers: answersSchema(ctx.questions),
  }
  if (mode === 'edit') return z.object(base)
  return z.object({ ...base, email: emailSchema(), consent: consentSchema(), workshops: workshopsSchema(ctx.slots) })
}

export type RegistrationValues = {
  firstName: string
  lastName: string
  email: string
  organisation: string
  organisationType: (typeof PROFILES)[number]
  departement: string | null
  phone: string | null
  accessibilityNeeds: string | null
  dietaryNeeds: string | null
  answers: Record<string, AnswerValue>
  consent: true
  workshops: string[]
}
export type EditValues = Omit<RegistrationValues, 'email' | 'consent' | 'workshops'>

export type FieldErrors = Record<string, string[]>
export type ParseResult<T> = { success: true; value: T } | { success: false; fieldErrors: FieldErrors; formErrors: string[] }

/**
 * Zod issues → errors per field name (`answers.<questionId>`, `workshop.<slotId>`, …).
 * An issue without a field (or on the whole list of workshops) goes to the form-level list.
 */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): { fieldErrors: FieldErrors; formErrors: string[] } {
  const fieldErrors: FieldErrors = {}
  const formErrors: string[] = []
  for (const issue of issues) {
    const path: string[] = []
    // ".." lets a nested check report on a sibling field (workshops → workshop.<slotId>).
    for (const p of issue.path) {
      if (p === '..') path.pop()
      else path.push(String(p))
    }
    const name = path.join('.')
    if (!name) {
      formErrors.push(issue.message)
      continue
    }
    const list = (fieldErrors[name] ??= [])
    if (!list.includes(issue.message)) list.push(issue.message)
  }
  return { fieldErrors, formErrors }
}

function run<T>(schema: z.ZodType, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input)
  if (result.success) return { success: true, value: result.data as T }
  return { success: false, ...issuesToErrors(result.error.issues) }
}

/** The submitted form as plain data, in the schema's shape; also what a failed form re-renders with. */
export type SubmittedFields = {
  firstName?: string
  lastName?: string
  email?: string
  organisation?: string
  organisationType?: string
  departement?: string
  phone?: string
  accessibilityNeeds?: string
  dietaryNeeds?: string
  consent?: boolean
  answers: Record<string, string | string[] | boolean>
  workshops: string[]
}

/** The registration form's plain text fields, in form order. */
export const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'organisation',
  'organisationType',
  'departement',
  'phone',
  'accessibilityNeeds',
  'dietaryNeeds',
] as const

/** FormData (field names: those of the schema, `answers.<questionId>`, `workshop.<slotId>`) → plain data. */
export function formDataToFields(formData: FormData, ctx: FormContext): SubmittedFields {
  const text = (name: string) => {
    const v = formData.get(name)
    return typeof v === 'string' ? v : undefined
  }
  const fields: SubmittedFields = { answers: {}, workshops: [] }
  for (const name of TEXT_FIELDS) {
    const v = text(name)
    if (v !== undefined) fields[name] = v
  }
  fields.consent = text('consent') === 'on' || text('consent') === 'true'
  for (const q of ctx.questions) {
    const name = `answers.${q.id}`
    if (q.type === 'multiple_choice')
      fields.answers[q.id] = formData.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '')
    else if (q.type === 'checkbox') fields.answers[q.id] = text(name) === 'on' || text(name) === 'true'
    else {
      const v = text(name)
      if (v !== undefined) fields.answers[q.id] = v
    }
  }
  for (const s of ctx.slots) {
    for (const v of formData.getAll(`workshop.${s.id}`)) if (typeof v === 'string' && v !== '') fields.workshops.push(v)
  }
  return fields
}

export function parseRegistrationFormData(
  formData: FormData,
  ctx: FormContext,
): ParseResult<RegistrationValues> & { submitted: SubmittedFields } {
  const submitted = formDataToFields(formData, ctx)
  return { ...run<RegistrationValues>(registrationSchema(ctx, 'form'), submitted), submitted }
}

export function parseEditFormData(formData: FormData, ctx: FormContext): ParseResult<EditValues> & { submitted: SubmittedFields } {
  const submitted = formDataToFields(formData, ctx)
  return { ...run<EditValues>(registrationSchema(ctx, 'edit'), submitted), submitted }
}

/**
 * A JSON body with the API's field names: `{firstName, lastName, email, organisation,
 * organisationType?, departement?, phone?, accessibilityNeeds?, dietaryNeeds?, consent, answers?, workshops?}`
 * where `answers` maps question ids to a string, a list of strings or a boolean and `workshops`
 * is a list of workshop ids (at most one per slot). organisationType defaults to "autre".
 */
export function parseRegistrationJson(body: unknown, ctx: FormContext): ParseResult<RegistrationValues> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { success: false, fieldErrors: {}, formErrors: [ERR.type] }
  return run<RegistrationValues>(registrationSchema(ctx, 'api'), body)
}

/** Validates the attendee's edit of their contact fields and answers (plain object, schema shape). */
export function parseEditValues(values: unknown, ctx: FormContext): ParseResult<EditValues> {
  return run<EditValues>(registrationSchema(ctx, 'edit'), values)
}

export function toRegistrationInput(values: RegistrationValues, locale: Locale): RegistrationInput {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    organisationName: values.organisation,
    organisationType: values.organisationType,
    departement: values.departement,
    phone: values.phone,
    accessibilityNeeds: values.accessibilityNeeds,
    dietaryNeeds: values.dietaryNeeds,
    answers: values.answers,
    workshopIds: values.workshops,
    locale,
  }
}

// The ticket and payment fields (events with ticket types), as submitted; the payments module checks them
// (app/modules/payments/registration-fields.ts).
export type PaymentFields = { ticketTypeId: string; paymentMethod: string; purchaseOrderNumber: string }

/** The raw ticket and payment fields of a form submission or an API body. */
export function paymentFieldsOf(source: FormData | Record<string, unknown>): PaymentFields {
  const get = (name: string) => {
    const v = source instanceof FormData ? source.get(name) : source[name]
    return typeof v === 'string' ? v.trim() : ''
  }
  return { ticketTypeId: get('ticketTypeId'), paymentMethod: get('paymentMethod'), purchaseOrderNumber: get('purchaseOrderNumber') }
}
