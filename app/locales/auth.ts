import { defineMessages } from './define.ts'

export const auth = defineMessages(
  {
    'auth.signIn': 'Se connecter',
  },
  {
    'auth.signIn': 'Sign in',
  },
)
