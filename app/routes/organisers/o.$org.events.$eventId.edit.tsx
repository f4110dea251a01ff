// Editing an event. When the date, the place or the online link changes and people are
// registered, the organiser chooses whether to email them (with an optional message): ticked
// beforehand, or asked in a second step before anything is saved.
import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { EVENT_FIELD_IDS, EventFormFields, eventFormState } from '#app/modules/events/event-form.tsx'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { eventFormSchema, eventToFormValues } from '#app/modules/events/schema.ts'
import { previewEventUpdate, updateEvent } from '#app/composition/events.server.ts'
import type { EventChange } from '#app/modules/events/service.server.ts'
import { EventPageHeader, eventPath, Notice } from '#app/modules/events/ui.tsx'
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
  }
}

type Ask = { changes: EventChange[]; registrants: number }

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
    if (notify === undefined) {
      const preview = await previewEventUpdate(organisation.id, event.id, patch)
      if (preview.changes.length > 0 && preview.registrants > 0) {
        return data<ActionData>({ result: submission.reply(), ask: preview }, { status: 200 })
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
      result.notified > 0
        ? { type: 'success', key: 'events.toast.updatedNotified', params: { count: result.notified } }
        : { type: 'success', key: 'events.toast.updated' },
    )
  })
}

function ChangeList({ changes }: { changes: EventChange[] }) {
  const t = useT()
  return <>{changes.map((c) => t(`events.edit.change.${c}` as MessageKey)).join(', ')}</>
}

export default function EditEvent() {
  const t = useT()
  const { organisation, event, values, registrants } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const [form] = useZodForm(eventFormSchema, { id: 'event-form', lastResult: actionData?.result, defaultValue: values })
  const translateError = (e: string) => t(e as MessageKey)
  const state = eventFormState(form, translateError)
  const ask = actionData?.ask ?? null
  const base = eventPath(organisation.slug, event.id)
  return (
    <div>
      <EventPageHeader orgSlug={organisation.slug} event={event} heading={t('events.edit.title')} />
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormErrorSummary links={summaryEntries(form, EVENT_FIELD_IDS, translateError)} />
        {ask && (
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
        <EventFormFields values={state.values} errors={state.errors} />

        {registrants > 0 && (
          <fieldset className={`card space-y-4 ${ask ? 'border-2 border-amber-700' : ''}`}>
            <legend id="notify-title" className="px-1 text-lg font-semibold">
              {t('events.edit.notifyLegend')}
            </legend>
            <p className="text-sm text-stone-700">{t('events.edit.notifyHelp', { count: registrants })}</p>
            {!ask && (
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
          {ask ? (
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
              {t('events.edit.submit')}
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
