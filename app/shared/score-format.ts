// A score as a person reads it: one decimal at most, the locale's decimal separator; « — » when none.
import type { Locale } from '#app/utils/i18n.ts'

export function formatScore(locale: Locale, value: number | null): string {
  if (value === null) return '—'
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(value)
}
