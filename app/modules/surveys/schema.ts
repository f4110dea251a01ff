// The survey forms' Zod schemas (organiser pages and the answer page).
import { z } from 'zod'
import { QUESTION_KINDS, SURVEY_KINDS, type Option } from './rules.ts'

/** "Accueil | Welcome" per line → options; the English part is optional. */
export function parseOptionLines(text: string | undefined): Option[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [fr = '', en = ''] = line.split('|').map((part) => part.trim())
      return { fr, en }
    })
}

const hasChoices = (kind: string) => kind === 'single' || kind === 'multiple'

/** The question form as the page gives it to Conform (no root transform: Conform reads its constraints). */
export const questionFormSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    labelFr: z.string().trim().min(1).max(300),
    labelEn: z.string().trim().max(300).optional().default(''),
    options: z.string().max(5000).optional(),
    saveToBank: z.literal('on').optional(),
  })
  .superRefine((value, ctx) => {
    if (hasChoices(value.kind) && parseOptionLines(value.options).length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'surveys.error.optionsNeeded' })
  })

/** The same form parsed for the service: options as a list, the bank choice as a boolean. */
export const questionSchema = questionFormSchema.transform((value) => ({
  kind: value.kind,
  labelFr: value.labelFr,
  labelEn: value.labelEn,
  options: hasChoices(value.kind) ? parseOptionLines(value.options) : [],
  saveToBank: value.saveToBank === 'on',
}))

export const surveySettingsSchema = z.object({
  kind: z.enum(SURVEY_KINDS),
  anonymous: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  opensAt: z.string().min(1),
  closesAt: z.string().min(1),
  reminderDays: z
    .string()
    .trim()
    .regex(/^(\d{1,3}(\s*,\s*\d{1,3})?)?$/)
    .optional()
    .default(''),
})

type AnswerQuestion = { id: string; kind: 'rating' | 'single' | 'multiple' | 'text'; required?: boolean }

const REQUIRED = 'surveys.error.required'

/** The answer form of one survey: a field `q-<id>` per question; a required question must be answered. */
export function answerSchema(questions: AnswerQuestion[]) {
  const shape: Record<string, z.ZodType> = {}
  for (const q of questions) {
    const name = `q-${q.id}`
    const given = z.string({ error: REQUIRED }).min(1, REQUIRED)
    let field: z.ZodType
    if (q.kind === 'rating') field = (q.required ? given : z.string()).transform(Number).pipe(z.number().int().min(1).max(5))
    else if (q.kind === 'single') field = (q.required ? given : z.string()).transform(Number).pipe(z.number().int().min(0))
    else if (q.kind === 'multiple')
      field = q.required
        ? z.array(z.coerce.number().int().min(0), { error: REQUIRED }).min(1, REQUIRED)
        : z.array(z.coerce.number().int().min(0))
    else field = q.required ? z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(5000) : z.string().trim().max(5000)
    shape[name] = q.required ? field : field.optional()
  }
  return z.object(shape)
}

/** The parsed form as the service's answers. */
export function answersFromForm(questions: AnswerQuestion[], value: Record<string, unknown>) {
  return questions.map((q) => {
    const v = value[`q-${q.id}`]
    if (q.kind === 'rating') return { questionId: q.id, rating: typeof v === 'number' ? v : undefined }
    if (q.kind === 'single') return { questionId: q.id, choices: typeof v === 'number' ? [v] : [] }
    if (q.kind === 'multiple') return { questionId: q.id, choices: Array.isArray(v) ? (v as number[]) : [] }
    return { questionId: q.id, text: typeof v === 'string' ? v : undefined }
  })
}
