// Zod for the application form's project section and the organisers' review (decisions, rating,
// comments). Shared by server and browser, so it imports no server module. Error messages are
// i18n keys in the encoding of the registration form ("key?max=…", see formErrorMessage).
import { z } from 'zod'
import { DECISIONS, PROJECT_STAGES, RATING_MAX, RATING_MIN, type ProjectStage } from './rules.ts'

export const PROJECT_LIMITS = { name: 200, description: 5000, territory: 200, needs: 2000 } as const
export const DECISION_MESSAGE_MAX = 2000
export const COMMENT_MAX = 2000
/** At most this many applications in one batch decision. */
export const BATCH_MAX = 500

export const PROJECT_FIELDS = ['projectName', 'projectStage', 'projectDescription', 'projectTerritory', 'projectNeeds'] as const

export type ProjectInput = {
  projectName: string
  projectStage: ProjectStage
  projectDescription: string
  projectTerritory: string
  projectNeeds: string | null
}

const tooLong = (max: number) => `register.error.tooLong?max=${max}`
const blank = (v: unknown) => ((typeof v === 'string' && v.trim() === '') || v === null ? undefined : v)

function required(max: number) {
  return z.preprocess(
    blank,
    z
      .string({ error: 'register.error.required' })
      .trim()
      .max(max, { error: tooLong(max) }),
  )
}

export function projectSchema() {
  return z.object({
    projectName: required(PROJECT_LIMITS.name),
    projectStage: z.preprocess(
      blank,
      z.enum(PROJECT_STAGES, { error: (issue) => (issue.input === undefined ? 'register.error.required' : 'register.error.choice') }),
    ),
    projectDescription: required(PROJECT_LIMITS.description),
    projectTerritory: required(PROJECT_LIMITS.territory),
    projectNeeds: z.preprocess(
      blank,
      z
        .string({ error: 'register.error.type' })
        .trim()
        .max(PROJECT_LIMITS.needs, { error: tooLong(PROJECT_LIMITS.needs) })
        .optional()
        .transform((v) => v || null),
    ),
  })
}

export type SubmittedProject = Partial<Record<(typeof PROJECT_FIELDS)[number], string>>

/** The project fields of a submitted form, as typed (what a failed form re-renders with). */
export function projectFieldsOf(formData: FormData): SubmittedProject {
  const out: SubmittedProject = {}
  for (const name of PROJECT_FIELDS) {
    const v = formData.get(name)
    if (typeof v === 'string') out[name] = v
  }
  return out
}

export function parseProject(
  values: unknown,
): { success: true; value: ProjectInput } | { success: false; fieldErrors: Record<string, string[]> } {
  const result = projectSchema().safeParse(values)
  if (result.success) return { success: true, value: result.data }
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '')
    const list = (fieldErrors[name] ??= [])
    if (!list.includes(issue.message)) list.push(issue.message)
  }
  return { success: false, fieldErrors }
}

const optionalMessage = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .max(DECISION_MESSAGE_MAX, { error: tooLong(DECISION_MESSAGE_MAX) })
    .optional()
    .transform((v) => v || null),
)

export function decisionSchema() {
  return z.object({
    ids: z
      .array(z.string().min(1).max(64))
      .min(1, { error: 'admission.error.noneSelected' })
      .max(BATCH_MAX, { error: 'admission.error.tooMany' }),
    decision: z.enum(DECISIONS, { error: 'admission.error.decision' }),
    message: optionalMessage,
    waitlistRest: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  })
}

export type DecisionInput = z.infer<ReturnType<typeof decisionSchema>>

/** A rating from 1 to 5, or an empty value to clear it. */
export function ratingSchema() {
  return z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' ? Number(v) : v),
    z
      .number({ error: 'admission.error.rating' })
      .int({ error: 'admission.error.rating' })
      .min(RATING_MIN, { error: 'admission.error.rating' })
      .max(RATING_MAX, { error: 'admission.error.rating' })
      .nullable(),
  )
}

export function commentSchema() {
  return z.preprocess(
    blank,
    z
      .string({ error: 'register.error.required' })
      .trim()
      .max(COMMENT_MAX, { error: tooLong(COMMENT_MAX) }),
  )
}

// ---- The forms of one application's page (one schema per intent) -------------------------------

export const rateFormSchema = z.object({ intent: z.literal('rate'), rating: ratingSchema() })
export const commentFormSchema = z.object({ intent: z.literal('comment'), body: commentSchema() })
export const decideFormSchema = z.object({
  intent: z.literal('decide'),
  decision: z.enum(DECISIONS, { error: 'admission.error.decision' }),
  message: optionalMessage,
})
