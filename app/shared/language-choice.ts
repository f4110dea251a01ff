// The language switch's form: the language asked for and the page to come back to.
import { z } from 'zod'
import { LOCALES } from '#app/utils/i18n.ts'

export const LanguageChoiceSchema = z.object({
  lang: z.enum(LOCALES, { error: 'lang.error.unknown' }),
  redirectTo: z.string().optional(),
})
