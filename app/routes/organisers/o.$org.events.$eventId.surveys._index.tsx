// An event's satisfaction surveys: the list with their response counts, and a new survey
// ("à chaud" or "à froid", anonymous or named, open and close dates, reminder days).
import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EventPageHeader, eventPath } from '#app/modules/events/ui.tsx'
import { parseReminderDays } from '#app/modules/surveys/rules.ts'
import { surveySettingsSchema } from '#app/modules/surveys/schema.ts'
import { createSurvey, listSurveys } from '#app/modules/surveys/service.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { SurveySettingsFields } from '#app/route-support/survey-forms.tsx'
import { formatLocalDateTime, formatShortDateTime, parseLocalDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { AppError } from '#app/utils/errors.ts'
import { translate } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'surveys.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'survey.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const surveys = await listSurveys(event.id)
  return {
    org: organisation.slug,
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable, timeZone: event.timeZone },
    defaults: {
      opensAt: formatLocalDateTime(event.endsAt, event.timeZone),
      closesAt: formatLocalDateTime(new Date(event.endsAt.getTime() + 14 * 86_400_000), event.timeZone),
    },
    surveys: surveys.map((s) => ({
      ...s,
      opensAt: s.opensAt.toISOString(),
      closesAt: s.closesAt.toISOString(),
      sentAt: s.sentAt?.toISOString() ?? null,
    })),
  }
}

/** The settings form's value as the service's settings, dates read in the event's time zone. */
export function settingsFrom(
  value: { kind: 'hot' | 'cold'; anonymous: boolean; opensAt: string; closesAt: string; reminderDays: string },
  timeZone: string,
) {
  const opensAt = parseLocalDateTime(value.opensAt, timeZone)
  const closesAt = parseLocalDateTime(value.closesAt, timeZone)
  if (!opensAt || !closesAt)
    throw new AppError({
      status: 400,
      code: 'invalid',
      messageKey: 'surveys.error.closesBeforeOpens',
      fields: { closesAt: ['surveys.error.closesBeforeOpens'] },
    })
  return { kind: value.kind, anonymous: value.anonymous, opensAt, closesAt, reminderDays: parseReminderDays(value.reminderDays) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'survey.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  return submitForm(request, await request.formData(), surveySettingsSchema, async (value) => {
    const survey = await createSurvey(event.id, settingsFrom(value, event.timeZone))
    return redirectWithToast(request, eventPath(organisation.slug, event.id, `surveys/${survey.id}`), {
      type: 'success',
      key: 'surveys.toast.created',
    })
  })
}

export default function EventSurveys() {
  const t = useT()
  const locale = useLocale()
  const { org, event, surveys, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const [form, fields] = useZodForm(surveySettingsSchema, {
    id: 'new-survey',
    lastResult: actionData?.result,
    defaultValue: { kind: 'hot', anonymous: 'yes', reminderDays: '3,7', ...defaults },
  })
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={org} event={event} heading={t('surveys.title')} />
      <p>
        <Link to={`/o/${org}/surveys/questions`} className="underline">
          {t('surveys.bank.link')}
        </Link>
      </p>
      {surveys.length === 0 ? (
        <p>{t('surveys.list.empty')}</p>
      ) : (
        <ul className="space-y-2">
          {surveys.map((s) => (
            <li key={s.id} className="card">
              <Link to={eventPath(org, event.id, `surveys/${s.id}`)} className="font-semibold underline">
                {t('surveys.survey.heading', {
                  kind: t(s.kind === 'hot' ? 'surveys.survey.hot' : 'surveys.survey.cold'),
                  mode: t(s.anonymous ? 'surveys.survey.anonymousYes' : 'surveys.survey.anonymousNo'),
                })}
              </Link>
              <p className="text-sm text-stone-700">
                {s.sentAt
                  ? t('surveys.list.sent', { date: formatShortDateTime(locale, s.sentAt, event.timeZone) })
                  : t('surveys.list.draft')}{' '}
                · {t('surveys.list.summary', { questions: s.questions, answered: s.answered, invited: s.invited })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <h2 className="text-xl font-semibold">{t('surveys.new.title')}</h2>
        <SurveySettingsFields fields={fields} />
        <button type="submit" className="btn-primary">
          {t('surveys.new.submit')}
        </button>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
