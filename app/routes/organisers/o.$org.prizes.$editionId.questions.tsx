// The edition's extra questions on the nomination form, in the order they are asked.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { questionsAction, type QuestionsReply } from '#app/route-support/questions.server.ts'
import { PRIZE_LIMITS, prizeQuestionFormSchema } from '#app/modules/prizes/schema.ts'
import { QUESTION_TYPES } from '#app/shared/questions.ts'
import { createPrizeQuestion, deletePrizeQuestion, movePrizeQuestion, updatePrizeQuestion } from '#app/modules/prizes/service.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formErrorMessage } from '#app/shared/form-message.ts'
import { QuestionForm as SharedQuestionForm, QuestionList, type QuestionRow } from '#app/ui/question-form.tsx'
import { translate, type MessageKey } from '#app/utils/i18n.ts'

const questionTypeLabelKey = (type: string) => `prize.questionType.${type}` as MessageKey

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'prizes.questions.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    questions: edition.questions.map((q) => ({
      id: q.id,
      label: q.label,
      help: q.help ?? '',
      type: q.type,
      required: q.required,
      options: q.options,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'prize.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const actor = { actorUserId: user.id, request }
  return questionsAction(request, await request.formData(), {
    schema: prizeQuestionFormSchema,
    create: (input) => createPrizeQuestion(organisation.id, edition.id, input, actor),
    update: (id, input) => updatePrizeQuestion(organisation.id, edition.id, id, input, actor),
    remove: (id) => deletePrizeQuestion(organisation.id, edition.id, id, actor),
    move: (id, direction) => movePrizeQuestion(organisation.id, edition.id, id, direction, actor),
    toasts: {
      created: 'prizes.toast.questionCreated',
      updated: 'prizes.toast.questionUpdated',
      deleted: 'prizes.toast.questionDeleted',
      moved: 'prizes.toast.questionMoved',
    },
    unknownAction: 'prizes.error.unknownAction',
  })
}

function QuestionForm({ formKey, question }: { formKey: string; question?: QuestionRow }) {
  const t = useT()
  const reply = useActionData<QuestionsReply>()
  return (
    <SharedQuestionForm
      formKey={formKey}
      question={question}
      schema={prizeQuestionFormSchema}
      lastResult={reply?.formKey === formKey ? reply.result : null}
      limits={PRIZE_LIMITS}
      types={QUESTION_TYPES.map((type) => ({ value: type, label: t(questionTypeLabelKey(type)) }))}
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
  const result = useActionData<QuestionsReply>()
  // The one-button forms (move, delete) report at the top of the page.
  const pageErrors =
    result?.formKey === 'page'
      ? Object.values(result.result.error ?? {}).flatMap((m) => (m ?? []).map((text) => formErrorMessage(t, text)))
      : []
  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} heading={t('prizes.questions.title')} />
      <div className="space-y-6">
        <p className="text-stone-700">{t('prizes.questions.intro')}</p>
        {!edition.editable && <p className="card">{t('prizes.error.readOnly')}</p>}
        <FormErrorSummary errors={pageErrors} />
        <QuestionList
          questions={questions}
          editable={edition.editable}
          openFormKey={result?.formKey}
          form={(formKey, question) => <QuestionForm formKey={formKey} question={question} />}
          labels={{
            empty: t('prizes.questions.empty'),
            number: (n) => t('prizes.questions.number', { n }),
            type: (type) => t(questionTypeLabelKey(type)),
            isRequired: t('prizes.questions.isRequired'),
            isOptional: t('prizes.questions.isOptional'),
            moveUp: (label) => t('prizes.questions.moveUp', { label }),
            moveDown: (label) => t('prizes.questions.moveDown', { label }),
            delete: t('prizes.questions.delete'),
            deleteNamed: (label) => t('prizes.questions.deleteNamed', { label }),
            edit: () => t('prizes.questions.edit'),
            newQuestion: t('prizes.questions.add'),
          }}
        />
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
