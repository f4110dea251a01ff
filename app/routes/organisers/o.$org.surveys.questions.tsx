// The organisation's survey question bank: reusable questions (rating, single or multiple choice,
// free text) that each event's surveys copy.
import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { questionFormSchema, questionSchema } from '#app/modules/surveys/schema.ts'
import { createBankQuestion, deleteBankQuestion, listBankQuestions } from '#app/modules/surveys/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { translate } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { QuestionFields } from '#app/route-support/survey-forms.tsx'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'surveys.bank.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'survey.manage')
  return { org: organisation.slug, questions: await listBankQuestions(organisation.id) }
}

const deleteSchema = z.object({ intent: z.literal('delete'), questionId: z.string().min(1) })
const addSchema = questionSchema

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'survey.manage')
  const formData = await request.formData()
  const back = `/o/${organisation.slug}/surveys/questions`
  if (formData.get('intent') === 'delete')
    return submitForm(request, formData, deleteSchema, async (value) => {
      await deleteBankQuestion(organisation.id, value.questionId)
      return redirectWithToast(request, back, { type: 'success', key: 'surveys.toast.bankDeleted' })
    })
  return submitForm(request, formData, addSchema, async (value) => {
    await createBankQuestion(organisation.id, value)
    return redirectWithToast(request, back, { type: 'success', key: 'surveys.toast.bankAdded' })
  })
}

export default function QuestionBank() {
  const t = useT()
  const { questions } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const [form, fields] = useZodForm(questionFormSchema, { id: 'bank-question', lastResult: actionData?.result })
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('surveys.bank.title')}</h1>
      <p>{t('surveys.bank.intro')}</p>
      {questions.length === 0 ? (
        <p>{t('surveys.bank.empty')}</p>
      ) : (
        <ul className="space-y-2">
          {questions.map((q) => (
            <li key={q.id} className="card flex flex-wrap items-center justify-between gap-2">
              <span>
                <strong>{q.labelFr}</strong>
                {q.labelEn && <span lang="en"> · {q.labelEn}</span>}{' '}
                <span className="text-sm text-stone-600">({t(`surveys.kind.${q.kind}`)})</span>
                {q.options.length > 0 && <span className="block text-sm text-stone-700">{q.options.map((o) => o.fr).join(' · ')}</span>}
              </span>
              <InlineActionForm
                intent="delete"
                fields={{ questionId: q.id }}
                label={t('surveys.delete')}
                accessibleLabel={`${t('surveys.delete')} : ${q.labelFr}`}
                danger
              />
            </li>
          ))}
        </ul>
      )}
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <h2 className="text-xl font-semibold">{t('surveys.bank.add')}</h2>
        <QuestionFields fields={fields} />
        <button type="submit" className="btn-primary">
          {t('surveys.bank.add')}
        </button>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
