// Every domain's messages, merged. Add a domain file here when you create one.
import { auth } from './auth.ts'
import { common } from './common.ts'
import { email } from './email.ts'

export const messages = {
  fr: { ...common.fr, ...auth.fr, ...email.fr },
  en: { ...common.en, ...auth.en, ...email.en },
}
