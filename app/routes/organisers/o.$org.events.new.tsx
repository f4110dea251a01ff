// A new event, saved as a draft: the organiser adds the programme and the questions, then publishes.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { EVENT_FORM_DEFAULTS, EventFormFields } from '#app/modules/events/event-form.tsx'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { appErrorToFieldErrors, translateErrors } from '#app/utils/form-errors.ts'
import { formValues } from '#app/utils/route-forms.server.ts'
import { eventFormSchema, fieldErrorsOf } from '#app/modules/events/schema.ts'
import { createEvent } from '#app/modules/events/service.server.ts'
import { allMessages, eventPath } from '#app/modules/events/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
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
  const locale = localeFromRequest(request)
  const formData = await request.formData()
  const values = formValues(formData)
  const parsed = eventFormSchema.safeParse(values)
  if (!parsed.success) {
    return data({ values, errors: translateErrors(locale, fieldErrorsOf(parsed.error)) }, { status: 400 })
  }
  try {
    const event = await createEvent(organisation.id, parsed.data, { actorUserId: user.id, request })
    return redirectWithToast(request, eventPath(organisation.slug, event.id), { type: 'success', key: 'events.toast.created' })
  } catch (error) {
    if (isAppError(error) && error.status < 500)
      return data({ values, errors: appErrorToFieldErrors(locale, error) }, { status: error.status })
    throw error
  }
}

export default function NewEvent() {
  const t = useT()
  const { organisation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors = actionData?.errors ?? {}
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
      <Form method="post" noValidate className="space-y-6">
        <FormErrorSummary errors={allMessages(errors)} />
        <EventFormFields values={actionData?.values ?? EVENT_FORM_DEFAULTS} errors={errors} />
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
