// A satisfaction survey from the personal link in its email: one form, without JavaScript, usable
// on a phone. Anonymous surveys are answered once ("merci" afterwards); named ones may be changed
// until they close, the earlier answers filled in.
import { getFormProps, useForm } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { answerSchema, answersFromForm } from '#app/modules/surveys/schema.ts'
import { submitSurveyResponse, surveyPage } from '#app/modules/surveys/service.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ChoiceGroup, FormErrorSummary, TextareaField } from '#app/ui/forms.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin', 'X-Robots-Tag': 'noindex' }

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'surveys.answer.title', { title: d?.eventTitle ?? '' })
  return [{ title: `${title} — Essor` }, { name: 'robots', content: 'noindex' }]
}

async function pageOr404(token: string) {
  try {
    return await surveyPage(token)
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    throw error
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await pageOr404(params.token ?? '')
  return data({ ...page, closesAt: page.closesAt.toISOString(), answeredAt: page.answeredAt?.toISOString() ?? null }, { headers: PRIVATE })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const limit = await limitPublicForm(request, 'survey-answer')
  if (!limit.allowed) throw new Response('Too many requests', { status: 429, headers: retryAfterHeaders(limit) })
  const token = params.token ?? ''
  const page = await pageOr404(token)
  const formData = await request.formData()
  return submitForm(request, formData, answerSchema(page.questions), async (value) => {
    await submitSurveyResponse(token, answersFromForm(page.questions, value as Record<string, unknown>))
    return data({ done: true as const }, { headers: PRIVATE })
  })
}

export default function SurveyAnswerPage() {
  const t = useT()
  const locale = useLocale()
  const page = useLoaderData<typeof loader>()
  const actionData = useActionData<{ done: true } | FormReply>()
  const busy = useNavigation().state === 'submitting'
  const justAnswered = actionData && 'done' in actionData
  const [form, fields] = useForm({ id: 'survey-answer', lastResult: actionData && 'result' in actionData ? actionData.result : null })
  const label = (q: { labelFr: string; labelEn: string }) => (locale === 'en' && q.labelEn ? q.labelEn : q.labelFr)
  const answered = justAnswered || page.answeredAt !== null
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('surveys.answer.title', { title: page.eventTitle })}</h1>
      {page.state === 'closed' && <p className="card">{t('surveys.answer.closed')}</p>}
      {page.state === 'notOpen' && <p className="card">{t('surveys.answer.notOpen')}</p>}
      {answered && (
        <p role="status" className="card font-semibold">
          {page.anonymous ? t('surveys.answer.thanks') : t('surveys.answer.thanksNamed')}
        </p>
      )}
      {page.canAnswer && !(justAnswered && page.anonymous) && (
        <section className="card space-y-4">
          <p>{t('surveys.answer.intro', { name: page.firstName })}</p>
          <p className="text-sm text-stone-700">
            {page.anonymous
              ? t('surveys.answer.anonymous')
              : t('surveys.answer.named', { deadline: formatDateTime(locale, page.closesAt, page.timeZone) })}
          </p>
          <FormErrorSummary errors={(form.errors ?? []).map((e) => t(e as MessageKey))} />
          <Form method="post" {...getFormProps(form)} className="space-y-6">
            {page.questions.map((q, index) => {
              const name = `q-${q.id}`
              const previous = page.previous[q.id]
              const errors = (fields as Record<string, { errors?: string[] } | undefined>)[name]?.errors
              const legend = `${index + 1}. ${label(q)}`
              if (q.kind === 'text')
                return (
                  <TextareaField
                    key={q.id}
                    id={name}
                    name={name}
                    label={legend}
                    rows={4}
                    maxLength={5000}
                    defaultValue={previous?.text ?? ''}
                    errors={errors}
                  />
                )
              if (q.kind === 'rating')
                return (
                  <ChoiceGroup
                    key={q.id}
                    id={name}
                    name={name}
                    type="radio"
                    legend={legend}
                    errors={errors}
                    defaultValue={previous?.rating ? String(previous.rating) : undefined}
                    options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`surveys.answer.rating.${n}` as MessageKey) }))}
                  />
                )
              return (
                <ChoiceGroup
                  key={q.id}
                  id={name}
                  name={name}
                  type={q.kind === 'single' ? 'radio' : 'checkbox'}
                  legend={legend}
                  errors={errors}
                  defaultValue={(previous?.choices ?? []).map(String)}
                  options={q.options.map((o, i) => ({ value: String(i), label: label({ labelFr: o.fr, labelEn: o.en }) }))}
                />
              )
            })}
            <button type="submit" className="btn-primary w-full px-6 py-3 text-base sm:w-auto" disabled={busy}>
              {answered ? t('surveys.answer.update') : t('surveys.answer.submit')}
            </button>
          </Form>
        </section>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
