// Editing an event. When the date, the place or the online link changes and people are
// registered, the organiser chooses whether to email them (with an optional message): ticked
// beforehand, or asked in a second step before anything is saved. A capacity that offers seats to
// the waiting list says how many beforehand (next to the field, live with JavaScript; else in the
// second step) and the saved page says how many offers went out.
import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { EVENT_FIELD_IDS, EventFormFields, eventFormState } from '#app/modules/events/event-form.tsx'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { eventFormSchema, eventToFormValues } from '#app/modules/events/schema.ts'
import { previewEventUpdate, updateEvent } from '#app/composition/events.server.ts'
import type { EventChange } from '#app/modules/events/service.server.ts'
import { EventPageHeader, eventPath, Notice } from '#app/modules/events/ui.tsx'
import { offersToMake } from '#app/modules/registrations/rules.ts'
import { capacityChangePreview, waitingListState } from '#app/modules/registrations/waiting-list.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { CheckboxField, FormErrorSummary, TextareaField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  const locale = root?.locale ?? 'fr'
  return [{ title: `${translate(locale, 'events.edit.title')}${d ? ` : ${d.event.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'event.edit')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  if (!event.editable) {
    throw await redirectWithToast(request, eventPath(organisation.slug, event.id), { type: 'error', key: 'events.error.readOnly' })
  }
  return {
    organisation: { slug: organisation.slug },
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable },
    values: eventToFormValues(event),
    registrants: event.counts.confirmed + event.counts.offered + event.counts.waitlisted,
    waitlist: await waitingListState(event.id),
  }
}

/** The second step: whom to notify of the changes, and how many waiting people the new capacity offers a seat to. */
type Ask = { changes: EventChange[]; registrants: number; offers: number }

type ActionData = FormReply & { ask?: Ask }

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'event.edit')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const formData = await request.formData()
  return submitForm(request, formData, eventFormSchema, async (value, submission) => {
    // "yes" or "no" from the buttons of the second step, "yes" from the ticked box; absent: not decided yet.
    const decision = formData.getAll('notify').map(String)
    const notify = decision.includes('no') ? false : decision.includes('yes') ? true : undefined
    const { published: _published, ...patch } = value
    // Offers to the waiting list go out only once the organiser has seen how many: the form sends
    // back the count it showed (offersSeen); when it differs, or without it, the second step says it.
    const offers =
      patch.capacity !== undefined && patch.capacity !== event.capacity ? (await capacityChangePreview(event.id, patch.capacity)).offers : 0
    const offersSeen = offers === 0 || formData.get('offersSeen') === String(offers)
    if (notify === undefined || !offersSeen) {
      const preview = await previewEventUpdate(organisation.id, event.id, patch)
      const askNotify = notify === undefined && preview.changes.length > 0 && preview.registrants > 0
      if (askNotify || !offersSeen) {
        const ask = askNotify ? { ...preview, offers: offersSeen ? 0 : offers } : { changes: [], registrants: 0, offers }
        return data<ActionData>({ result: submission.reply(), ask }, { status: 200 })
      }
    }
    const result = await updateEvent(organisation.id, event.id, patch, {
      actorUserId: user.id,
      request,
      notify: notify === true,
      message: String(formData.get('notifyMessage') ?? ''),
    })
    return redirectWithToast(
      request,
      eventPath(organisation.slug, event.id),
      result.waitlistOffers > 0
        ? result.notified > 0
          ? {
              type: 'success',
              key: 'waitlist.toast.updatedNotifiedOffers',
              params: { notified: result.notified, count: result.waitlistOffers },
            }
          : { type: 'success', key: 'waitlist.toast.updatedOffers', params: { count: result.waitlistOffers } }
        : result.notified > 0
          ? { type: 'success', key: 'events.toast.updatedNotified', params: { count: result.notified } }
          : { type: 'success', key: 'events.toast.updated' },
    )
  })
}

type WaitlistState = ReturnType<typeof useLoaderData<typeof loader>>['waitlist']

/** The capacity typed in the form as the service reads it: empty is no limit; anything else not a capacity gives no hint. */
function capacityOf(text: string): number | null | undefined {
  if (!text.trim()) return null
  return /^\d+$/.test(text.trim()) && Number(text) >= 1 ? Number(text) : undefined
}

/**
 * Next to the capacity field: how many people wait, and, once the organiser types a new capacity
 * (with JavaScript), how many of them it offers a seat to; that count goes back with the form as
 * offersSeen. Without JavaScript the second step of the action says it instead.
 */
function CapacityNote({ waitlist, typed, asked }: { waitlist: WaitlistState; typed: string | null; asked: number }) {
  const t = useT()
  if (!waitlist.offersOnRaise || waitlist.waiting === 0) return null
  const capacity = typed === null ? waitlist.capacity : capacityOf(typed)
  const changed = capacity !== undefined && capacity !== waitlist.capacity
  const offers = changed ? offersToMake(capacity, waitlist.seatsTaken, waitlist.waiting) : 0
  return (
    <div id="event-capacity-waitlist" className="space-y-1 text-sm text-stone-800">
      <p>{t('waitlist.capacity.waiting', { count: waitlist.waiting })}</p>
      <p aria-live="polite" className="font-semibold">
        {changed && (offers > 0 ? t('waitlist.capacity.offers', { count: offers }) : t('waitlist.capacity.noOffers'))}
      </p>
      {(changed || asked > 0) && <input type="hidden" name="offersSeen" value={changed ? offers : asked} />}
    </div>
  )
}

function ChangeList({ changes }: { changes: EventChange[] }) {
  const t = useT()
  return <>{changes.map((c) => t(`events.edit.change.${c}` as MessageKey)).join(', ')}</>
}

export default function EditEvent() {
  const t = useT()
  const { organisation, event, values, registrants, waitlist } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const [form] = useZodForm(eventFormSchema, { id: 'event-form', lastResult: actionData?.result, defaultValue: values })
  const translateError = (e: string) => t(e as MessageKey)
  const state = eventFormState(form, translateError)
  const ask = actionData?.ask ?? null
  const askNotify = ask !== null && ask.changes.length > 0
  // The capacity as typed, once the organiser changes it (null until then, and without JavaScript).
  const [typedCapacity, setTypedCapacity] = useState<string | null>(null)
  const base = eventPath(organisation.slug, event.id)
  return (
    <div>
      <EventPageHeader orgSlug={organisation.slug} event={event} heading={t('events.edit.title')} />
      <Form
        method="post"
        {...getFormProps(form)}
        className="space-y-6"
        onInput={(e) => {
          const input = e.target as HTMLInputElement
          if (input.name === 'capacity') setTypedCapacity(input.value)
        }}
      >
        <FormErrorSummary links={summaryEntries(form, EVENT_FIELD_IDS, translateError)} />
        {ask && ask.offers > 0 && (
          <Notice tone="warning">
            <p className="font-semibold">{t('waitlist.capacity.askTitle')}</p>
            <p>
              {t('waitlist.capacity.askBody', { count: ask.offers })}{' '}
              <a href="#event-capacity" className="link">
                {t('event.field.capacity')}
              </a>
            </p>
          </Notice>
        )}
        {askNotify && (
          <Notice tone="warning">
            <p className="font-semibold">
              {t('events.edit.askTitle')} <ChangeList changes={ask.changes} />.
            </p>
            <p>
              {t('events.edit.askBody', { count: ask.registrants })}{' '}
              <a href="#notify-title" className="link">
                {t('events.edit.askJump')}
              </a>
            </p>
          </Notice>
        )}
        <EventFormFields
          values={state.values}
          errors={state.errors}
          capacityNote={<CapacityNote waitlist={waitlist} typed={typedCapacity} asked={ask?.offers ?? 0} />}
        />

        {registrants > 0 && (
          <fieldset className={`card space-y-4 ${askNotify ? 'border-2 border-amber-700' : ''}`}>
            <legend id="notify-title" className="px-1 text-lg font-semibold">
              {t('events.edit.notifyLegend')}
            </legend>
            <p className="text-sm text-stone-700">{t('events.edit.notifyHelp', { count: registrants })}</p>
            {!askNotify && (
              <CheckboxField
                label={t('events.edit.notifyLabel')}
                name="notify"
                value="yes"
                id="notify"
                defaultChecked={state.values.notify === 'yes'}
              />
            )}
            <TextareaField
              label={t('events.edit.notifyMessage')}
              help={t('events.edit.notifyMessageHelp')}
              name="notifyMessage"
              id="notifyMessage"
              rows={3}
              maxLength={2000}
              defaultValue={state.values.notifyMessage ?? ''}
            />
          </fieldset>
        )}

        <div className="flex flex-wrap gap-3">
          {askNotify ? (
            <>
              <button type="submit" name="notify" value="yes" className="btn-primary" disabled={busy}>
                {t('events.edit.saveAndNotify', { count: ask.registrants })}
              </button>
              <button type="submit" name="notify" value="no" className="btn-secondary" disabled={busy}>
                {t('events.edit.saveWithoutNotify')}
              </button>
            </>
          ) : (
            <button type="submit" className="btn-primary" disabled={busy}>
              {ask && ask.offers > 0 ? t('waitlist.capacity.save') : t('events.edit.submit')}
            </button>
          )}
          <Link to={base} className="btn-secondary">
            {t('events.form.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
