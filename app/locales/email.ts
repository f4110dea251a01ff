import { defineMessages } from './define.ts'

export const email = defineMessages(
  {
    'email.footer': 'Message envoyé par Essor.',
  },
  {
    'email.footer': 'Message sent by Essor.',
  },
)
