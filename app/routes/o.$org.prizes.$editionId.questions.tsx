// The edition's extra questions on the nomination form, in the order they are asked.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { formValues, loadOrganiserEdition, questionsAction, requirePrizeOrganiser } from '#app/modules/prizes/route-support.server.ts'
import { PRIZE_LIMITS, PRIZE_QUESTION_TYPES, prizeQuestionFormSchema } from '#app/modules/prizes/schema.ts'
import { createPrizeQuestion, deletePrizeQuestion, movePrizeQuestion, updatePrizeQuestion } from '#app/modules/prizes/service.server.ts'
import { InlineActionForm } from '#app/modules/events/ui.tsx'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { QuestionForm as SharedQuestionForm, type QuestionRow } from '#app/ui/question-form.tsx'
import { translate, type MessageKey } from '#app/utils/i18n.ts'

const questionTypeLabelKey = (type: string) => `prize.questionType.${type}` as MessageKey

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'prizes.questions.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePrizeOrganiser(request, params.org)
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    questions: edition.questions.map((q) => ({ id: q.id, label: q.label, help: q.help ?? '', type: q.type, required: q.required, options: q.options })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePrizeOrganiser(request, params.org)
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const actor = { actorUserId: user.id, request }
  return questionsAction(request, formValues(await request.formData()), {
    schema: prizeQuestionFormSchema,
    create: (input) => createPrizeQuestion(organisation.id, edition.id, input, actor),
    update: (id, input) => updatePrizeQuestion(organisation.id, edition.id, id, input, actor),
    remove: (id) => deletePrizeQuestion(organisation.id, edition.id, id, actor),
    move: (id, direction) => movePrizeQuestion(organisation.id, edition.id, id, direction, actor),
    toasts: { created: 'prizes.toast.questionCreated', updated: 'prizes.toast.questionUpdated', deleted: 'prizes.toast.questionDeleted', moved: 'prizes.toast.questionMoved' },
    unknownAction: 'prizes.error.unknownAction',
  })
}

function QuestionForm({ formKey, question }: { formKey: string; question?: QuestionRow }) {
  const t = useT()
  const all = useActionData<typeof action>()
  return (
    <SharedQuestionForm
      formKey={formKey}
      question={question}
      result={all?.formKey === formKey ? all : null}
      limits={PRIZE_LIMITS}
      types={PRIZE_QUESTION_TYPES.map((type) => ({ value: type, label: t(questionTypeLabelKey(type)) }))}
      labels={{
        label: t('prizes.questions.label'),
        help: t('prizes.questions.help'),
        type: t('prizes.questions.type'),
        options: t('prizes.questions.options'),
        optionsHelp: t('prizes.questions.optionsHelp'),
        required: t('prizes.questions.required'),
        save: t('prizes.form.save'),
        add: t('prizes.questions.add'),
      }}
    />
  )
}

export default function PrizeQuestions() {
  const t = useT()
  const { organisation, edition, questions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const pageError = result?.formKey === 'page' ? result.errors._form : null
  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} heading={t('prizes.questions.title')} />
      <div className="space-y-6">
        <p className="text-stone-700">{t('prizes.questions.intro')}</p>
        {!edition.editable && <p className="card">{t('prizes.error.readOnly')}</p>}
        {pageError && (
          <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {pageError.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
        {questions.length === 0 ? (
          <p className="card">{t('prizes.questions.empty')}</p>
        ) : (
          <ol className="space-y-3">
            {questions.map((q, i) => (
              <li key={q.id} className="card space-y-2">
                <h2 className="text-lg font-semibold">{q.label}</h2>
                <p className="text-sm text-stone-700">
                  {t(questionTypeLabelKey(q.type))} · {q.required ? t('prizes.questions.isRequired') : t('prizes.questions.isOptional')}
                </p>
                {q.help && <p className="text-sm">{q.help}</p>}
                {q.options.length > 0 && (
                  <ul className="list-disc pl-5 text-sm">
                    {q.options.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                )}
                {edition.editable && (
                  <div className="flex flex-wrap items-start gap-2">
                    {i > 0 && <InlineActionForm intent="question.move" fields={{ questionId: q.id, direction: 'up' }} label="↑" accessibleLabel={t('prizes.questions.moveUp', { label: q.label })} />}
                    {i < questions.length - 1 && (
                      <InlineActionForm intent="question.move" fields={{ questionId: q.id, direction: 'down' }} label="↓" accessibleLabel={t('prizes.questions.moveDown', { label: q.label })} />
                    )}
                    <InlineActionForm intent="question.delete" fields={{ questionId: q.id }} label={t('prizes.questions.delete')} accessibleLabel={t('prizes.questions.deleteNamed', { label: q.label })} danger />
                    <details className="w-full" key={`${q.label}|${q.help}|${q.type}|${q.required}|${q.options.join('|')}`} open={result?.formKey === `question-${q.id}`}>
                      <summary className="link cursor-pointer text-sm">{t('prizes.questions.edit')}</summary>
                      <div className="mt-3">
                        <QuestionForm formKey={`question-${q.id}`} question={q} />
                      </div>
                    </details>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
        {edition.editable && (
          <section aria-labelledby="new-question-title" className="card space-y-3">
            <h2 id="new-question-title" className="text-xl font-semibold">
              {t('prizes.questions.add')}
            </h2>
            <QuestionForm key={questions.length} formKey="question-new" />
          </section>
        )}
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
