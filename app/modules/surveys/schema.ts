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

export const questionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS),
    labelFr: z.string().trim().min(1).max(300),
    labelEn: z.string().trim().max(300).optional().default(''),
    options: z.string().max(5000).optional(),
    saveToBank: z.literal('on').optional(),
  })
  .transform((value, ctx) => {
    const options = value.kind === 'single' || value.kind === 'multiple' ? parseOptionLines(value.options) : []
    if ((value.kind === 'single' || value.kind === 'multiple') && options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'surveys.error.optionsNeeded' })
    return { kind: value.kind, labelFr: value.labelFr, labelEn: value.labelEn, options, saveToBank: value.saveToBank === 'on' }
  })

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
