// The registration forms' submissions as Conform reads them, on the server and in the browser:
// the fields go through the module's one parser (app/modules/registrations/form.ts, the same rules
// as the JSON API), with the project of an event that selects its attendees. Errors are keyed by
// field name (`answers.<questionId>`, `workshop.<slotId>`, …), the form's own under "".
import { parse, type Submission } from '@conform-to/react'
import { parseProject, projectFieldsOf } from '#app/modules/admission/schema.ts'
import type { ProjectInput } from '#app/modules/admission/schema.ts'
import {
  parseRegistrationFormData,
  TEXT_FIELDS,
  type FormContext,
  type RegistrationValues,
  type SubmittedFields,
} from '#app/modules/registrations/form.ts'

export type RegistrationSubmission = Submission<
  Record<string, unknown>,
  string[],
  { registration: RegistrationValues; project: ProjectInput | null }
>

/** The new registration's fields (and the project when `withProject`) from a submitted form. */
export function registrationSubmission(formData: FormData, ctx: FormContext, { withProject = false } = {}): RegistrationSubmission {
  return parse(formData, {
    resolve: () => {
      const parsed = parseRegistrationFormData(formData, ctx)
      const project = withProject ? parseProject(projectFieldsOf(formData)) : null
      if (parsed.success && (!project || project.success)) {
        return { value: { registration: parsed.value, project: project?.success ? project.value : null } }
      }
      const error: Record<string, string[]> = {
        ...(parsed.success ? {} : parsed.fieldErrors),
        ...(project && !project.success ? project.fieldErrors : {}),
      }
      if (!parsed.success && parsed.formErrors.length > 0) error[''] = parsed.formErrors
      return { error }
    },
  }) as RegistrationSubmission
}

/** What the form re-renders with after a failed submission: Conform's copy of the submitted fields. */
export function submittedFromPayload(payload: Record<string, unknown> | null | undefined, ctx: FormContext): SubmittedFields {
  const p = payload ?? {}
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const fields: SubmittedFields = { answers: {}, workshops: [] }
  for (const name of TEXT_FIELDS) {
    const v = text(p[name])
    if (v !== undefined) fields[name] = v
  }
  fields.consent = p.consent === 'on' || p.consent === 'true'
  const answers = (typeof p.answers === 'object' && p.answers ? p.answers : {}) as Record<string, unknown>
  for (const q of ctx.questions) {
    const v = answers[q.id]
    if (q.type === 'multiple_choice')
      fields.answers[q.id] = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '')
    else if (q.type === 'checkbox') fields.answers[q.id] = v === 'on' || v === 'true'
    else if (typeof v === 'string') fields.answers[q.id] = v
  }
  const workshop = (typeof p.workshop === 'object' && p.workshop ? p.workshop : {}) as Record<string, unknown>
  for (const s of ctx.slots) {
    const v = workshop[s.id]
    if (typeof v === 'string' && v !== '') fields.workshops.push(v)
  }
  return fields
}

/** A text field of Conform's copy of the submitted form (payment and project fields). */
export function payloadText(payload: Record<string, unknown> | null | undefined, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of names) {
    const v = payload?.[name]
    if (typeof v === 'string') out[name] = v
  }
  return out
}
