// The message catalogues in the browser: only the page's language, fetched as its own script before
// the app hydrates (app/entry.client.tsx), so a visitor never downloads the other language.
import type { Catalogues, Locale } from './types.ts'

export const catalogues: Catalogues = {}

export async function loadCatalogue(locale: Locale): Promise<void> {
  if (catalogues[locale]) return
  const { messages } = locale === 'en' ? await import('./en/index.ts') : await import('./fr/index.ts')
  catalogues[locale] = messages
}
