import { describe, expect, test } from 'vitest'
import { catalogues } from '#app/locales/catalogues.ts'
import type { Catalogue } from '#app/locales/types.ts'

const NNBSP = '\u202f'
const french = Object.entries(catalogues.fr as Catalogue)
// Code quoted in a message keeps its own spelling ("Content-Type: application/json").
const CODE = /\b(Content-Type|Authorization):/g

describe('French typography in the French catalogue', () => {
  test('a narrow no-break space before : ; ! ? (never a plain space, never none), but not in URLs or times', () => {
    const wrong: string[] = []
    for (const [key, text] of french) {
      const prose = text.replace(CODE, '')
      for (const m of prose.matchAll(/[:;!?]/g)) {
        const before = prose[m.index - 1]
        const after = prose[m.index + 1]
        // "https://", "9:30", "?x=1": punctuation glued to what follows is not prose.
        if (after !== undefined && !/[\s»”’)]/.test(after) && before !== ' ' && before !== '\u00a0') continue
        if (before !== NNBSP) wrong.push(`${key}: …${prose.slice(Math.max(0, m.index - 12), m.index + 2)}`)
      }
    }
    expect(wrong).toEqual([])
  })

  test('« and » hold their text with narrow no-break spaces', () => {
    const wrong = french.filter(([, text]) => /«(?!\u202f)|(?<!\u202f)»/.test(text)).map(([key]) => key)
    expect(wrong).toEqual([])
  })

  test('the typographic apostrophe, never the ASCII one', () => {
    expect(french.filter(([, text]) => text.includes("'")).map(([key]) => key)).toEqual([])
  })

  test('"e-mail", written one way: never "email", "mail" or "courriel" on its own', () => {
    const wrong = french.filter(([, text]) => /(?<![-{\w])(e?mails?|courriels?)(?![\w}])/i.test(text.replace(/e-mails?/gi, '')))
    expect(wrong.map(([key]) => key)).toEqual([])
  })
})
