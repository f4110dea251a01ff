// Organiser-defined questions (of an event's registration form or a prize's nomination form):
// the list with its move, delete and edit controls, and the form that adds or edits one. Each
// domain passes its own labels, limits and question types.
import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { CheckboxField, ErrorList, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'

export type QuestionRow = { id: string; label: string; help: string; type: string; required: boolean; options: string[] }

export type QuestionFormLabels = {
  label: string
  help: string
  helpHelp?: string
  type: string
  options: string
  optionsHelp: string
  required: string
  save: string
  add: string
}

export function QuestionForm({
  formKey,
  question,
  result,
  labels,
  limits,
  types,
}: {
  formKey: string
  question?: QuestionRow
  /** The action's answer for this form, when it refused the submission. */
  result?: { values?: Record<string, string>; errors?: Record<string, string[] | undefined> } | null
  labels: QuestionFormLabels
  limits: { shortText: number; help: number }
  types: { value: string; label: string }[]
}) {
  const busy = useNavigation().state === 'submitting'
  const v = result?.values ?? {
    label: question?.label ?? '',
    help: question?.help ?? '',
    type: question?.type ?? 'short_text',
    required: question?.required ? 'on' : '',
    options: question?.options.join('\n') ?? '',
  }
  const e = result?.errors ?? {}
  return (
    <Form method="post" noValidate className="space-y-3">
      <input type="hidden" name="intent" value={question ? 'question.update' : 'question.create'} />
      {question && <input type="hidden" name="questionId" value={question.id} />}
      <ErrorList errors={e._form} />
      <TextField
        label={labels.label}
        name="label"
        id={`${formKey}-label`}
        defaultValue={v.label}
        required
        maxLength={limits.shortText}
        errors={e.label}
      />
      <TextField
        label={labels.help}
        name="help"
        id={`${formKey}-help`}
        defaultValue={v.help}
        maxLength={limits.help}
        help={labels.helpHelp}
        errors={e.help}
      />
      <SelectField label={labels.type} name="type" id={`${formKey}-type`} defaultValue={v.type} required options={types} errors={e.type} />
      <TextareaField
        label={labels.options}
        name="options"
        id={`${formKey}-options`}
        defaultValue={v.options}
        rows={4}
        help={labels.optionsHelp}
        errors={e.options}
      />
      <CheckboxField
        label={labels.required}
        name="required"
        id={`${formKey}-required`}
        defaultChecked={v.required === 'on'}
        errors={e.required}
      />
      <button type="submit" className="btn-primary" disabled={busy}>
        {question ? labels.save : labels.add}
      </button>
    </Form>
  )
}

export type QuestionListLabels = {
  empty: string
  /** The hidden prefix of each question's heading ("Question 2"), for screen readers. */
  number: (n: number) => string
  type: (type: string) => string
  isRequired: string
  isOptional: string
  moveUp: (label: string) => string
  moveDown: (label: string) => string
  delete: string
  deleteNamed: (label: string) => string
  edit: (label: string) => string
  newQuestion: string
}

/**
 * The questions in the order they are asked; when `editable`, each can move, be deleted or be
 * edited in place (its form opens again when the action refused it), and a last form adds one.
 */
export function QuestionList({
  questions,
  editable,
  openFormKey,
  labels,
  form,
}: {
  questions: QuestionRow[]
  editable: boolean
  /** The form the action answered, e.g. `question-<id>`: it stays open to show its errors. */
  openFormKey?: string
  labels: QuestionListLabels
  /** The add/edit form of a question (none: the form that adds one). */
  form: (formKey: string, question?: QuestionRow) => ReactNode
}) {
  return (
    <>
      {questions.length === 0 ? (
        <p className="card">{labels.empty}</p>
      ) : (
        <ol className="space-y-3">
          {questions.map((q, i) => (
            <li key={q.id} className="card space-y-2">
              <h2 className="text-lg font-semibold">
                <span className="sr-only">{labels.number(i + 1)} </span>
                {q.label}
              </h2>
              <p className="text-sm text-stone-700">
                {labels.type(q.type)} · {q.required ? labels.isRequired : labels.isOptional}
              </p>
              {q.help && <p className="text-sm">{q.help}</p>}
              {q.options.length > 0 && (
                <ul className="list-disc pl-5 text-sm">
                  {q.options.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              )}
              {editable && (
                <div className="flex flex-wrap items-start gap-2">
                  {i > 0 && (
                    <InlineActionForm
                      intent="question.move"
                      fields={{ questionId: q.id, direction: 'up' }}
                      label="↑"
                      accessibleLabel={labels.moveUp(q.label)}
                    />
                  )}
                  {i < questions.length - 1 && (
                    <InlineActionForm
                      intent="question.move"
                      fields={{ questionId: q.id, direction: 'down' }}
                      label="↓"
                      accessibleLabel={labels.moveDown(q.label)}
                    />
                  )}
                  <InlineActionForm
                    intent="question.delete"
                    fields={{ questionId: q.id }}
                    label={labels.delete}
                    accessibleLabel={labels.deleteNamed(q.label)}
                    danger
                  />
                  {/* Keyed by the content, so that the form shows the saved values once saved. */}
                  <details
                    key={`${q.label}|${q.help}|${q.type}|${q.required}|${q.options.join('|')}`}
                    className="w-full"
                    open={openFormKey === `question-${q.id}`}
                  >
                    <summary className="link cursor-pointer text-sm">{labels.edit(q.label)}</summary>
                    <div className="mt-3">{form(`question-${q.id}`, q)}</div>
                  </details>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <section aria-labelledby="new-question-title" className="card space-y-3">
          <h2 id="new-question-title" className="text-xl font-semibold">
            {labels.newQuestion}
          </h2>
          {/* Keyed by the count so that, once saved, the form comes back empty. */}
          <div key={questions.length}>{form('question-new')}</div>
        </section>
      )}
    </>
  )
}
