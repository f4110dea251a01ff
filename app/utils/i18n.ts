// The one i18n layer: French by default, English second. Messages live in app/locales/fr/<domain>.ts
// and app/locales/en/<domain>.ts (the English file must have exactly the French keys: its type says so).
// The server holds both catalogues; the browser only the page's language (see #catalogues).
import { IntlMessageFormat } from 'intl-messageformat'
import { catalogues } from '#catalogues'
import type { Locale, MessageKey } from '#app/locales/types.ts'

export type { Locale, MessageKey }
export const LOCALES = ['fr', 'en'] as const satisfies readonly Locale[]
export const DEFAULT_LOCALE: Locale = 'fr'
export type MessageParams = Record<string, string | number>

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Whether `text` is a key of the catalogue ("events.error.x"), as opposed to a code or plain text. */
export function isMessageKey(text: string): text is MessageKey {
  return Object.values(catalogues).some((catalogue) => Object.prototype.hasOwnProperty.call(catalogue, text))
}

// Compiled ICU formatters, one per locale and message (a message is parsed once per process).
const formatters = new Map<string, IntlMessageFormat | null>()

function formatterFor(locale: Locale, key: string, template: string): IntlMessageFormat | null {
  const id = `${locale}\u0000${key}\u0000${template}`
  let formatter = formatters.get(id)
  if (formatter === undefined) {
    try {
      formatter = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true })
    } catch {
      formatter = null // not valid ICU: simple {name} replacement below
    }
    formatters.set(id, formatter)
  }
  return formatter
}

function replaceSimply(template: string, params: MessageParams | undefined) {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])))
}

/** The message `key` in `locale` (French when missing), formatted as an ICU message: `{name}`,
 * `{count, plural, one {# place} other {# places}}`. A message that cannot be formatted (a missing
 * parameter, broken syntax) falls back to simple replacement rather than throwing. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template: string = catalogues[locale]?.[key] ?? catalogues.fr?.[key] ?? key
  if (!/[{}']/.test(template)) return template
  const formatter = formatterFor(locale, key, template)
  if (formatter) {
    try {
      const text = formatter.format(params)
      if (typeof text === 'string') return text
    } catch {
      // fall through
    }
  }
  return replaceSimply(template, params)
}

export type Translate = (key: MessageKey, params?: MessageParams) => string

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

/** Locale from the `lang` cookie, else the browser's Accept-Language, else French. */
export function localeFromRequest(request: Request): Locale {
  const cookie = request.headers.get('cookie') ?? ''
  const match = /(?:^|;\s*)lang=(fr|en)\b/.exec(cookie)
  if (match) return match[1] as Locale
  const accept = request.headers.get('accept-language') ?? ''
  for (const part of accept.split(',')) {
    const tag = part.split(';')[0]!.trim().slice(0, 2).toLowerCase()
    if (isLocale(tag)) return tag
  }
  return DEFAULT_LOCALE
}

/** Integer cents to euros, French formatting by default (1 234,50 €). */
const moneyFormats = new Map<string, Intl.NumberFormat>()
export function formatMoney(locale: Locale, cents: number) {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB'
  let format = moneyFormats.get(tag)
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' })
    moneyFormats.set(tag, format)
  }
  return format.format(cents / 100)
}
