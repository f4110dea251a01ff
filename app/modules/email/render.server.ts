// Turns a template name, its props and the recipient's language into subject, HTML and text.
import { plainTextSelectors, render } from '@react-email/render'
import { compile } from 'html-to-text'
import { createElement } from 'react'
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/utils/i18n.ts'
import { isTemplateName, templates, type EmailAttachment, type Template, type TemplateName, type TemplateProps } from '#emails/index.ts'

/**
 * The text part: what React Email's `toPlainText` does, with the converter compiled once (its
 * selector compilation took about as long as rendering the HTML, for every message).
 */
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors })

export type RenderedEmail = { subject: string; html: string; text: string; attachments: EmailAttachment[] }

/** A stored message that can never be rendered (unknown template, unreadable props): retrying is pointless. */
export class EmailRenderError extends Error {
  override name = 'EmailRenderError'
}

export async function renderEmail<T extends TemplateName>(template: T, props: TemplateProps<T>, locale: Locale): Promise<RenderedEmail> {
  const { component, subject, attachments } = templates[template] as unknown as Template<TemplateProps<T>>
  const element = createElement(component, { ...(props as TemplateProps<T> & object), locale })
  // The text part is derived from the HTML (what `render(…, { plainText: true })` does after
  // rendering a second time): one React render per message instead of two.
  const [html, files] = await Promise.all([render(element), attachments ? attachments(props) : []])
  return { subject: subject(locale, props), html, text: toPlainText(html), attachments: files }
}

/** Renders an outbox row: the template name and JSON props as stored, in the recipient's language. */
export async function renderStoredEmail(message: { template: string; payload: string; locale: string }) {
  if (!isTemplateName(message.template)) throw new EmailRenderError(`Unknown email template "${message.template}"`)
  let props: unknown
  try {
    props = JSON.parse(message.payload)
  } catch {
    throw new EmailRenderError(`The props of template "${message.template}" are not valid JSON`)
  }
  const locale = isLocale(message.locale) ? message.locale : DEFAULT_LOCALE
  return renderEmail(message.template, props as TemplateProps<typeof message.template>, locale)
}
