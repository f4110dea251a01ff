// How event dates read in the UI: one range in the event's time zone, the zone named when it is
// not the default (an event in La Réunion shows its own local time).
import { DEFAULT_TIME_ZONE } from '#app/utils/time.ts'
import { cachedDateTimeFormat, type Locale } from '#app/utils/i18n.ts'

function intlLocale(locale: Locale) {
  return locale === 'fr' ? 'fr-FR' : 'en-GB'
}

/** "29 novembre 2025, 09:30 – 17:00" on one day; both dates when the event spans several days. */
export function formatEventDates(locale: Locale, startsAt: Date | string, endsAt: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  const format = cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone })
  const range = format.formatRange(new Date(startsAt), new Date(endsAt))
  return timeZone === DEFAULT_TIME_ZONE ? range : `${range} (${timeZone})`
}

/** Short form for lists: "29 nov. 2025". */
export function formatShortDate(locale: Locale, date: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  return cachedDateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone }).format(new Date(date))
}

/** Day and times of a programme slot: "samedi 29 novembre, 09:30 – 11:00". */
export function formatSlotTimes(locale: Locale, startsAt: Date | string, endsAt: Date | string, timeZone = DEFAULT_TIME_ZONE) {
  const format = cachedDateTimeFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone })
  return format.formatRange(new Date(startsAt), new Date(endsAt))
}
