// Name badges: the sheet formats, the organiser's order and the colour of each audience profile,
// as plain functions so the PDF and its tests agree. Shared by server and browser.

export const BADGE_FORMATS = ['a4x8', 'label90x55'] as const
export type BadgeFormat = (typeof BADGE_FORMATS)[number]
export const BADGE_ORDERS = ['lastName', 'organisation', 'registeredAt'] as const
export type BadgeOrder = (typeof BADGE_ORDERS)[number]

export const isBadgeFormat = (v: unknown): v is BadgeFormat => typeof v === 'string' && (BADGE_FORMATS as readonly string[]).includes(v)
export const isBadgeOrder = (v: unknown): v is BadgeOrder => typeof v === 'string' && (BADGE_ORDERS as readonly string[]).includes(v)

export type BadgePerson = {
  id: string
  firstName: string
  lastName: string
  organisationName: string
  organisationType: string
  ticketCode: string
  createdAt: Date
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })

/** The badges in the organiser's order; ties fall back on last name, first name, then registration. */
export function sortBadges<T extends BadgePerson>(people: readonly T[], order: BadgeOrder): T[] {
  const byName = (a: T, b: T) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName)
  const byDate = (a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)
  return [...people].sort((a, b) => {
    if (order === 'organisation') return collator.compare(a.organisationName, b.organisationName) || byName(a, b) || byDate(a, b)
    if (order === 'registeredAt') return byDate(a, b)
    return byName(a, b) || byDate(a, b)
  })
}

// One colour per audience profile (app/shared/profiles.ts), dark enough for white text on the band.
const PROFILE_COLOURS: Record<string, string> = {
  association: '#1d4ed8',
  cooperative: '#047857',
  mutuelle: '#7c3aed',
  fondation: '#b45309',
  esus: '#be123c',
  collectivite: '#0e7490',
  elu: '#4338ca',
  etat: '#334155',
  financeur: '#a16207',
  etudiant: '#c2410c',
  porteur_projet: '#15803d',
}

export function profileColour(profile: string): string {
  return PROFILE_COLOURS[profile] ?? '#57534e'
}

/** Badge size and where each one sits on its page, in millimetres. */
export function badgeLayout(format: BadgeFormat) {
  const badge = { width: 90, height: 55 }
  if (format === 'label90x55') return { page: badge, perPage: 1, slots: [{ x: 0, y: 0 }], badge }
  // A4 (210 × 297): 2 columns × 4 rows of 90 × 55, centred, as on the common 8-up badge sheets.
  const left = (210 - 2 * 90) / 2
  const top = (297 - 4 * 55) / 2
  const slots = Array.from({ length: 8 }, (_, i) => ({ x: left + (i % 2) * 90, y: top + Math.floor(i / 2) * 55 }))
  return { page: { width: 210, height: 297 }, perPage: 8, slots, badge }
}
