// The organiser's own questions on the registration form, in the order they are asked.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { questionsAction, type QuestionsReply } from '#app/route-support/questions.server.ts'
import { LIMITS, questionFormSchema } from '#app/modules/events/schema.ts'
import { QUESTION_TYPES } from '#app/shared/questions.ts'
import { createQuestion, deleteQuestion, moveQuestion, updateQuestion } from '#app/modules/events/service.server.ts'
import { EventPageHeader, Notice, questionTypeLabelKey } from '#app/modules/events/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formErrorMessage } from '#app/shared/form-message.ts'
import { QuestionForm as SharedQuestionForm, QuestionList, type QuestionRow } from '#app/ui/question-form.tsx'
import { translate } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'events.questions.title')}${d ? ` : ${d.event.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'event.edit')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  return {
    organisation: { slug: organisation.slug },
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable },
    registrations: event.counts.confirmed + event.counts.waitlisted + event.counts.offered + event.counts.cancelled,
    questions: event.questions.map((q) => ({
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
  const { organisation, user } = await requirePermission(request, params.org, 'event.edit')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const actor = { actorUserId: user.id, request }
  return questionsAction(request, await request.formData(), {
    schema: questionFormSchema,
    create: (input) => createQuestion(organisation.id, event.id, input, actor),
    update: (id, input) => updateQuestion(organisation.id, event.id, id, input, actor),
    remove: (id) => deleteQuestion(organisation.id, event.id, id, actor),
    move: (id, direction) => moveQuestion(organisation.id, event.id, id, direction, actor),
    toasts: {
      created: 'events.toast.questionCreated',
      updated: 'events.toast.questionUpdated',
      deleted: 'events.toast.questionDeleted',
      moved: 'events.toast.questionMoved',
    },
    unknownAction: 'events.error.unknownAction',
  })
}

function QuestionForm({ formKey, question }: { formKey: string; question?: QuestionRow }) {
  const t = useT()
  const reply = useActionData<QuestionsReply>()
  return (
    <SharedQuestionForm
      formKey={formKey}
      question={question}
      schema={questionFormSchema}
      lastResult={reply?.formKey === formKey ? reply.result : null}
      limits={LIMITS}
      types={QUESTION_TYPES.map((type) => ({ value: type, label: t(questionTypeLabelKey(type)) }))}
      labels={{
        label: t('events.questions.label'),
        help: t('events.questions.help'),
        helpHelp: t('events.questions.helpHelp'),
        type: t('events.questions.type'),
        options: t('events.questions.options'),
        optionsHelp: t('events.questions.optionsHelp'),
        required: t('events.questions.required'),
        save: t('events.form.save'),
        add: t('events.questions.add'),
      }}
    />
  )
}

export default function Questions() {
  const t = useT()
  const { organisation, event, questions, registrations } = useLoaderData<typeof loader>()
  const result = useActionData<QuestionsReply>()
  // The one-button forms (move, delete) report at the top of the page.
  const pageErrors =
    result?.formKey === 'page'
      ? Object.values(result.result.error ?? {}).flatMap((m) => (m ?? []).map((text) => formErrorMessage(t, text)))
      : []
  return (
    <div>
      <EventPageHeader orgSlug={organisation.slug} event={event} heading={t('events.questions.title')} />
      <div className="space-y-6">
        <p className="text-stone-700">{t('events.questions.intro')}</p>
        {registrations > 0 && event.editable && <Notice tone="info">{t('events.questions.answersKept', { count: registrations })}</Notice>}
        {!event.editable && <Notice tone="info">{t('events.error.readOnly')}</Notice>}
        <FormErrorSummary errors={pageErrors} />

        <QuestionList
          questions={questions}
          editable={event.editable}
          openFormKey={result?.formKey}
          form={(formKey, question) => <QuestionForm formKey={formKey} question={question} />}
          labels={{
            empty: t('events.questions.empty'),
            number: (n) => t('events.questions.number', { n }),
            type: (type) => t(questionTypeLabelKey(type)),
            isRequired: t('events.questions.isRequired'),
            isOptional: t('events.questions.isOptional'),
            moveUp: (label) => t('events.questions.moveUp', { label }),
            moveDown: (label) => t('events.questions.moveDown', { label }),
            delete: t('events.form.delete'),
            deleteNamed: (label) => t('events.questions.delete', { label }),
            edit: (label) => t('events.questions.edit', { label }),
            newQuestion: t('events.questions.new'),
          }}
        />
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
