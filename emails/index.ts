// Registry of email templates: name → component and subject. The worker renders a message
// from its template name, props and the recipient's locale.
import type { ComponentType } from 'react'
import type { Locale } from '#app/utils/i18n.ts'
import { SignInLink, signInLinkSubject, type SignInLinkProps } from './sign-in-link.tsx'

type Template<P> = { component: ComponentType<P & { locale: Locale }>; subject: (locale: Locale, props: P) => string }

export const templates = {
  'sign-in-link': { component: SignInLink, subject: signInLinkSubject } as Template<SignInLinkProps>,
}

export type TemplateName = keyof typeof templates
export type TemplateProps<T extends TemplateName> = (typeof templates)[T] extends Template<infer P> ? P : never
