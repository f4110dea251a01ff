// A new event, saved as a draft: the organiser adds the programme and the questions, then publishes.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { EVENT_FIELD_IDS, EVENT_FORM_DEFAULTS, EventFormFields, eventFormState } from '#app/modules/events/event-form.tsx'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { eventFormSchema } from '#app/modules/events/schema.ts'
import { createEvent } from '#app/modules/events/service.server.ts'
import { eventPath } from '#app/modules/events/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'events.new.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'event.create')
  return { organisation: { slug: organisation.slug, name: organisation.name } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'event.create')
  const formData = await request.formData()
  return submitForm(request, formData, eventFormSchema, async (value) => {
    const event = await createEvent(organisation.id, value, { actorUserId: user.id, request })
    return redirectWithToast(request, eventPath(organisation.slug, event.id), { type: 'success', key: 'events.toast.created' })
  })
}

export default function NewEvent() {
  const t = useT()
  const { organisation } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form] = useZodForm(eventFormSchema, { id: 'event-form', lastResult: actionData?.result, defaultValue: EVENT_FORM_DEFAULTS })
  const translateError = (e: string) => t(e as MessageKey)
  const { values, errors } = eventFormState(form, translateError)
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link to={`/o/${organisation.slug}/events`} className="link text-sm">
            <span aria-hidden="true">← </span>
            {t('events.nav.backToList')}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t('events.new.title')}</h1>
        <p className="text-stone-700">{t('events.new.intro')}</p>
      </header>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormErrorSummary links={summaryEntries(form, EVENT_FIELD_IDS, translateError)} />
        <EventFormFields values={values} errors={errors} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('events.new.submit')}
          </button>
          <Link to={`/o/${organisation.slug}/events`} className="btn-secondary">
            {t('events.form.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
