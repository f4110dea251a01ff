// One survey of an event: its questions (from the bank or new, in order) while it is a draft,
// sending it to those who attended, and its results per question, printable and exportable.
import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { attendanceOf } from '#app/modules/attendance/attended.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EventPageHeader, eventPath } from '#app/modules/events/ui.tsx'
import { questionFormSchema, questionSchema } from '#app/modules/surveys/schema.ts'
import {
  addSurveyQuestion,
  listBankQuestions,
  moveSurveyQuestion,
  removeSurveyQuestion,
  sendSurvey,
  surveyResultsOf,
} from '#app/modules/surveys/service.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { QuestionFields } from '#app/route-support/survey-forms.tsx'
import { loadEventSurvey } from '#app/route-support/surveys.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { SelectField } from '#app/ui/forms.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'surveys.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'survey.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const survey = await loadEventSurvey(event.id, params.surveyId)
  const [results, bank, attended] = await Promise.all([
    surveyResultsOf(event.id, survey.id, localeFromRequest(request)),
    listBankQuestions(organisation.id),
    attendanceOf(event.id),
  ])
  return {
    org: organisation.slug,
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable },
    survey: { id: survey.id, kind: survey.kind, anonymous: survey.anonymous, sent: survey.sentAt !== null, questions: survey.questions },
    bank: bank.map((q) => ({ id: q.id, label: q.labelFr })),
    attendees: attended.size,
    results: { invited: results.invited, answered: results.answered, responseRate: results.responseRate, questions: results.questions },
  }
}

const addFromBankSchema = z.object({ intent: z.literal('addFromBank'), bankQuestionId: z.string().min(1) })
const moveSchema = z.object({ intent: z.enum(['up', 'down', 'remove']), questionId: z.string().min(1) })
const sendSchema = z.object({ intent: z.literal('send') })

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'survey.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const survey = await loadEventSurvey(event.id, params.surveyId)
  const back = eventPath(organisation.slug, event.id, `surveys/${survey.id}`)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'addFromBank')
    return submitForm(request, formData, addFromBankSchema, async (value) => {
      await addSurveyQuestion(organisation.id, event.id, survey.id, { bankQuestionId: value.bankQuestionId })
      return redirectWithToast(request, back, { type: 'success', key: 'surveys.toast.questionAdded' })
    })
  if (intent === 'up' || intent === 'down' || intent === 'remove')
    return submitForm(request, formData, moveSchema, async (value) => {
      if (value.intent === 'remove') await removeSurveyQuestion(event.id, survey.id, value.questionId)
      else await moveSurveyQuestion(event.id, survey.id, value.questionId, value.intent)
      return redirectWithToast(request, back, {
        type: 'success',
        key: value.intent === 'remove' ? 'surveys.toast.questionRemoved' : 'surveys.toast.questionMoved',
      })
    })
  if (intent === 'send')
    return submitForm(request, formData, sendSchema, async () => {
      const { invited } = await sendSurvey(event.id, survey.id)
      return redirectWithToast(request, back, { type: 'success', key: 'surveys.toast.sent', params: { count: invited } })
    })
  return submitForm(request, formData, questionSchema, async (value) => {
    await addSurveyQuestion(organisation.id, event.id, survey.id, value)
    return redirectWithToast(request, back, { type: 'success', key: 'surveys.toast.questionAdded' })
  })
}

export default function SurveyPage() {
  const t = useT()
  const { org, event, survey, bank, attendees, results } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const [form, fields] = useZodForm(questionFormSchema, { id: 'survey-question', lastResult: actionData?.result })
  const base = eventPath(org, event.id, `surveys/${survey.id}`)
  const heading = t('surveys.survey.heading', {
    kind: t(survey.kind === 'hot' ? 'surveys.survey.hot' : 'surveys.survey.cold'),
    mode: t(survey.anonymous ? 'surveys.survey.anonymousYes' : 'surveys.survey.anonymousNo'),
  })
  return (
    <div className="space-y-6">
      <div className="print:hidden">
        <EventPageHeader orgSlug={org} event={event} heading={heading} />
      </div>
      {actionData?.result.error?.[''] && (
        <p role="alert" className="field-error">
          {actionData.result.error[''].map((e) => t(e as Parameters<typeof t>[0])).join(' ')}
        </p>
      )}
      <section className="card space-y-3 print:hidden" aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="text-xl font-semibold">
          {t('surveys.questions.title')}
        </h2>
        {survey.questions.length === 0 ? (
          <p>{t('surveys.questions.empty')}</p>
        ) : (
          <ol className="list-decimal space-y-2 pl-6">
            {survey.questions.map((q) => (
              <li key={q.id}>
                <span className="font-medium">{q.labelFr}</span>{' '}
                <span className="text-sm text-stone-600">({t(`surveys.kind.${q.kind}`)})</span>
                {!survey.sent && (
                  <span className="ml-2 inline-flex flex-wrap gap-2">
                    <InlineActionForm
                      intent="up"
                      fields={{ questionId: q.id }}
                      label="↑"
                      accessibleLabel={t('surveys.questions.up', { label: q.labelFr })}
                    />
                    <InlineActionForm
                      intent="down"
                      fields={{ questionId: q.id }}
                      label="↓"
                      accessibleLabel={t('surveys.questions.down', { label: q.labelFr })}
                    />
                    <InlineActionForm
                      intent="remove"
                      fields={{ questionId: q.id }}
                      label={t('surveys.delete')}
                      accessibleLabel={t('surveys.questions.remove', { label: q.labelFr })}
                      danger
                    />
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
        {!survey.sent && bank.length > 0 && (
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="addFromBank" />
            <SelectField
              name="bankQuestionId"
              label={t('surveys.questions.pick')}
              options={bank.map((q) => ({ value: q.id, label: q.label }))}
            />
            <button type="submit" className="btn-secondary">
              {t('surveys.questions.add')}
            </button>
          </Form>
        )}
        {!survey.sent && (
          <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-200 pt-3">
            <h3 className="font-semibold">{t('surveys.questions.new')}</h3>
            <QuestionFields fields={fields} />
            <label className="flex items-center gap-2">
              <input type="checkbox" name={fields.saveToBank.name} />
              {t('surveys.question.saveToBank')}
            </label>
            <button type="submit" className="btn-secondary">
              {t('surveys.questions.add')}
            </button>
          </Form>
        )}
      </section>
      <section className="card space-y-3 print:hidden" aria-labelledby="send-heading">
        <h2 id="send-heading" className="text-xl font-semibold">
          {t('surveys.send.title')}
        </h2>
        <p>{t('surveys.send.attendees', { count: attendees })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="send" />
          <button type="submit" className="btn-primary" disabled={attendees === 0 || survey.questions.length === 0}>
            {survey.sent ? t('surveys.send.again') : t('surveys.send.submit')}
          </button>
        </Form>
      </section>
      <section className="space-y-4" aria-labelledby="results-heading">
        <h2 id="results-heading" className="text-2xl font-semibold">
          <span className="hidden print:inline">{event.title} — </span>
          {t('surveys.results.title')}
        </h2>
        <p data-testid="response-rate">
          {t('surveys.results.rate', { rate: results.responseRate, answered: results.answered, invited: results.invited })}
        </p>
        <p className="flex flex-wrap gap-3 print:hidden">
          <a href={`${base}.csv`} className="btn-secondary" download>
            {t('surveys.results.csv')}
          </a>
          <a href={`${base}.xlsx`} className="btn-secondary" download>
            {t('surveys.results.xlsx')}
          </a>
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            {t('surveys.results.print')}
          </button>
        </p>
        {results.questions.map((q) => (
          <article key={q.questionId} className="card break-inside-avoid space-y-2">
            <h3 className="font-semibold">
              {q.position}. {q.label}
            </h3>
            <p className="text-sm text-stone-700">
              {t('surveys.results.answered', { count: q.answered })}
              {q.mean !== null && <> · {t('surveys.results.mean', { mean: q.mean })}</>}
            </p>
            {q.distribution.length > 0 && (
              <table className="w-full text-sm">
                <thead>
                  <tr>
                    <th scope="col" className="text-left">
                      {t('surveys.results.answer')}
                    </th>
                    <th scope="col" className="text-right">
                      {t('surveys.results.count')}
                    </th>
                    <th scope="col" className="text-right">
                      {t('surveys.results.percent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {q.distribution.map((d) => (
                    <tr key={d.label}>
                      <th scope="row" className="text-left font-normal">
                        {d.label}
                      </th>
                      <td className="text-right">{d.count}</td>
                      <td className="text-right">{d.percent} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {q.texts.length > 0 && (
              <>
                <h4 className="text-sm font-semibold">{t('surveys.results.texts')}</h4>
                <ul className="list-disc space-y-1 pl-6">
                  {q.texts.map((text, i) => (
                    <li key={i}>{text}</li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
