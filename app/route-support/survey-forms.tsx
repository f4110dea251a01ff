// The fields of a survey question (bank or survey page), bound to Conform's fields.
import { ChoiceGroup, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'
import { QUESTION_KINDS } from '#app/modules/surveys/rules.ts'

type Field = { id: string; name: string; errors?: string[] }

export function QuestionFields({ fields }: { fields: { kind: Field; labelFr: Field; labelEn: Field; options: Field } }) {
  const t = useT()
  const errs = (f: Field) => f.errors?.map((e) => t(e as MessageKey))
  return (
    <>
      <SelectField
        id={fields.kind.id}
        name={fields.kind.name}
        label={t('surveys.question.kind')}
        errors={errs(fields.kind)}
        options={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`surveys.kind.${kind}`) }))}
      />
      <TextField
        id={fields.labelFr.id}
        name={fields.labelFr.name}
        label={t('surveys.question.labelFr')}
        required
        errors={errs(fields.labelFr)}
      />
      <TextField id={fields.labelEn.id} name={fields.labelEn.name} label={t('surveys.question.labelEn')} errors={errs(fields.labelEn)} />
      <TextareaField
        id={fields.options.id}
        name={fields.options.name}
        label={t('surveys.question.options')}
        rows={3}
        errors={errs(fields.options)}
      />
    </>
  )
}

type ValuedField = Field & { initialValue?: unknown }

/** A survey's settings: kind, anonymous or named, open and close, reminder days. */
export function SurveySettingsFields({
  fields,
}: {
  fields: { kind: ValuedField; anonymous: ValuedField; opensAt: ValuedField; closesAt: ValuedField; reminderDays: ValuedField }
}) {
  const t = useT()
  const errs = (f: Field) => f.errors?.map((e) => t(e as MessageKey))
  const initial = (f: ValuedField) => (typeof f.initialValue === 'string' ? f.initialValue : undefined)
  return (
    <>
      <ChoiceGroup
        id={fields.kind.id}
        name={fields.kind.name}
        type="radio"
        legend={t('surveys.survey.kind')}
        defaultValue={initial(fields.kind)}
        errors={errs(fields.kind)}
        options={[
          { value: 'hot', label: t('surveys.survey.hot') },
          { value: 'cold', label: t('surveys.survey.cold') },
        ]}
      />
      <ChoiceGroup
        id={fields.anonymous.id}
        name={fields.anonymous.name}
        type="radio"
        legend={t('surveys.survey.anonymous')}
        defaultValue={initial(fields.anonymous)}
        errors={errs(fields.anonymous)}
        options={[
          { value: 'yes', label: t('surveys.survey.anonymousYes') },
          { value: 'no', label: t('surveys.survey.anonymousNo') },
        ]}
      />
      <TextField
        type="datetime-local"
        id={fields.opensAt.id}
        name={fields.opensAt.name}
        label={t('surveys.survey.opensAt')}
        defaultValue={initial(fields.opensAt)}
        required
        errors={errs(fields.opensAt)}
      />
      <TextField
        type="datetime-local"
        id={fields.closesAt.id}
        name={fields.closesAt.name}
        label={t('surveys.survey.closesAt')}
        defaultValue={initial(fields.closesAt)}
        required
        errors={errs(fields.closesAt)}
      />
      <TextField
        id={fields.reminderDays.id}
        name={fields.reminderDays.name}
        label={t('surveys.survey.reminderDays')}
        defaultValue={initial(fields.reminderDays)}
        inputMode="numeric"
        errors={errs(fields.reminderDays)}
      />
    </>
  )
}
