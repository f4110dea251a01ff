// The project section of the application form (public form), shared by the organisers' pages for
// the stage labels. Works without JavaScript: plain inputs, the stage as radio buttons.
import { formErrorMessage } from '#app/shared/form-message.ts'
import { ChoiceGroup, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'
import { PROJECT_STAGES } from './rules.ts'
import { PROJECT_LIMITS, type SubmittedProject } from './schema.ts'

export const stageKey = (stage: string | null | undefined) => (stage ? (`admission.stage.${stage}` as MessageKey) : null)
export const admissionStatusKey = (status: string) => `admission.status.${status}` as MessageKey

export function ProjectFields({ defaults, errors }: { defaults: SubmittedProject; errors: Record<string, string[]> }) {
  const t = useT()
  const err = (name: string) => errors[name]?.map((e) => formErrorMessage(t, e))
  return (
    <fieldset className="space-y-4" aria-describedby="project-intro">
      <legend className="text-xl font-semibold">{t('admission.form.section')}</legend>
      <p id="project-intro" className="text-stone-700">
        {t('admission.form.intro')}
      </p>
      <TextField
        id="reg-projectName"
        name="projectName"
        label={t('admission.field.projectName')}
        required
        maxLength={PROJECT_LIMITS.name}
        defaultValue={defaults.projectName}
        errors={err('projectName')}
      />
      <ChoiceGroup
        legend={t('admission.field.projectStage')}
        name="projectStage"
        type="radio"
        required
        defaultValue={defaults.projectStage}
        errors={err('projectStage')}
        options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`admission.stage.${s}`) }))}
      />
      <TextareaField
        id="reg-projectDescription"
        name="projectDescription"
        label={t('admission.field.projectDescription')}
        help={t('admission.field.projectDescription.help')}
        required
        rows={6}
        maxLength={PROJECT_LIMITS.description}
        defaultValue={defaults.projectDescription}
        errors={err('projectDescription')}
      />
      <TextField
        id="reg-projectTerritory"
        name="projectTerritory"
        label={t('admission.field.projectTerritory')}
        help={t('admission.field.projectTerritory.help')}
        required
        maxLength={PROJECT_LIMITS.territory}
        defaultValue={defaults.projectTerritory}
        errors={err('projectTerritory')}
      />
      <TextareaField
        id="reg-projectNeeds"
        name="projectNeeds"
        label={t('admission.field.projectNeeds')}
        help={t('admission.field.projectNeeds.help')}
        rows={3}
        maxLength={PROJECT_LIMITS.needs}
        defaultValue={defaults.projectNeeds}
        errors={err('projectNeeds')}
      />
    </fieldset>
  )
}
