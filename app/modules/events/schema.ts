// Event schemas shared by the organiser forms, the service and the JSON API.
// - `eventInputSchema`: the API shape (ISO 8601 datetimes with an offset, JSON numbers/booleans,
//   `waitlist` and `published` booleans). The service validates with it too.
// - `eventFormSchema`: the same rules for a submitted form: strings, datetime-local values read in
//   the event's time zone (Europe/Paris unless chosen otherwise), empty fields meaning "none".
// Error messages are i18n keys (`events.error.*`), translated where they are shown.
import { z } from 'zod'
import { DEFAULT_TIME_ZONE, formatLocalDateTime, isValidTimeZone, parseLocalDateTime } from '#app/shared/time.ts'
import { isDepartement, normaliseDepartement } from '#app/shared/territories.ts'
import { CHOICE_QUESTION_TYPES, QUESTION_TYPES, type QuestionFormFields } from '#app/shared/questions.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

export const EVENT_KINDS = ['conference', 'yess_academie', 'training', 'other'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'archived'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]
export const EVENT_VISIBILITIES = ['public', 'unlisted', 'invitation'] as const
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number]

/** Zones offered by the form: metropolitan France first, then the overseas regions and territories. */
export const EVENT_TIME_ZONES = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'America/Miquelon',
  'Pacific/Noumea',
  'Pacific/Tahiti',
] as const

export const LIMITS = {
  title: 200,
  description: 20_000,
  shortText: 200,
  url: 2_000,
  capacity: 100_000,
  offerHoursMax: 24 * 30,
  reminderDaysMax: 60,
  durationDays: 31,
  questionOptions: 50,
  optionLength: 200,
  help: 500,
} as const

const DAY_MS = 24 * 60 * 60 * 1000
const ISO_WITH_OFFSET = z.iso.datetime({ offset: true })

/** A Date, or an ISO 8601 datetime with "Z" or an offset. */
function instant(opts: { required: boolean }) {
  return z.unknown().transform((value, ctx): Date | null => {
    if (value === undefined || value === null || value === '') {
      if (!opts.required) return null
      ctx.issues.push({ code: 'custom', message: 'events.error.dateRequired', input: value })
      return z.NEVER
    }
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value
    if (typeof value === 'string' && ISO_WITH_OFFSET.safeParse(value).success) return new Date(value)
    ctx.issues.push({ code: 'custom', message: 'events.error.dateInvalid', input: value })
    return z.NEVER
  })
}
const requiredInstant = () => instant({ required: true }).transform((d) => d as Date)

/** Optional text: missing leaves it unchanged (undefined), empty clears it (null). */
function optionalText(max: number) {
  return z
    .string({ error: 'events.error.textInvalid' })
    .trim()
    .max(max, { error: 'events.error.tooLong' })
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null))
}

/** An absolute http(s) URL with a real host name (a visio link, a web page). */
export function isHttpUrl(v: string) {
  if (/\s/.test(v)) return false
  try {
    const u = new URL(v)
    return (u.protocol === 'http:' || u.protocol === 'https:') && (u.hostname.includes('.') || u.hostname === 'localhost')
  } catch {
    return false
  }
}

const eventFields = {
  title: z
    .string({ error: 'events.error.titleRequired' })
    .trim()
    .min(3, { error: 'events.error.titleRequired' })
    .max(LIMITS.title, { error: 'events.error.titleTooLong' }),
  kind: z.enum(EVENT_KINDS, { error: 'events.error.kindInvalid' }),
  description: z
    .string({ error: 'events.error.textInvalid' })
    .max(LIMITS.description, { error: 'events.error.descriptionTooLong' })
    .nullish()
    .transform((v) => (v === undefined ? undefined : (v ?? '').replace(/\r\n/g, '\n').trim())),
  startsAt: requiredInstant(),
  endsAt: requiredInstant(),
  timeZone: z
    .string({ error: 'events.error.timeZoneInvalid' })
    .refine(isValidTimeZone, { error: 'events.error.timeZoneInvalid' })
    .optional(),
  venueName: optionalText(LIMITS.shortText),
  address: optionalText(LIMITS.shortText),
  town: optionalText(LIMITS.shortText),
  departement: z
    .string({ error: 'events.error.departementInvalid' })
    .nullish()
    .transform((v) => (v === undefined ? undefined : normaliseDepartement(v) || null))
    .refine((v) => v == null || isDepartement(v), { error: 'events.error.departementInvalid' }),
  onlineUrl: z
    .string({ error: 'events.error.onlineUrlInvalid' })
    .trim()
    .max(LIMITS.url, { error: 'events.error.tooLong' })
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null))
    .refine((v) => v == null || isHttpUrl(v), { error: 'events.error.onlineUrlInvalid' }),
  /** Null: no limit. */
  capacity: z
    .number({ error: 'events.error.capacityInvalid' })
    .int({ error: 'events.error.capacityInvalid' })
    .min(1, { error: 'events.error.capacityInvalid' })
    .max(LIMITS.capacity, { error: 'events.error.capacityInvalid' })
    .nullish(),
  waitlist: z.boolean({ error: 'events.error.booleanInvalid' }).optional(),
  /** Admission: registrations are applications the organisers decide on. */
  requiresApplication: z.boolean({ error: 'events.error.booleanInvalid' }).optional(),
  offerHours: z
    .number({ error: 'events.error.offerHoursInvalid' })
    .int({ error: 'events.error.offerHoursInvalid' })
    .min(1, { error: 'events.error.offerHoursInvalid' })
    .max(LIMITS.offerHoursMax, { error: 'events.error.offerHoursInvalid' })
    .optional(),
  registrationOpensAt: instant({ required: false }).optional(),
  registrationClosesAt: instant({ required: false }).optional(),
  visibility: z.enum(EVENT_VISIBILITIES, { error: 'events.error.visibilityInvalid' }).optional(),
  reminderDaysBefore: z
    .number({ error: 'events.error.reminderDaysInvalid' })
    .int({ error: 'events.error.reminderDaysInvalid' })
    .min(0, { error: 'events.error.reminderDaysInvalid' })
    .max(LIMITS.reminderDaysMax, { error: 'events.error.reminderDaysInvalid' })
    .optional(),
  contactEmail: z
    .string({ error: 'events.error.emailInvalid' })
    .nullish()
    .transform((v) => (v === undefined ? undefined : normaliseEmail(v ?? '') || null))
    .refine((v) => v == null || (v.length <= 254 && z.email().safeParse(v).success), { error: 'events.error.emailInvalid' }),
}

export type EventRuleValues = {
  startsAt: Date
  endsAt: Date
  registrationOpensAt?: Date | null
  registrationClosesAt?: Date | null
}

/** Rules across fields, as {field: [message keys]}; shared by the schemas and the service's updates. */
export function eventRuleErrors(v: EventRuleValues): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const add = (field: string, key: string) => (errors[field] ??= []).push(key)
  if (v.endsAt.getTime() <= v.startsAt.getTime()) add('endsAt', 'events.error.endBeforeStart')
  else if (v.endsAt.getTime() - v.startsAt.getTime() > LIMITS.durationDays * DAY_MS) add('endsAt', 'events.error.durationTooLong')
  const opens = v.registrationOpensAt ?? null
  const closes = v.registrationClosesAt ?? null
  if (opens && closes && closes.getTime() <= opens.getTime()) add('registrationClosesAt', 'events.error.windowOrder')
  if (closes && closes.getTime() > v.endsAt.getTime()) add('registrationClosesAt', 'events.error.closesAfterEnd')
  if (opens && opens.getTime() >= v.endsAt.getTime()) add('registrationOpensAt', 'events.error.opensAfterEnd')
  return errors
}

function applyRules(value: EventRuleValues, ctx: z.RefinementCtx) {
  for (const [field, keys] of Object.entries(eventRuleErrors(value))) {
    for (const message of keys) ctx.addIssue({ code: 'custom', path: [field], message })
  }
}

/** The API's body (and the service's input): {title, kind, startsAt, endsAt, capacity, waitlist, published, …}. */
export const eventInputSchema = z
  .object({ ...eventFields, published: z.boolean({ error: 'events.error.booleanInvalid' }).optional() })
  .superRefine(applyRules)
export type EventInput = z.input<typeof eventInputSchema>
export type EventValues = z.output<typeof eventInputSchema>

/** A partial change of an event (any subset of the fields); cross-field rules are checked on the merged result. */
export const eventPatchSchema = z.object(eventFields).partial()
export type EventPatch = z.input<typeof eventPatchSchema>
export type EventPatchValues = z.output<typeof eventPatchSchema>

type FormRecord = Record<string, unknown>

const formString = (r: FormRecord, k: string) => (typeof r[k] === 'string' ? (r[k] as string).trim() : undefined)

/** "12" → 12; "" → empty; "abc" stays a string and fails the number check with the field's message. */
function formInteger(r: FormRecord, k: string, empty: null | undefined) {
  const v = formString(r, k)
  if (!v) return empty
  return /^-?\d+$/.test(v) ? Number(v) : v
}

export function formCheckbox(r: FormRecord, k: string) {
  return ['on', 'true', '1', 'yes'].includes(formString(r, k) ?? '')
}

/** datetime-local text in `timeZone` → Date; text that is not a date stays text and fails as "invalid". */
export function formLocalDateTime(value: unknown, timeZone: string): unknown {
  if (typeof value !== 'string' || !value.trim()) return null
  return (isValidTimeZone(timeZone) && parseLocalDateTime(value, timeZone)) || value
}

/** A submitted event form (Object.fromEntries of its FormData) → the API shape. */
export function eventFormToInput(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw
  const r = raw as FormRecord
  const timeZone = formString(r, 'timeZone') || DEFAULT_TIME_ZONE
  // Empty text is null ("none"), never "": Conform's coercion would read "" as a missing field.
  return {
    title: formString(r, 'title') || undefined,
    kind: formString(r, 'kind') || undefined,
    description: typeof r.description === 'string' && r.description ? r.description : null,
    startsAt: formLocalDateTime(r.startsAt, timeZone) ?? undefined,
    endsAt: formLocalDateTime(r.endsAt, timeZone) ?? undefined,
    timeZone,
    venueName: formString(r, 'venueName') || null,
    address: formString(r, 'address') || null,
    town: formString(r, 'town') || null,
    departement: formString(r, 'departement') || null,
    onlineUrl: formString(r, 'onlineUrl') || null,
    capacity: formInteger(r, 'capacity', null),
    waitlist: formCheckbox(r, 'waitlist'),
    requiresApplication: formCheckbox(r, 'requiresApplication'),
    offerHours: formInteger(r, 'offerHours', undefined),
    registrationOpensAt: formLocalDateTime(r.registrationOpensAt, timeZone),
    registrationClosesAt: formLocalDateTime(r.registrationClosesAt, timeZone),
    visibility: formString(r, 'visibility') || undefined,
    reminderDaysBefore: formInteger(r, 'reminderDaysBefore', undefined),
    contactEmail: formString(r, 'contactEmail') || null,
  }
}

/** The organiser's event form (new and edit): datetime-local values in the chosen zone, Europe/Paris by default. */
export const eventFormSchema = z.preprocess((raw: Record<string, unknown>) => eventFormToInput(raw), eventInputSchema)

// ---- Lifecycle: publish, cancel (with a message to the registrants), archive ----------------

export const LIFECYCLE_MESSAGE_MAX = 2_000

/** The dashboard's confirmation forms, one per intent. */
export const lifecycleFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish') }),
  z.object({
    intent: z.literal('cancel'),
    message: z
      .string({ error: 'events.error.textInvalid' })
      .trim()
      .max(LIFECYCLE_MESSAGE_MAX, { error: 'events.error.tooLong' })
      .optional(),
  }),
  z.object({ intent: z.literal('archive') }),
])

// ---- Programme: time slots and workshops --------------------------------------------------

const slotFields = {
  label: z
    .string({ error: 'events.error.labelRequired' })
    .trim()
    .min(1, { error: 'events.error.labelRequired' })
    .max(LIMITS.shortText, { error: 'events.error.tooLong' }),
  startsAt: requiredInstant(),
  endsAt: requiredInstant(),
}

export const slotInputSchema = z.object(slotFields).superRefine((v, ctx) => {
  if (v.endsAt.getTime() <= v.startsAt.getTime()) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'events.error.endBeforeStart' })
})
export type SlotInput = z.input<typeof slotInputSchema>
export type SlotValues = z.output<typeof slotInputSchema>

/** The slot form: datetime-local values in the event's time zone. */
export type SlotFormFields = { label?: string; startsAt?: string; endsAt?: string }
export function slotFormSchema(timeZone: string) {
  return z.preprocess((raw: SlotFormFields) => {
    if (!raw || typeof raw !== 'object') return raw
    const r = raw as FormRecord
    return {
      label: formString(r, 'label') ?? '',
      startsAt: formLocalDateTime(r.startsAt, timeZone) ?? undefined,
      endsAt: formLocalDateTime(r.endsAt, timeZone) ?? undefined,
    }
  }, slotInputSchema)
}

export const workshopInputSchema = z.object({
  slotId: z.string({ error: 'events.error.slotRequired' }).min(1, { error: 'events.error.slotRequired' }),
  title: z
    .string({ error: 'events.error.titleRequired' })
    .trim()
    .min(2, { error: 'events.error.titleRequired' })
    .max(LIMITS.title, { error: 'events.error.titleTooLong' }),
  description: z.string({ error: 'events.error.textInvalid' }).trim().max(2_000, { error: 'events.error.tooLong' }).optional(),
  room: optionalText(LIMITS.shortText),
  capacity: eventFields.capacity,
})
export type WorkshopInput = z.input<typeof workshopInputSchema>
export type WorkshopValues = z.output<typeof workshopInputSchema>

export type WorkshopFormFields = { slotId?: string; title?: string; description?: string; room?: string; capacity?: string }
export const workshopFormSchema = z.preprocess((raw: WorkshopFormFields) => {
  if (!raw || typeof raw !== 'object') return raw
  const r = raw as FormRecord
  return {
    slotId: formString(r, 'slotId') ?? '',
    title: formString(r, 'title') ?? '',
    description: typeof r.description === 'string' ? r.description : '',
    room: formString(r, 'room') ?? null,
    capacity: formInteger(r, 'capacity', null),
  }
}, workshopInputSchema)

/** The programme's one-button forms: delete a slot, delete or move a workshop. */
export const programmeButtonSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('slot.delete'), slotId: z.string({ error: 'events.error.slotRequired' }) }),
  z.object({ intent: z.literal('workshop.delete'), workshopId: z.string({ error: 'events.error.unknownAction' }) }),
  z.object({
    intent: z.literal('workshop.move'),
    workshopId: z.string({ error: 'events.error.unknownAction' }),
    direction: z.enum(['up', 'down'], { error: 'events.error.unknownAction' }),
  }),
])

// ---- Registration questions ----------------------------------------------------------------

export const questionInputSchema = z
  .object({
    label: z
      .string({ error: 'events.error.labelRequired' })
      .trim()
      .min(1, { error: 'events.error.labelRequired' })
      .max(LIMITS.shortText, { error: 'events.error.tooLong' }),
    help: optionalText(LIMITS.help),
    type: z.enum(QUESTION_TYPES, { error: 'events.error.questionTypeInvalid' }),
    required: z.boolean({ error: 'events.error.booleanInvalid' }).optional(),
    options: z
      .array(z.string().trim().max(LIMITS.optionLength, { error: 'events.error.optionTooLong' }), { error: 'events.error.optionsInvalid' })
      .max(LIMITS.questionOptions, { error: 'events.error.optionsTooMany' })
      .optional()
      .transform((options) => [...new Set((options ?? []).filter(Boolean))]),
  })
  .superRefine((v, ctx) => {
    if (CHOICE_QUESTION_TYPES.includes(v.type) && v.options.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'events.error.optionsRequired' })
    }
  })
  .transform((v) => ({ ...v, required: v.required ?? false, options: CHOICE_QUESTION_TYPES.includes(v.type) ? v.options : [] }))
export type QuestionInput = z.input<typeof questionInputSchema>
export type QuestionValues = z.output<typeof questionInputSchema>

/** The question form: choices are typed one per line. */
export const questionFormSchema = z.preprocess((raw: QuestionFormFields) => {
  if (!raw || typeof raw !== 'object') return raw
  const r = raw as FormRecord
  // Blank lines are left out here: Conform reads an empty string as a missing one.
  const options =
    typeof r.options === 'string'
      ? r.options
          .split(/\r?\n/)
          .map((o) => o.trim())
          .filter(Boolean)
      : []
  return {
    label: formString(r, 'label') ?? '',
    help: formString(r, 'help') ?? null,
    type: formString(r, 'type') || undefined,
    required: formCheckbox(r, 'required'),
    options,
  }
}, questionInputSchema)

// ---- Errors --------------------------------------------------------------------------------

export { fieldErrorsOf } from '#app/utils/validation.ts'

// ---- Form values ---------------------------------------------------------------------------

type EventForForm = {
  title: string
  kind: string
  description: string
  startsAt: Date
  endsAt: Date
  timeZone: string
  venueName: string | null
  address: string | null
  town: string | null
  departement: string | null
  onlineUrl: string | null
  capacity: number | null
  waitlistEnabled: boolean
  requiresApplication?: boolean
  offerHours: number
  registrationOpensAt: Date | null
  registrationClosesAt: Date | null
  visibility: string
  reminderDaysBefore: number
  contactEmail: string | null
}

/** An event as the strings of its form; datetimes as datetime-local values in the event's zone. */
export function eventToFormValues(e: EventForForm): Record<string, string> {
  const local = (d: Date | null) => (d ? formatLocalDateTime(d, e.timeZone) : '')
  return {
    title: e.title,
    kind: e.kind,
    description: e.description,
    startsAt: local(e.startsAt),
    endsAt: local(e.endsAt),
    timeZone: e.timeZone,
    venueName: e.venueName ?? '',
    address: e.address ?? '',
    town: e.town ?? '',
    departement: e.departement ?? '',
    onlineUrl: e.onlineUrl ?? '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    waitlist: e.waitlistEnabled ? 'on' : '',
    requiresApplication: e.requiresApplication ? 'on' : '',
    offerHours: String(e.offerHours),
    registrationOpensAt: local(e.registrationOpensAt),
    registrationClosesAt: local(e.registrationClosesAt),
    visibility: e.visibility,
    reminderDaysBefore: String(e.reminderDaysBefore),
    contactEmail: e.contactEmail ?? '',
  }
}
