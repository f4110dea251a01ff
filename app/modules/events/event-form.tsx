// The fields of the event form, shared by "new" and "edit". Values are the strings to show
// (datetime-local values in the event's time zone); errors are already translated.
import { CheckboxField, ChoiceGroup, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EVENT_KINDS, EVENT_TIME_ZONES, EVENT_VISIBILITIES, LIMITS } from './schema.ts'
import { kindLabelKey, visibilityLabelKey } from './ui.tsx'
import { DEFAULT_TIME_ZONE } from '#app/shared/time.ts'

export type EventFormValues = Record<string, string>
export type EventFormErrors = Record<string, string[]>

export const EVENT_FORM_DEFAULTS: EventFormValues = {
  kind: 'conference',
  timeZone: DEFAULT_TIME_ZONE,
  waitlist: 'on',
  offerHours: '48',
  reminderDaysBefore: '2',
  visibility: 'public',
}

/** The DOM id of each field of the form (for the error summary's links); the visibility radios have none. */
export const EVENT_FIELD_IDS: Record<string, string> = Object.fromEntries(
  [
    'title',
    'kind',
    'description',
    'startsAt',
    'endsAt',
    'timeZone',
    'venueName',
    'address',
    'town',
    'departement',
    'onlineUrl',
    'capacity',
    'offerHours',
    'waitlist',
    'requiresApplication',
    'registrationOpensAt',
    'registrationClosesAt',
    'reminderDaysBefore',
    'contactEmail',
  ].map((name) => [name, `event-${name}`]),
)

/** Conform's state of the form as the fields' values (strings) and translated errors. */
export function eventFormState(
  form: { initialValue: unknown; allErrors: Record<string, string[]> },
  translate: (message: string) => string,
): { values: EventFormValues; errors: EventFormErrors } {
  const values: EventFormValues = {}
  for (const [k, v] of Object.entries((form.initialValue ?? {}) as Record<string, unknown>)) if (typeof v === 'string') values[k] = v
  const errors: EventFormErrors = {}
  for (const [k, list] of Object.entries(form.allErrors)) if (k) errors[k] = list.map(translate)
  return { values, errors }
}

function Fieldset({ legend, children, help }: { legend: string; help?: string; children: React.ReactNode }) {
  return (
    <fieldset className="card space-y-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {help && <p className="text-sm text-stone-700">{help}</p>}
      {children}
    </fieldset>
  )
}

/** `capacityNote`: what the edit page says under the capacity field (the waiting list's offers). */
export function EventFormFields({
  values,
  errors,
  capacityNote,
}: {
  values: EventFormValues
  errors: EventFormErrors
  capacityNote?: React.ReactNode
}) {
  const t = useT()
  const v = (k: string) => values[k] ?? ''
  const timeZones =
    EVENT_TIME_ZONES.includes(v('timeZone') as (typeof EVENT_TIME_ZONES)[number]) || !v('timeZone')
      ? EVENT_TIME_ZONES
      : [v('timeZone'), ...EVENT_TIME_ZONES]
  return (
    <div className="space-y-6">
      <Fieldset legend={t('events.form.section.about')}>
        <TextField
          label={t('event.field.title')}
          name="title"
          id="event-title"
          defaultValue={v('title')}
          required
          maxLength={LIMITS.title}
          errors={errors.title}
        />
        <SelectField
          label={t('event.field.kind')}
          name="kind"
          id="event-kind"
          defaultValue={v('kind')}
          required
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(kindLabelKey(k)) }))}
          errors={errors.kind}
        />
        <TextareaField
          label={t('event.field.description')}
          name="description"
          id="event-description"
          defaultValue={v('description')}
          rows={10}
          maxLength={LIMITS.description}
          help={t('events.form.descriptionHelp')}
          errors={errors.description}
        />
      </Fieldset>

      <Fieldset legend={t('events.form.section.when')} help={t('events.form.whenHelp')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('event.field.startsAt')}
            name="startsAt"
            id="event-startsAt"
            type="datetime-local"
            defaultValue={v('startsAt')}
            required
            errors={errors.startsAt}
          />
          <TextField
            label={t('event.field.endsAt')}
            name="endsAt"
            id="event-endsAt"
            type="datetime-local"
            defaultValue={v('endsAt')}
            required
            errors={errors.endsAt}
          />
        </div>
        <SelectField
          label={t('event.field.timeZone')}
          name="timeZone"
          id="event-timeZone"
          defaultValue={v('timeZone') || DEFAULT_TIME_ZONE}
          options={timeZones.map((z) => ({ value: z, label: z === DEFAULT_TIME_ZONE ? t('events.form.timeZoneParis') : z }))}
          help={t('events.form.timeZoneHelp')}
          errors={errors.timeZone}
        />
      </Fieldset>

      <Fieldset legend={t('events.form.section.where')} help={t('events.form.whereHelp')}>
        <TextField
          label={t('event.field.venueName')}
          name="venueName"
          id="event-venueName"
          defaultValue={v('venueName')}
          maxLength={LIMITS.shortText}
          errors={errors.venueName}
        />
        <TextField
          label={t('event.field.address')}
          name="address"
          id="event-address"
          defaultValue={v('address')}
          maxLength={LIMITS.shortText}
          autoComplete="street-address"
          errors={errors.address}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            className="sm:col-span-2"
            label={t('event.field.town')}
            name="town"
            id="event-town"
            defaultValue={v('town')}
            maxLength={LIMITS.shortText}
            errors={errors.town}
          />
          <TextField
            label={t('event.field.departement')}
            name="departement"
            id="event-departement"
            defaultValue={v('departement')}
            maxLength={3}
            help={t('events.form.departementHelp')}
            errors={errors.departement}
          />
        </div>
        <TextField
          label={t('event.field.onlineUrl')}
          name="onlineUrl"
          id="event-onlineUrl"
          type="url"
          inputMode="url"
          defaultValue={v('onlineUrl')}
          maxLength={LIMITS.url}
          help={t('events.form.onlineUrlHelp')}
          errors={errors.onlineUrl}
        />
      </Fieldset>

      <Fieldset legend={t('events.form.section.registration')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('event.field.capacity')}
            name="capacity"
            id="event-capacity"
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.capacity}
            defaultValue={v('capacity')}
            help={t('events.form.capacityHelp')}
            errors={errors.capacity}
          />
          {capacityNote && <div className="sm:col-span-2">{capacityNote}</div>}
          <TextField
            label={t('event.field.offerHours')}
            name="offerHours"
            id="event-offerHours"
            type="number"
            inputMode="numeric"
            min={1}
            max={LIMITS.offerHoursMax}
            defaultValue={v('offerHours')}
            help={t('events.form.offerHoursHelp')}
            errors={errors.offerHours}
          />
        </div>
        <CheckboxField
          label={t('event.field.waitlist')}
          name="waitlist"
          id="event-waitlist"
          defaultChecked={v('waitlist') === 'on'}
          help={t('events.form.waitlistHelp')}
          errors={errors.waitlist}
        />
        <CheckboxField
          label={t('admission.eventForm.label')}
          name="requiresApplication"
          id="event-requiresApplication"
          defaultChecked={v('requiresApplication') === 'on'}
          help={t('admission.eventForm.help')}
          errors={errors.requiresApplication}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('event.field.registrationOpensAt')}
            name="registrationOpensAt"
            id="event-registrationOpensAt"
            type="datetime-local"
            defaultValue={v('registrationOpensAt')}
            help={t('events.form.opensHelp')}
            errors={errors.registrationOpensAt}
          />
          <TextField
            label={t('event.field.registrationClosesAt')}
            name="registrationClosesAt"
            id="event-registrationClosesAt"
            type="datetime-local"
            defaultValue={v('registrationClosesAt')}
            help={t('events.form.closesHelp')}
            errors={errors.registrationClosesAt}
          />
        </div>
        <ChoiceGroup
          legend={t('event.field.visibility')}
          name="visibility"
          type="radio"
          defaultValue={v('visibility') || 'public'}
          options={EVENT_VISIBILITIES.map((vis) => ({
            value: vis,
            label: t(visibilityLabelKey(vis)),
            hint: t(`events.form.visibilityHint.${vis}` as Parameters<typeof t>[0]),
          }))}
          errors={errors.visibility}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('event.field.reminderDaysBefore')}
            name="reminderDaysBefore"
            id="event-reminderDaysBefore"
            type="number"
            inputMode="numeric"
            min={0}
            max={LIMITS.reminderDaysMax}
            defaultValue={v('reminderDaysBefore')}
            help={t('events.form.reminderHelp')}
            errors={errors.reminderDaysBefore}
          />
          <TextField
            label={t('event.field.contactEmail')}
            name="contactEmail"
            id="event-contactEmail"
            type="email"
            autoComplete="email"
            defaultValue={v('contactEmail')}
            help={t('events.form.contactHelp')}
            errors={errors.contactEmail}
          />
        </div>
      </Fieldset>
    </div>
  )
}
