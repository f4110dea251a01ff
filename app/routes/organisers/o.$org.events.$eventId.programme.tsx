// The programme: time slots, and in each slot the workshops (ateliers) with their own capacity.
// Attendees choose at most one workshop per slot when registering.
import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { formatLocalDateTime, formatSlotTimes } from '#app/shared/time.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { LIMITS, programmeButtonSchema, slotFormSchema, workshopFormSchema } from '#app/modules/events/schema.ts'
import {
  createSlot,
  createWorkshop,
  deleteSlot,
  deleteWorkshop,
  moveWorkshop,
  updateSlot,
  updateWorkshop,
} from '#app/modules/events/service.server.ts'
import { EventPageHeader, Notice } from '#app/modules/events/ui.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'events.programme.title')}${d ? ` : ${d.event.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'event.edit')
  const locale = localeFromRequest(request)
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const local = (d: Date) => formatLocalDateTime(d, event.timeZone)
  return {
    organisation: { slug: organisation.slug },
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      editable: event.editable,
      timeZone: event.timeZone,
      startsAt: local(event.startsAt),
      endsAt: local(event.endsAt),
    },
    slots: event.slots.map((s) => ({
      id: s.id,
      label: s.label,
      times: formatSlotTimes(locale, s.startsAt, s.endsAt, event.timeZone),
      startsAt: local(s.startsAt),
      endsAt: local(s.endsAt),
      outsideEvent: s.startsAt < event.startsAt || s.endsAt > event.endsAt,
      workshops: s.workshops.map((w) => ({
        id: w.id,
        title: w.title,
        description: w.description,
        room: w.room ?? '',
        capacity: w.capacity,
        seatsTaken: w.seatsTaken,
      })),
    })),
  }
}

type Result = FormReply & { formKey: string }

/** Which form shows the reply; deleting and moving report at the top of the page. */
function formKeyOf(intent: string, slotId: string, workshopId: string) {
  switch (intent) {
    case 'slot.create':
      return 'slot-new'
    case 'workshop.create':
      return `workshop-new-${slotId}`
    case 'slot.update':
      return `slot-${slotId}`
    case 'workshop.update':
      return `workshop-${workshopId}`
    default:
      return 'page'
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'event.edit')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const slotId = String(formData.get('slotId') ?? '')
  const workshopId = String(formData.get('workshopId') ?? '')
  const actor = { actorUserId: user.id, request }
  const here = new URL(request.url).pathname
  const formKey = formKeyOf(intent, slotId, workshopId)
  const done = (key: Parameters<typeof translate>[1]) => redirectWithToast(request, here, { type: 'success', key })
  // Conform's reply, marked with the form it belongs to.
  const answer = async <R,>(reply: Promise<R>) => {
    const r = await reply
    return isFormReply(r) ? data<Result>({ ...r.data, formKey }, r.init ?? undefined) : r
  }

  switch (intent) {
    case 'slot.create':
    case 'slot.update':
      return answer(
        submitForm(request, formData, slotFormSchema(event.timeZone), async (value) => {
          if (intent === 'slot.create') await createSlot(organisation.id, event.id, value, actor)
          else await updateSlot(organisation.id, event.id, slotId, value, actor)
          return done(intent === 'slot.create' ? 'events.toast.slotCreated' : 'events.toast.slotUpdated')
        }),
      )
    case 'workshop.create':
    case 'workshop.update':
      return answer(
        submitForm(request, formData, workshopFormSchema, async (value) => {
          if (intent === 'workshop.create') await createWorkshop(organisation.id, event.id, value, actor)
          else await updateWorkshop(organisation.id, event.id, workshopId, value, actor)
          return done(intent === 'workshop.create' ? 'events.toast.workshopCreated' : 'events.toast.workshopUpdated')
        }),
      )
    default:
      return answer(
        submitForm(request, formData, programmeButtonSchema, async (value) => {
          switch (value.intent) {
            case 'slot.delete':
              await deleteSlot(organisation.id, event.id, value.slotId, actor)
              return done('events.toast.slotDeleted')
            case 'workshop.delete':
              await deleteWorkshop(organisation.id, event.id, value.workshopId, actor)
              return done('events.toast.workshopDeleted')
            case 'workshop.move':
              await moveWorkshop(organisation.id, event.id, value.workshopId, value.direction, actor)
              return done('events.toast.workshopMoved')
          }
        }),
      )
  }
}

function isFormReply(r: unknown): r is { data: FormReply; init: ResponseInit | null } {
  return typeof r === 'object' && r !== null && !(r instanceof Response) && 'data' in r && 'init' in r
}

function useResult(formKey: string) {
  const result = useActionData<Result>()
  return result && result.formKey === formKey ? result.result : undefined
}

function SlotForm({
  formKey,
  intent,
  slot,
  defaults,
  timeZone,
}: {
  formKey: string
  intent: 'slot.create' | 'slot.update'
  slot?: { id: string; label: string; startsAt: string; endsAt: string }
  defaults: { startsAt: string; endsAt: string }
  timeZone: string
}) {
  const t = useT()
  const lastResult = useResult(formKey)
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(slotFormSchema(timeZone), {
    id: formKey,
    lastResult,
    defaultValue: {
      label: slot?.label ?? '',
      startsAt: slot?.startsAt ?? defaults.startsAt,
      endsAt: slot?.endsAt ?? defaults.endsAt,
    },
  })
  const tr = (e: string) => t(e as MessageKey)
  const v = { label: fields.label.defaultValue, startsAt: fields.startsAt.defaultValue, endsAt: fields.endsAt.defaultValue }
  const e = { label: fields.label.errors?.map(tr), startsAt: fields.startsAt.errors?.map(tr), endsAt: fields.endsAt.errors?.map(tr) }
  const ids = { label: `${formKey}-label`, startsAt: `${formKey}-startsAt`, endsAt: `${formKey}-endsAt` }
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value={intent} />
      {slot && <input type="hidden" name="slotId" value={slot.id} />}
      <TextField
        label={t('events.programme.slotLabel')}
        name="label"
        id={`${formKey}-label`}
        defaultValue={v.label}
        required
        maxLength={LIMITS.shortText}
        help={t('events.programme.slotLabelHelp')}
        errors={e.label}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('events.programme.slotStart')}
          name="startsAt"
          id={`${formKey}-startsAt`}
          type="datetime-local"
          defaultValue={v.startsAt}
          required
          errors={e.startsAt}
        />
        <TextField
          label={t('events.programme.slotEnd')}
          name="endsAt"
          id={`${formKey}-endsAt`}
          type="datetime-local"
          defaultValue={v.endsAt}
          required
          errors={e.endsAt}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {intent === 'slot.create' ? t('events.programme.addSlot') : t('events.form.save')}
      </button>
    </Form>
  )
}

type SlotOption = { id: string; label: string }
type WorkshopRow = { id: string; title: string; description: string; room: string; capacity: number | null; seatsTaken: number }

function WorkshopForm({
  formKey,
  intent,
  slotId,
  slots,
  workshop,
}: {
  formKey: string
  intent: 'workshop.create' | 'workshop.update'
  slotId: string
  slots: SlotOption[]
  workshop?: WorkshopRow
}) {
  const t = useT()
  const lastResult = useResult(formKey)
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(workshopFormSchema, {
    id: formKey,
    lastResult,
    defaultValue: {
      title: workshop?.title ?? '',
      room: workshop?.room ?? '',
      capacity: workshop?.capacity == null ? '' : String(workshop.capacity),
      description: workshop?.description ?? '',
      slotId,
    },
  })
  const tr = (e: string) => t(e as MessageKey)
  const names = ['slotId', 'title', 'room', 'capacity', 'description'] as const
  const v = Object.fromEntries(names.map((n) => [n, fields[n].defaultValue ?? ''])) as Record<(typeof names)[number], string>
  const e = Object.fromEntries(names.map((n) => [n, fields[n].errors?.map(tr)])) as Record<(typeof names)[number], string[] | undefined>
  const ids = Object.fromEntries(names.map((n) => [n, `${formKey}-${n}`]))
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value={intent} />
      {workshop && <input type="hidden" name="workshopId" value={workshop.id} />}
      {intent === 'workshop.create' ? (
        <input type="hidden" name="slotId" value={slotId} />
      ) : (
        <SelectField
          label={t('events.programme.workshopSlot')}
          name="slotId"
          id={`${formKey}-slotId`}
          defaultValue={v.slotId}
          options={slots.map((s) => ({ value: s.id, label: s.label }))}
          errors={e.slotId}
        />
      )}
      <TextField
        label={t('events.programme.workshopTitle')}
        name="title"
        id={`${formKey}-title`}
        defaultValue={v.title}
        required
        maxLength={LIMITS.title}
        errors={e.title}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('events.programme.workshopRoom')}
          name="room"
          id={`${formKey}-room`}
          defaultValue={v.room}
          maxLength={LIMITS.shortText}
          errors={e.room}
        />
        <TextField
          label={t('events.programme.workshopCapacity')}
          name="capacity"
          id={`${formKey}-capacity`}
          type="number"
          inputMode="numeric"
          min={Math.max(1, workshop?.seatsTaken ?? 1)}
          defaultValue={v.capacity}
          help={
            workshop && workshop.seatsTaken > 0
              ? t('events.programme.workshopCapacityFloor', { taken: workshop.seatsTaken })
              : t('events.form.capacityHelp')
          }
          errors={e.capacity}
        />
      </div>
      <TextareaField
        label={t('events.programme.workshopDescription')}
        name="description"
        id={`${formKey}-description`}
        defaultValue={v.description}
        rows={3}
        maxLength={2000}
        errors={e.description}
      />
      <button type="submit" className="btn-primary" disabled={busy}>
        {intent === 'workshop.create' ? t('events.programme.addWorkshop') : t('events.form.save')}
      </button>
    </Form>
  )
}

export default function Programme() {
  const t = useT()
  const { organisation, event, slots } = useLoaderData<typeof loader>()
  const result = useActionData<Result>()
  const slotOptions = slots.map((s) => ({ id: s.id, label: `${s.label} — ${s.times}` }))
  const pageErrors = result?.formKey === 'page' ? Object.values(result.result.error ?? {}).flatMap((m) => m ?? []) : []
  return (
    <div>
      <EventPageHeader orgSlug={organisation.slug} event={event} heading={t('events.programme.title')} />
      <div className="space-y-6">
        <p className="text-stone-700">{t('events.programme.intro')}</p>
        {!event.editable && <Notice tone="info">{t('events.error.readOnly')}</Notice>}
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />
        {slots.length === 0 && <p className="card">{t('events.programme.empty')}</p>}

        {slots.map((slot) => (
          <section key={slot.id} aria-labelledby={`slot-${slot.id}-title`} className="card space-y-4">
            <div>
              <h2 id={`slot-${slot.id}-title`} className="text-xl font-semibold">
                {slot.label}
              </h2>
              <p className="text-stone-700">{slot.times}</p>
              {slot.outsideEvent && <p className="mt-1 text-sm font-medium text-amber-900">{t('events.programme.slotOutside')}</p>}
            </div>

            {slot.workshops.length === 0 ? (
              <p className="text-sm text-stone-700">{t('events.programme.noWorkshops')}</p>
            ) : (
              <ul className="divide-y divide-stone-200 rounded-md border border-stone-200">
                {slot.workshops.map((w, i) => (
                  <li key={w.id} className="space-y-2 p-3">
                    <h3 className="font-semibold">{w.title}</h3>
                    <p className="text-sm text-stone-700">
                      {w.room && <>{t('events.programme.room', { room: w.room })} · </>}
                      {w.capacity === null
                        ? t('events.programme.seatsUnlimited', { taken: w.seatsTaken })
                        : t('events.programme.seats', { taken: w.seatsTaken, capacity: w.capacity })}
                    </p>
                    {w.description && <p className="whitespace-pre-line text-sm">{w.description}</p>}
                    {event.editable && (
                      <div className="flex flex-wrap items-start gap-2">
                        {i > 0 && (
                          <InlineActionForm
                            intent="workshop.move"
                            fields={{ workshopId: w.id, direction: 'up' }}
                            label="↑"
                            accessibleLabel={t('events.programme.moveUp', { title: w.title })}
                          />
                        )}
                        {i < slot.workshops.length - 1 && (
                          <InlineActionForm
                            intent="workshop.move"
                            fields={{ workshopId: w.id, direction: 'down' }}
                            label="↓"
                            accessibleLabel={t('events.programme.moveDown', { title: w.title })}
                          />
                        )}
                        {w.seatsTaken === 0 && (
                          <InlineActionForm
                            intent="workshop.delete"
                            fields={{ workshopId: w.id }}
                            label={t('events.form.delete')}
                            accessibleLabel={t('events.programme.deleteWorkshop', { title: w.title })}
                            danger
                          />
                        )}
                        <details
                          key={`${w.title}|${w.room}|${w.capacity}|${w.description}`}
                          className="w-full"
                          open={result?.formKey === `workshop-${w.id}`}
                        >
                          <summary className="link cursor-pointer text-sm">
                            {t('events.programme.editWorkshop', { title: w.title })}
                          </summary>
                          <div className="mt-3">
                            <WorkshopForm
                              formKey={`workshop-${w.id}`}
                              intent="workshop.update"
                              slotId={slot.id}
                              slots={slotOptions}
                              workshop={w}
                            />
                          </div>
                        </details>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}

            {event.editable && (
              <div className="space-y-3">
                {/* Keyed by the count so that, once saved, the form comes back empty and closed. */}
                <details key={slot.workshops.length} open={result?.formKey === `workshop-new-${slot.id}`}>
                  <summary className="link cursor-pointer">{t('events.programme.addWorkshopTo', { slot: slot.label })}</summary>
                  <div className="mt-3">
                    <WorkshopForm formKey={`workshop-new-${slot.id}`} intent="workshop.create" slotId={slot.id} slots={slotOptions} />
                  </div>
                </details>
                <details key={`${slot.label}|${slot.startsAt}|${slot.endsAt}`} open={result?.formKey === `slot-${slot.id}`}>
                  <summary className="link cursor-pointer">{t('events.programme.editSlot', { slot: slot.label })}</summary>
                  <div className="mt-3 space-y-3">
                    <SlotForm formKey={`slot-${slot.id}`} intent="slot.update" slot={slot} defaults={event} timeZone={event.timeZone} />
                    {slot.workshops.every((w) => w.seatsTaken === 0) && (
                      <InlineActionForm
                        intent="slot.delete"
                        fields={{ slotId: slot.id }}
                        label={t('events.programme.deleteSlot')}
                        accessibleLabel={t('events.programme.deleteSlotNamed', { slot: slot.label })}
                        danger
                      />
                    )}
                  </div>
                </details>
              </div>
            )}
          </section>
        ))}

        {event.editable && (
          <section aria-labelledby="new-slot-title" className="card space-y-3">
            <h2 id="new-slot-title" className="text-xl font-semibold">
              {t('events.programme.newSlot')}
            </h2>
            <SlotForm key={slots.length} formKey="slot-new" intent="slot.create" defaults={event} timeZone={event.timeZone} />
          </section>
        )}
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
