import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, test } from 'vitest'
import { catalogues } from '#app/locales/catalogues.ts'
import type { Catalogue, Locale, MessageKey } from '#app/locales/types.ts'
import { translate } from './i18n.ts'

const LANGS: Locale[] = ['fr', 'en']
const entries = (locale: Locale) => Object.entries(catalogues[locale] as Catalogue) as [MessageKey, string][]

/** The argument names of a message, and whether each one is a number (plural, select ordinal, number). */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, 'number' | 'string'>()) {
  for (const el of elements) {
    if (el.type === TYPE.argument) {
      if (!found.has(el.value)) found.set(el.value, 'string')
    } else if (el.type === TYPE.plural || el.type === TYPE.number) {
      found.set(el.value, 'number')
      if (el.type === TYPE.plural) for (const option of Object.values(el.options)) argumentsOf(option.value, found)
    } else if (el.type === TYPE.select) {
      found.set(el.value, 'string')
      for (const option of Object.values(el.options)) argumentsOf(option.value, found)
    }
  }
  return found
}

/** The literal words of a message, once parsed: what must survive formatting. */
function literalText(elements: MessageFormatElement[]): string {
  return elements.map((el) => (el.type === TYPE.literal ? el.value : '')).join('')
}

describe('plurals in the catalogues', () => {
  test('no message writes a plural as "(s)" or "(x)": each count is an ICU plural', () => {
    for (const locale of LANGS) {
      const hand = entries(locale)
        .filter(([, text]) => /\((s|x|es)\)/.test(text))
        .map(([key]) => key)
      expect(hand, locale).toEqual([])
    }
  })

  test('every message parses as ICU and formats with dummy parameters, without losing text', () => {
    for (const locale of LANGS) {
      for (const [key, text] of entries(locale)) {
        // Campaign templates carry {{merge}} fields, filled later by the campaign: they pass through as written.
        if (text.includes('{{')) {
          expect(translate(locale, key), `${locale} ${key}`).toBe(text)
          continue
        }
        const ast = parse(text, { ignoreTag: true })
        const params: Record<string, string | number> = {}
        for (const [name, kind] of argumentsOf(ast)) params[name] = kind === 'number' ? 2 : `«${name}»`
        const out = translate(locale, key, params)
        // An ASCII apostrophe before { } or # would open a quoted literal and swallow text or arguments.
        expect(out, `${locale} ${key}`).not.toMatch(/\{|\}/)
        for (const name of Object.keys(params))
          if (typeof params[name] === 'string') expect(out, `${locale} ${key}`).toContain(params[name])
        expect(out.length, `${locale} ${key}`).toBeGreaterThanOrEqual(literalText(ast).length)
        // A message without ICU syntax comes out exactly as written (apostrophes included).
        if (!/[{}]/.test(text)) expect(out, `${locale} ${key}`).toBe(text)
      }
    }
  })

  test('French: 0 and 1 are singular, 2 is plural', () => {
    const fr = (key: MessageKey, params: Record<string, number | string>) => translate('fr', key, params)
    expect([0, 1, 2].map((days) => fr('events.dashboard.reminder', { days }))).toEqual(['0 jour avant', '1 jour avant', '2 jours avant'])
    expect([0, 1, 2].map((count) => fr('events.dashboard.questionCount', { count }))).toEqual(['0 question', '1 question', '2 questions'])
    expect([0, 1, 2].map((count) => fr('payments.form.left', { count }))).toEqual([
      '0 place restante à ce tarif',
      '1 place restante à ce tarif',
      '2 places restantes à ce tarif',
    ])
    expect(fr('checkin.counter', { checkedIn: 1, confirmed: 2 })).toBe('1 personne émargée sur 2 inscriptions confirmées')
    expect(fr('events.dashboard.programmeCount', { slots: 2, workshops: 1 })).toBe('2 créneaux, 1 atelier')
  })

  test('English: only 1 is singular', () => {
    const en = (key: MessageKey, params: Record<string, number | string>) => translate('en', key, params)
    expect([0, 1, 2].map((days) => en('events.dashboard.reminder', { days }))).toEqual(['0 days before', '1 day before', '2 days before'])
    expect([0, 1, 2].map((count) => en('events.toast.cancelled', { count }))).toEqual([
      'Event cancelled. 0 people told by email.',
      'Event cancelled. 1 person told by email.',
      'Event cancelled. 2 people told by email.',
    ])
    expect([0, 1, 2].map((count) => en('public.seats.left', { count }))).toEqual(['0 places left', '1 place left', '2 places left'])
  })

  test('numbers in a plural take the language’s digit grouping', () => {
    expect(translate('en', 'contacts.list.count', { count: 1234 })).toBe('1,234 contacts')
    expect(translate('fr', 'contacts.list.count', { count: 1234 }).replace(/\s/g, ' ')).toBe('1 234 contacts')
  })

  test('a message that cannot be formatted falls back to simple replacement instead of throwing', () => {
    // A missing plural parameter: the ICU formatter refuses, the text stays readable.
    expect(() => translate('fr', 'events.dashboard.reminder', {})).not.toThrow()
    // A parameter's own braces are text, never syntax.
    expect(translate('fr', 'error.reference', { id: 'x{y}' })).toContain('x{y}')
  })
})
