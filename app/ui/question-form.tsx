// The form that adds or edits one organiser-defined question (of an event's registration form or
// a prize's nomination form). Each domain passes its own labels, limits and question types.
import { Form, useNavigation } from '@remix-run/react'
import { CheckboxField, ErrorList, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'

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
      <TextField label={labels.label} name="label" id={`${formKey}-label`} defaultValue={v.label} required maxLength={limits.shortText} errors={e.label} />
      <TextField label={labels.help} name="help" id={`${formKey}-help`} defaultValue={v.help} maxLength={limits.help} help={labels.helpHelp} errors={e.help} />
      <SelectField label={labels.type} name="type" id={`${formKey}-type`} defaultValue={v.type} required options={types} errors={e.type} />
      <TextareaField label={labels.options} name="options" id={`${formKey}-options`} defaultValue={v.options} rows={4} help={labels.optionsHelp} errors={e.options} />
      <CheckboxField label={labels.required} name="required" id={`${formKey}-required`} defaultChecked={v.required === 'on'} errors={e.required} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {question ? labels.save : labels.add}
      </button>
    </Form>
  )
}
