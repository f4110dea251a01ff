// The one i18n layer: French by default, English second. Messages live in app/locales/fr/<domain>.ts
// and app/locales/en/<domain>.ts (the English file must have exactly the French keys: its type says so).
// The server holds both catalogues; the browser only the page's language (see #catalogues).
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

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template: string = catalogues[locale]?.[key] ?? catalogues.fr?.[key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])))
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
