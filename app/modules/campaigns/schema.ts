// What an organiser writes for a campaign, validated the same way for the form and the service.
// Messages are message keys (domain `campaigns`); unknown merge fields are refused here.
import { z } from 'zod'
import { normaliseDepartement } from '#app/shared/territories.ts'
import { parseLocalDateTime } from '#app/shared/time.ts'
import { audienceSchema, EMPTY_AUDIENCE } from '#app/modules/contacts/audience.ts'
import { unknownMergeFields } from './merge-fields.ts'

export const CAMPAIGN_KINDS = ['event_invitation', 'nomination_call', 'jury_invitation', 'announcement'] as const
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number]
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

export const LIMITS = { name: 200, subject: 200, body: 20_000 }

export { EMPTY_AUDIENCE }

const text = (max: number, key: 'campaigns.error.subjectTooLong' | 'campaigns.error.bodyTooLong') =>
  z
    .string()
    .trim()
    .max(max, { error: key })
    .default('')
    .superRefine((value, ctx) => {
      const unknown = unknownMergeFields(value)
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: 'campaigns.error.unknownField',
          params: { fields: unknown.map((f) => `{{${f}}}`).join(', ') },
        })
    })

export const campaignInputSchema = z
  .object({
    kind: z.enum(CAMPAIGN_KINDS, { error: 'campaigns.error.kindInvalid' }),
    eventId: z.string().trim().min(1).nullish(),
    editionId: z.string().trim().min(1).nullish(),
    name: z
      .string({ error: 'campaigns.error.nameRequired' })
      .trim()
      .min(1, { error: 'campaigns.error.nameRequired' })
      .max(LIMITS.name, { error: 'campaigns.error.nameTooLong' }),
    subjectFr: text(LIMITS.subject, 'campaigns.error.subjectTooLong'),
    bodyFr: text(LIMITS.body, 'campaigns.error.bodyTooLong'),
    subjectEn: text(LIMITS.subject, 'campaigns.error.subjectTooLong'),
    bodyEn: text(LIMITS.body, 'campaigns.error.bodyTooLong'),
    audience: audienceSchema.default(EMPTY_AUDIENCE),
    scheduledAt: z.coerce.date({ error: 'campaigns.error.dateInvalid' }).nullish(),
    trackOpens: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'event_invitation' && !v.eventId)
      ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'campaigns.error.eventRequired' })
    if ((v.kind === 'nomination_call' || v.kind === 'jury_invitation') && !v.editionId)
      ctx.addIssue({ code: 'custom', path: ['editionId'], message: 'campaigns.error.editionRequired' })
  })

/**
 * The "new campaign" form: its kind, what it is about and its name. The event goes with the kinds
 * sent about an event, the edition with those about a prize edition; the other is dropped.
 */
export const newCampaignFormSchema = z
  .object({
    kind: z.enum(CAMPAIGN_KINDS, { error: 'campaigns.error.kindInvalid' }),
    eventId: z.string().optional(),
    editionId: z.string().optional(),
    name: z
      .string({ error: 'campaigns.error.nameRequired' })
      .trim()
      .min(1, { error: 'campaigns.error.nameRequired' })
      .max(LIMITS.name, { error: 'campaigns.error.nameTooLong' }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'event_invitation' && !v.eventId)
      ctx.addIssue({ code: 'custom', path: ['eventId'], message: 'campaigns.error.eventRequired' })
    if ((v.kind === 'nomination_call' || v.kind === 'jury_invitation') && !v.editionId)
      ctx.addIssue({ code: 'custom', path: ['editionId'], message: 'campaigns.error.editionRequired' })
  })

/** The new campaign form's values as the service's input (Conform's constraints need the schema without a transform). */
export function newCampaignInput(v: z.output<typeof newCampaignFormSchema>): CampaignInput {
  return {
    kind: v.kind,
    name: v.name,
    eventId: v.kind === 'event_invitation' || v.kind === 'announcement' ? (v.eventId ?? null) : null,
    editionId: v.kind === 'nomination_call' || v.kind === 'jury_invitation' ? (v.editionId ?? null) : null,
  }
}

/** The organisation's sending rate: a whole number of emails per minute, or empty for the default (the service checks the bounds). */
export const campaignRateFormSchema = z.object({
  ratePerMinute: z
    .string()
    .trim()
    .regex(/^\d+$/, { error: 'campaigns.rate.invalid' })
    .transform(Number)
    .optional()
    .transform((v) => v ?? null),
})

/** Repeated checkboxes: none, one or several values. */
const checked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
/** Comma-separated text, as a list. */
const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )

/**
 * A draft campaign's form and its buttons (save, test, send now, schedule): the text the service
 * checks (merge fields, lengths, what sending needs), the audience, and for "schedule" a date.
 */
export const campaignDraftFormSchema = z
  .object({
    intent: z.enum(['save', 'test', 'send', 'schedule']),
    name: z.string({ error: 'campaigns.error.nameRequired' }),
    subjectFr: z.string().optional(),
    bodyFr: z.string().optional(),
    subjectEn: z.string().optional(),
    bodyEn: z.string().optional(),
    trackOpens: z.string().optional(),
    audience: z
      .object({
        tags: commaList,
        departements: commaList,
        profiles: checked,
        attendeesOfEventIds: checked,
        contactIds: checked,
      })
      .optional(),
    scheduledAt: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.intent === 'schedule' && !parseLocalDateTime(v.scheduledAt ?? ''))
      ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'campaigns.error.dateInvalid' })
  })

/** The draft form's values: what the service saves (kind and target are the campaign's own) and the date to schedule. */
export function draftCampaignInput(v: z.output<typeof campaignDraftFormSchema>) {
  return {
    scheduledAt: v.intent === 'schedule' ? parseLocalDateTime(v.scheduledAt ?? '') : null,
    content: {
      name: v.name,
      subjectFr: v.subjectFr ?? '',
      bodyFr: v.bodyFr ?? '',
      subjectEn: v.subjectEn ?? '',
      bodyEn: v.bodyEn ?? '',
      audience: {
        tags: (v.audience?.tags ?? []).map((t) => t.toLowerCase()),
        profiles: v.audience?.profiles ?? [],
        departements: (v.audience?.departements ?? []).map(normaliseDepartement),
        attendeesOfEventIds: v.audience?.attendeesOfEventIds ?? [],
        contactIds: v.audience?.contactIds ?? [],
      },
      trackOpens: v.trackOpens === 'on' || v.trackOpens === 'true',
    },
  }
}

/** A campaign's buttons outside the draft form. */
export const campaignButtonSchemas = {
  unschedule: z.object({ intent: z.literal('unschedule') }),
  delete: z.object({ intent: z.literal('delete') }),
  remind: z.object({ intent: z.literal('remind') }),
}

export type CampaignInput = z.input<typeof campaignInputSchema>
export type CampaignValues = z.output<typeof campaignInputSchema>

/** What must be filled before sending (drafts may be incomplete). */
export function missingForSend(c: { subjectFr: string; bodyFr: string; subjectEn: string; bodyEn: string }): ('subjectFr' | 'bodyFr')[] {
  const out: ('subjectFr' | 'bodyFr')[] = []
  if (!c.subjectFr.trim()) out.push('subjectFr')
  if (!c.bodyFr.trim()) out.push('bodyFr')
  return out
}

/** English falls back to French when the organiser wrote only French. */
export function contentFor(c: { subjectFr: string; bodyFr: string; subjectEn: string; bodyEn: string }, locale: string) {
  if (locale === 'en' && c.subjectEn.trim() && c.bodyEn.trim()) return { subject: c.subjectEn, body: c.bodyEn }
  return { subject: c.subjectFr, body: c.bodyFr }
}
