// The fields of the registration form, shared by the public form and the attendee's edit form.
// Plain inputs named as in app/modules/registrations/form.ts, so the form works without
// JavaScript; errors come back from the server next to each field and in a summary.
import { Link } from '@remix-run/react'
import type { FormQuestion } from '#app/shared/questions.ts'
import { formErrorMessage } from '#app/shared/form-message.ts'
import type { FormContext, SubmittedFields } from '#app/modules/registrations/form.ts'
import { LIMITS } from '#app/modules/registrations/form.ts'
import { PROFILES } from '#app/shared/profiles.ts'
import { CheckboxField, ChoiceGroup, FormErrorSummary, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { seatsKey } from '#app/route-support/public-events.tsx'
import type { MessageKey, Translate } from '#app/utils/i18n.ts'
import { formatEuros, type PaymentMethod } from '#app/modules/payments/rules.ts'

export type FormErrors = { fieldErrors: Record<string, string[]>; formErrors: string[] }
export type FormDefaults = Partial<Omit<SubmittedFields, 'answers' | 'workshops'>> & {
  answers?: SubmittedFields['answers']
  workshops?: string[]
}

/** The id of a field of the registration form (the error summary links to it). */
export const fieldId = (prefix: string, name: string) => `${prefix}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`

function fieldLabel(t: Translate, ctx: FormContext, name: string): string | null {
  const fixed: Record<string, MessageKey> = {
    firstName: 'register.field.firstName',
    lastName: 'register.field.lastName',
    email: 'register.field.email',
    phone: 'register.field.phone',
    organisation: 'register.field.organisation',
    organisationType: 'register.field.organisationType',
    departement: 'register.field.departement',
    accessibilityNeeds: 'register.field.accessibility',
    dietaryNeeds: 'register.field.dietary',
    consent: 'register.section.consent',
    workshops: 'register.section.workshops',
    ticketTypeId: 'payments.form.ticket',
    paymentMethod: 'payments.form.method',
    purchaseOrderNumber: 'payments.form.purchaseOrderNumber',
  }
  if (fixed[name]) return t(fixed[name])
  if (name.startsWith('answers.')) return ctx.questions.find((q) => q.id === name.slice(8))?.label ?? null
  if (name.startsWith('workshop.')) return ctx.slots.find((s) => s.id === name.slice(9))?.label ?? null
  return null
}

const FIELD_ORDER = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'organisation',
  'organisationType',
  'departement',
  'accessibilityNeeds',
  'dietaryNeeds',
]

function fieldRank(ctx: FormContext, name: string) {
  const fixed = FIELD_ORDER.indexOf(name)
  if (fixed >= 0) return fixed
  if (name.startsWith('answers.')) return 100 + ctx.questions.findIndex((q) => q.id === name.slice(8))
  if (name === 'workshops' || name.startsWith('workshop.')) return 200 + ctx.slots.findIndex((s) => s.id === name.slice(9))
  if (name === 'ticketTypeId') return 250
  if (name === 'paymentMethod') return 251
  if (name === 'purchaseOrderNumber') return 252
  if (name === 'consent') return 300
  return 400
}

/** Fields shown as a group of radios or checkboxes: their summary link goes to the first option. */
function isChoiceGroup(ctx: FormContext, name: string) {
  if (name === 'ticketTypeId' || name === 'paymentMethod' || name.startsWith('workshop.')) return true
  const q = name.startsWith('answers.') ? ctx.questions.find((x) => x.id === name.slice(8)) : undefined
  return q?.type === 'multiple_choice' || (q?.type === 'single_choice' && q.options.length <= 6)
}

/**
 * Every error in the form's order as the shared error summary (it takes focus when it appears):
 * form-level ones first, then "Field: message" linked to its field.
 */
export function ErrorSummary({
  ctx,
  errors,
  prefix = 'reg',
  isGroup = (name) => isChoiceGroup(ctx, name),
}: {
  ctx: FormContext
  errors: FormErrors | undefined
  prefix?: string
  /** Whether a field is a group of radios or checkboxes (the link goes to its first option). */
  isGroup?: (name: string) => boolean
}) {
  const t = useT()
  if (!errors) return null
  const names = Object.keys(errors.fieldErrors).sort((a, b) => fieldRank(ctx, a) - fieldRank(ctx, b))
  const links = names.flatMap((name) => {
    const label = fieldLabel(t, ctx, name)
    return (errors.fieldErrors[name] ?? []).map((m) => {
      const message = formErrorMessage(t, m)
      return {
        text: label ? t('register.error.summaryItem', { label, message }) : message,
        // The whole list of workshops has no single field.
        href: name === 'workshops' ? undefined : `#${fieldId(prefix, name)}${isGroup(name) ? '-0' : ''}`,
      }
    })
  })
  return <FormErrorSummary errors={errors.formErrors.map((e) => formErrorMessage(t, e))} links={links} />
}

function QuestionField({
  q,
  prefix,
  value,
  errors,
}: {
  q: FormQuestion
  prefix: string
  value: string | string[] | boolean | undefined
  errors: string[] | undefined
}) {
  const name = `answers.${q.id}`
  const id = fieldId(prefix, name)
  const help = q.help ?? undefined
  switch (q.type) {
    case 'short_text':
      return (
        <TextField
          id={id}
          name={name}
          label={q.label}
          help={help}
          required={q.required}
          maxLength={LIMITS.shortText}
          defaultValue={typeof value === 'string' ? value : ''}
          errors={errors}
        />
      )
    case 'long_text':
      return (
        <TextareaField
          id={id}
          name={name}
          label={q.label}
          help={help}
          required={q.required}
          maxLength={LIMITS.longText}
          defaultValue={typeof value === 'string' ? value : ''}
          errors={errors}
        />
      )
    case 'single_choice':
      // A long list reads better as a select; a short one as radios, all visible at once.
      return q.options.length > 6 ? (
        <SelectField
          id={id}
          name={name}
          label={q.label}
          help={help}
          required={q.required}
          defaultValue={typeof value === 'string' ? value : ''}
          placeholder="—"
          options={q.options.map((o) => ({ value: o, label: o }))}
          errors={errors}
        />
      ) : (
        <ChoiceGroup
          id={id}
          legend={q.label}
          help={help}
          name={name}
          type="radio"
          required={q.required}
          defaultValue={typeof value === 'string' ? value : undefined}
          options={q.options.map((o) => ({ value: o, label: o }))}
          errors={errors}
        />
      )
    case 'multiple_choice':
      return (
        <ChoiceGroup
          id={id}
          legend={q.label}
          help={help}
          name={name}
          type="checkbox"
          required={q.required}
          defaultValue={Array.isArray(value) ? value : typeof value === 'string' ? [value] : []}
          options={q.options.map((o) => ({ value: o, label: o }))}
          errors={errors}
        />
      )
    case 'checkbox':
      return (
        <CheckboxField
          id={id}
          name={name}
          label={q.label}
          help={help}
          required={q.required}
          defaultChecked={value === true}
          errors={errors}
        />
      )
  }
}

export type WorkshopChoice = { id: string; title: string; room: string | null; seatsLeft: number | null }
export type SlotChoice = { id: string; label: string; when: string; workshops: WorkshopChoice[] }

/** One radio group per slot ("no workshop" first); full workshops are shown but cannot be chosen. */
export function WorkshopFields({
  slots,
  chosen,
  errors,
  keepChosen = false,
  prefix = 'reg',
}: {
  slots: SlotChoice[]
  chosen: string[]
  errors: Record<string, string[]>
  keepChosen?: boolean
  prefix?: string
}) {
  const t = useT()
  return (
    <div className="space-y-5">
      {slots.map((slot) => {
        const current = slot.workshops.find((w) => chosen.includes(w.id))?.id ?? ''
        return (
          <ChoiceGroup
            key={slot.id}
            id={fieldId(prefix, `workshop.${slot.id}`)}
            legend={`${slot.label} — ${slot.when}`}
            name={`workshop.${slot.id}`}
            type="radio"
            defaultValue={current}
            errors={errors[`workshop.${slot.id}`]?.map((e) => formErrorMessage(t, e))}
            options={[
              { value: '', label: t('register.workshops.none') },
              ...slot.workshops.map((w) => {
                // The seat someone already holds stays theirs to keep.
                const full = w.seatsLeft === 0 && !(keepChosen && chosen.includes(w.id))
                const seats = seatsKey(w.seatsLeft)
                const hint = [
                  full ? t('register.workshops.full') : w.seatsLeft !== null ? t(seats.key, seats.params) : null,
                  w.room ? t('public.event.room', { room: w.room }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
                return { value: w.id, label: w.title, disabled: full, hint: hint || undefined }
              }),
            ]}
          />
        )
      })}
    </div>
  )
}

/** Contact, organisation, needs and the organisers' questions. */
export function RegistrationFields({
  mode,
  ctx,
  defaults,
  errors,
  prefix = 'reg',
}: {
  mode: 'form' | 'edit'
  ctx: FormContext
  defaults: FormDefaults
  errors: Record<string, string[]>
  prefix?: string
}) {
  const t = useT()
  const e = (name: string) => errors[name]?.map((m) => formErrorMessage(t, m))
  const id = (name: string) => fieldId(prefix, name)
  return (
    <>
      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t('register.section.you')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id={id('firstName')}
            name="firstName"
            label={t('register.field.firstName')}
            required
            autoComplete="given-name"
            maxLength={LIMITS.name}
            defaultValue={defaults.firstName ?? ''}
            errors={e('firstName')}
          />
          <TextField
            id={id('lastName')}
            name="lastName"
            label={t('register.field.lastName')}
            required
            autoComplete="family-name"
            maxLength={LIMITS.name}
            defaultValue={defaults.lastName ?? ''}
            errors={e('lastName')}
          />
        </div>
        {mode === 'form' && (
          <TextField
            id={id('email')}
            name="email"
            type="email"
            label={t('register.field.email')}
            help={t('register.field.emailHelp')}
            required
            autoComplete="email"
            inputMode="email"
            maxLength={LIMITS.email}
            defaultValue={defaults.email ?? ''}
            errors={e('email')}
          />
        )}
        <TextField
          id={id('phone')}
          name="phone"
          type="tel"
          label={t('register.field.phone')}
          help={t('register.field.phoneHelp')}
          autoComplete="tel"
          maxLength={LIMITS.phone}
          defaultValue={defaults.phone ?? ''}
          errors={e('phone')}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t('register.section.organisation')}</legend>
        <TextField
          id={id('organisation')}
          name="organisation"
          label={t('register.field.organisation')}
          help={t('register.field.organisationHelp')}
          required
          autoComplete="organization"
          maxLength={LIMITS.organisation}
          defaultValue={defaults.organisation ?? ''}
          errors={e('organisation')}
        />
        <SelectField
          id={id('organisationType')}
          name="organisationType"
          label={t('register.field.organisationType')}
          required
          defaultValue={defaults.organisationType ?? ''}
          placeholder={t('register.field.organisationTypePlaceholder')}
          options={PROFILES.map((p) => ({ value: p, label: t(`profile.${p}` as MessageKey) }))}
          errors={e('organisationType')}
        />
        <TextField
          id={id('departement')}
          name="departement"
          label={t('register.field.departement')}
          help={t('register.field.departementHelp')}
          autoComplete="off"
          inputMode="text"
          maxLength={3}
          className="max-w-48"
          defaultValue={defaults.departement ?? ''}
          errors={e('departement')}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t('register.section.needs')}</legend>
        <TextareaField
          id={id('accessibilityNeeds')}
          name="accessibilityNeeds"
          label={t('register.field.accessibility')}
          help={t('register.field.accessibilityHelp')}
          maxLength={LIMITS.needs}
          rows={3}
          defaultValue={defaults.accessibilityNeeds ?? ''}
          errors={e('accessibilityNeeds')}
        />
        <TextareaField
          id={id('dietaryNeeds')}
          name="dietaryNeeds"
          label={t('register.field.dietary')}
          help={t('register.field.dietaryHelp')}
          maxLength={LIMITS.needs}
          rows={2}
          defaultValue={defaults.dietaryNeeds ?? ''}
          errors={e('dietaryNeeds')}
        />
      </fieldset>

      {ctx.questions.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="text-xl font-semibold">{t('register.section.questions')}</legend>
          {ctx.questions.map((q) => (
            <QuestionField key={q.id} q={q} prefix={prefix} value={defaults.answers?.[q.id]} errors={e(`answers.${q.id}`)} />
          ))}
        </fieldset>
      )}
    </>
  )
}

export function ConsentField({
  organisation,
  title,
  checked,
  errors,
  prefix = 'reg',
}: {
  organisation: string
  title: string
  checked: boolean
  errors: string[] | undefined
  prefix?: string
}) {
  const t = useT()
  return (
    <fieldset className="space-y-3">
      <legend className="text-xl font-semibold">{t('register.section.consent')}</legend>
      <p id={`${prefix}-consent-purpose`} className="text-stone-800">
        {t('register.consent.purpose', { organisation, title })}{' '}
        <Link to="/privacy" className="link">
          {t('register.consent.privacyLink')}
        </Link>
      </p>
      <CheckboxField
        id={fieldId(prefix, 'consent')}
        name="consent"
        label={t('register.consent.label')}
        required
        defaultChecked={checked}
        errors={errors?.map((m) => formErrorMessage(t, m))}
      />
    </fieldset>
  )
}

export type TicketOption = {
  id: string
  name: string
  description: string | null
  priceCents: number
  left: number | null
  soldOut: boolean
}

/**
 * The ticket (radio list with the price and the places left) and, for paid tickets, the payment
 * method and the purchase-order number. Without JavaScript every field shows; the method only
 * counts for a paid ticket.
 */
export function PaymentFields({
  tickets,
  methods,
  defaults,
  errors,
  locale,
  prefix = 'reg',
}: {
  tickets: TicketOption[]
  methods: PaymentMethod[]
  defaults: { ticketTypeId?: string; paymentMethod?: string; purchaseOrderNumber?: string }
  errors: Record<string, string[]>
  locale: 'fr' | 'en'
  prefix?: string
}) {
  const t = useT()
  const e = (name: string) => errors[name]?.map((m) => formErrorMessage(t, m))
  const anyPaid = tickets.some((x) => x.priceCents > 0 && !x.soldOut)
  const single = tickets.filter((x) => !x.soldOut).length === 1 ? tickets.find((x) => !x.soldOut)?.id : undefined
  return (
    <fieldset className="space-y-4">
      <legend className="text-xl font-semibold">{t('payments.form.section')}</legend>
      <ChoiceGroup
        id={fieldId(prefix, 'ticketTypeId')}
        legend={t('payments.form.ticket')}
        name="ticketTypeId"
        type="radio"
        required
        defaultValue={defaults.ticketTypeId || single}
        errors={e('ticketTypeId')}
        options={tickets.map((x) => ({
          value: x.id,
          disabled: x.soldOut,
          label: (
            <>
              <span className="font-semibold">{x.name}</span> —{' '}
              {x.priceCents > 0 ? formatEuros(x.priceCents, locale) : t('payments.form.free')}
            </>
          ),
          hint:
            [x.description, x.soldOut ? t('payments.form.soldOut') : x.left !== null ? t('payments.form.left', { count: x.left }) : null]
              .filter(Boolean)
              .join(' · ') || undefined,
        }))}
      />
      {anyPaid &&
        (methods.length === 0 ? (
          <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">{t('payments.form.noMethod')}</p>
        ) : (
          <>
            <ChoiceGroup
              id={fieldId(prefix, 'paymentMethod')}
              legend={t('payments.form.method')}
              help={t('payments.form.methodHelp')}
              name="paymentMethod"
              type="radio"
              defaultValue={defaults.paymentMethod || (methods.length === 1 ? methods[0] : undefined)}
              errors={e('paymentMethod')}
              options={methods.map((m) => ({
                value: m,
                label: t(`payments.method.${m}` as MessageKey),
                hint: t(`payments.method.${m}.hint` as MessageKey),
              }))}
            />
            {methods.includes('purchase_order') && (
              <TextField
                id={fieldId(prefix, 'purchaseOrderNumber')}
                name="purchaseOrderNumber"
                label={t('payments.form.purchaseOrderNumber')}
                help={t('payments.form.purchaseOrderHelp')}
                maxLength={60}
                autoComplete="off"
                defaultValue={defaults.purchaseOrderNumber ?? ''}
                errors={e('purchaseOrderNumber')}
              />
            )}
          </>
        ))}
    </fieldset>
  )
}
