// Organiser-defined questions (of an event's registration form or a prize's nomination form):
// the list with its move, delete and edit controls, and the form that adds or edits one. Each
// domain passes its own labels, limits and question types.
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { formErrorMessage } from '#app/shared/form-message.ts'
import type { QuestionFormFields } from '#app/shared/questions.ts'
import { CheckboxField, FormErrorSummary, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'

type FormSchema = z.ZodType<unknown, QuestionFormFields>

/** The question form's fields, in the order they are shown (and listed in the error summary). */
const FIELDS = ['label', 'help', 'type', 'options', 'required'] as const

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
  schema,
  lastResult,
  labels,
  limits,
  types,
}: {
  formKey: string
  question?: QuestionRow
  /** The question form's Zod schema (the one the action parses with). */
  schema: FormSchema
  /** Conform's reply of the action for this form, when it refused the submission. */
  lastResult?: SubmissionResult<string[]> | null
  labels: QuestionFormLabels
  limits: { shortText: number; help: number }
  types: { value: string; label: string }[]
}) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  // Conform's useForm as useZodForm does, with the browser's constraints given here: the
  // question schemas end with an object-level transform, which getZodConstraint cannot read.
  const [form, fields] = useForm<QuestionFormFields, unknown, string[]>({
    id: formKey,
    lastResult,
    defaultValue: {
      label: question?.label ?? '',
      help: question?.help ?? '',
      type: question?.type ?? 'short_text',
      required: question?.required ? 'on' : '',
      options: question?.options.join('\n') ?? '',
    },
    constraint: { label: { required: true, maxLength: limits.shortText }, help: { maxLength: limits.help }, type: { required: true } },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const tr = (m: string) => formErrorMessage(t, m)
  const value = (name: (typeof FIELDS)[number]) => fields[name].defaultValue ?? ''
  // An error on one line of the choices ("options[2]") shows on the choices' field.
  const errorsOf = (name: string) =>
    Object.entries(form.allErrors)
      .filter(([key]) => key === name || key.startsWith(`${name}[`))
      .flatMap(([, messages]) => messages.map(tr))
  const errors = Object.fromEntries(FIELDS.map((name) => [name, errorsOf(name)]))
  const links = [
    ...(form.errors ?? []).map((text) => ({ text: tr(text) })),
    ...FIELDS.flatMap((name) => errors[name]!.map((text) => ({ text, href: `#${formKey}-${name}` }))),
  ]
  const e = (name: (typeof FIELDS)[number]) => (errors[name]!.length ? errors[name] : undefined)
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={links} />
      <input type="hidden" name="intent" value={question ? 'question.update' : 'question.create'} />
      {question && <input type="hidden" name="questionId" value={question.id} />}
      <TextField
        label={labels.label}
        name="label"
        id={`${formKey}-label`}
        defaultValue={value('label')}
        required
        maxLength={limits.shortText}
        errors={e('label')}
      />
      <TextField
        label={labels.help}
        name="help"
        id={`${formKey}-help`}
        defaultValue={value('help')}
        maxLength={limits.help}
        help={labels.helpHelp}
        errors={e('help')}
      />
      <SelectField
        label={labels.type}
        name="type"
        id={`${formKey}-type`}
        defaultValue={value('type')}
        required
        options={types}
        errors={e('type')}
      />
      <TextareaField
        label={labels.options}
        name="options"
        id={`${formKey}-options`}
        defaultValue={value('options')}
        rows={4}
        help={labels.optionsHelp}
        errors={e('options')}
      />
      <CheckboxField
        label={labels.required}
        name="required"
        id={`${formKey}-required`}
        defaultChecked={value('required') === 'on'}
        errors={e('required')}
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
