// French territories, the one place that says which département codes exist and which region
// each belongs to. Every form (events, registrations, nominations, prizes, contacts, campaigns)
// reads codes through `normaliseDepartement` and checks them with `isDepartement`.
//
// Codes are INSEE's (code officiel géographique):
// - metropolitan départements 01–95, Corsica being 2A and 2B (there is no 20 since 1976);
// - the five overseas départements-régions 971 Guadeloupe, 972 Martinique, 973 Guyane,
//   974 La Réunion, 976 Mayotte;
// - the inhabited overseas collectivities, accepted too because their bodies and people take part
//   in events and prizes like anyone (the event form already offers their time zones):
//   975 Saint-Pierre-et-Miquelon, 977 Saint-Barthélemy, 978 Saint-Martin, 986 Wallis-et-Futuna,
//   987 Polynésie française, 988 Nouvelle-Calédonie. They belong to no region.
// Refused: 20, 99 (INSEE's "abroad"), 984 (TAAF) and 989 (Clipperton), which have no inhabitants.

const pad = (n: number) => String(n).padStart(2, '0')

/** Metropolitan départements, in order, with 2A and 2B where 20 would be. */
export const METROPOLITAN_DEPARTEMENTS: readonly string[] = Array.from({ length: 95 }, (_, i) => i + 1).flatMap((n) =>
  n === 20 ? ['2A', '2B'] : [pad(n)],
)
export const OVERSEAS_DEPARTEMENTS = ['971', '972', '973', '974', '976'] as const
export const OVERSEAS_COLLECTIVITIES = ['975', '977', '978', '986', '987', '988'] as const

/** Every accepted code: metropolitan, overseas départements, then overseas collectivities. */
export const DEPARTEMENTS: readonly string[] = [...METROPOLITAN_DEPARTEMENTS, ...OVERSEAS_DEPARTEMENTS, ...OVERSEAS_COLLECTIVITIES]
const KNOWN = new Set(DEPARTEMENTS)

/** What a person types → the code as stored: " 2a " → "2A", "1" → "01"; empty stays "". Not validated. */
export function normaliseDepartement(value: string | null | undefined): string {
  const v = (value ?? '').trim().toUpperCase()
  return /^\d$/.test(v) ? `0${v}` : v
}

/** Whether `code` (already normalised) is an accepted département or overseas collectivity. */
export function isDepartement(code: string): boolean {
  return KNOWN.has(code)
}

/**
 * A code from what spreadsheets hold: "31", "9" (leading zero lost) → "09", "2a" → "2A",
 * "31 - Haute-Garonne" → "31". Null when empty; `undefined` when unreadable or unknown.
 */
export function departementFromText(value: string): string | null | undefined {
  const v = value.trim().toUpperCase()
  if (v === '') return null
  const m = /^(\d{1,3}|2[AB])(?:\s*[-–—:(]|\s|$)/.exec(v)
  if (!m) return undefined
  const code = normaliseDepartement(m[1])
  return isDepartement(code) ? code : undefined
}

// ---- Regions ----

/** The French regions (since 2016) and their départements; an event's region comes from its département. */
export const REGIONS = [
  {
    code: 'auvergne-rhone-alpes',
    name: 'Auvergne-Rhône-Alpes',
    departements: ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  },
  { code: 'bourgogne-franche-comte', name: 'Bourgogne-Franche-Comté', departements: ['21', '25', '39', '58', '70', '71', '89', '90'] },
  { code: 'bretagne', name: 'Bretagne', departements: ['22', '29', '35', '56'] },
  { code: 'centre-val-de-loire', name: 'Centre-Val de Loire', departements: ['18', '28', '36', '37', '41', '45'] },
  { code: 'corse', name: 'Corse', departements: ['2A', '2B'] },
  { code: 'grand-est', name: 'Grand Est', departements: ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'] },
  { code: 'hauts-de-france', name: 'Hauts-de-France', departements: ['02', '59', '60', '62', '80'] },
  { code: 'ile-de-france', name: 'Île-de-France', departements: ['75', '77', '78', '91', '92', '93', '94', '95'] },
  { code: 'normandie', name: 'Normandie', departements: ['14', '27', '50', '61', '76'] },
  {
    code: 'nouvelle-aquitaine',
    name: 'Nouvelle-Aquitaine',
    departements: ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'],
  },
  { code: 'occitanie', name: 'Occitanie', departements: ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'] },
  { code: 'pays-de-la-loire', name: 'Pays de la Loire', departements: ['44', '49', '53', '72', '85'] },
  { code: 'provence-alpes-cote-d-azur', name: 'Provence-Alpes-Côte d’Azur', departements: ['04', '05', '06', '13', '83', '84'] },
  { code: 'guadeloupe', name: 'Guadeloupe', departements: ['971'] },
  { code: 'martinique', name: 'Martinique', departements: ['972'] },
  { code: 'guyane', name: 'Guyane', departements: ['973'] },
  { code: 'la-reunion', name: 'La Réunion', departements: ['974'] },
  { code: 'mayotte', name: 'Mayotte', departements: ['976'] },
] as const

export type Region = (typeof REGIONS)[number]
export type RegionCode = Region['code']

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’']/g, '-')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()

/** A region from its code or its name, however accented or cased ("ile-de-france", "Île-de-France"). */
export function findRegion(codeOrName: string | null | undefined): Region | null {
  if (!codeOrName) return null
  const key = fold(codeOrName)
  return REGIONS.find((r) => r.code === key || fold(r.name) === key) ?? null
}

/** The region of a département ("9" and "2a" are read as "09" and "2A"); null for the collectivities. */
export function regionOfDepartement(departement: string | null | undefined): Region | null {
  if (!departement) return null
  const code = normaliseDepartement(departement)
  return REGIONS.find((r) => (r.departements as readonly string[]).includes(code)) ?? null
}
