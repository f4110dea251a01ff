// Form schemas of the auth domain, shared by the browser (Conform's client validation) and the
// server. Error messages are i18n keys, translated where they are shown.
import { z } from 'zod'
import type { MessageKey, Translate } from '#app/utils/i18n.ts'

export const PASSWORD_MIN_LENGTH = 12
/** Bounds the work an attacker can make the server do with a huge input. */
export const PASSWORD_MAX_LENGTH = 512
export const API_TOKEN_NAME_MAX_LENGTH = 80

export const EmailField = z
  .string({ error: 'auth.error.emailRequired' })
  .trim()
  .max(254, { error: 'auth.error.emailInvalid' })
  .pipe(z.email({ error: 'auth.error.emailInvalid' }))

export const SignInLinkSchema = z.object({ email: EmailField, redirectTo: z.string().optional() })

export const PasswordSignInSchema = z.object({
  email: EmailField,
  password: z.string({ error: 'auth.error.passwordRequired' }),
  redirectTo: z.string().optional(),
})

export const SetPasswordSchema = z
  .object({
    password: z
      .string({ error: 'auth.error.passwordRequired' })
      .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, { error: 'auth.error.passwordTooShort' })
      .refine((p) => [...p].length <= PASSWORD_MAX_LENGTH, { error: 'auth.error.passwordTooLong' }),
    confirmPassword: z.string({ error: 'auth.error.passwordRequired' }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], error: 'auth.error.passwordMismatch' })

export const ApiTokenNameSchema = z.object({
  name: z
    .string({ error: 'auth.error.tokenNameRequired' })
    .trim()
    .min(1, { error: 'auth.error.tokenNameRequired' })
    .max(API_TOKEN_NAME_MAX_LENGTH, { error: 'auth.error.tokenNameTooLong' }),
})

/**
 * Translates form errors: the schemas' i18n keys, and text the server already translated
 * (which translate() returns unchanged, not being a key).
 */
export function translateErrors(t: Translate, errors: string[] | undefined) {
  return errors?.map((e) => translateError(t, e))
}

/** One form error, as translateErrors does (for the error summary's entries). */
export function translateError(t: Translate, error: string) {
  return t(error as MessageKey, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
}

/** The emailed link's confirmation button: the single-use token (an empty one is an invalid link). */
export const SignInLinkTokenSchema = z.object({ token: z.string().default('') })

/** Sign-out buttons carry no field: the form is read only to refuse anything but an empty or known intent. */
export const SignOutSchema = z.object({ intent: z.literal('logout').optional() })

/** "Sign out everywhere" on the account page. */
export const SignOutEverywhereSchema = z.object({ intent: z.literal('signOutEverywhere') })
