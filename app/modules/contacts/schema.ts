// What a contact is, how its fields are read from a form or a spreadsheet cell, and how the
// columns of an imported file map to them. Pure (Zod only): the browser may load it, and the
// import runs the same rules as the form. Errors are message keys of the `contacts` domain.
import { z } from 'zod'
import { PROFILES, type Profile } from '#app/shared/profiles.ts'
import { departementFromText } from '#app/shared/territories.ts'
import { CONTACT_FIELDS, CONTACT_LOCALES, LIMITS, type ContactField, type ContactLocale } from './limits.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

export { CONTACT_FIELDS, CONTACT_LOCALES, LIMITS, type ContactField, type ContactLocale }

export const CONTACT_SOURCES = ['import', 'manual', 'attendee', 'nominee', 'api'] as const
export type ContactSource = (typeof CONTACT_SOURCES)[number]

export const ERR = {
  emailRequired: 'contacts.error.emailRequired',
  emailInvalid: 'contacts.error.emailInvalid',
  nameTooLong: 'contacts.error.nameTooLong',
  structureTooLong: 'contacts.error.structureTooLong',
  profileUnknown: 'contacts.error.profileUnknown',
  departementInvalid: 'contacts.error.departementInvalid',
  localeUnknown: 'contacts.error.localeUnknown',
  tagsInvalid: 'contacts.error.tagsInvalid',
} as const
export type ContactErrorKey = (typeof ERR)[keyof typeof ERR]

/** Folds accents, case and punctuation: "É-mail " → "e mail". */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

// Words people write in a "Type" column, folded, for each profile (codes and FR/EN labels too).
const PROFILE_WORDS: Record<Profile, string[]> = {
  association: ['association', 'associations', 'asso', 'assoc'],
  cooperative: ['cooperative', 'cooperatives', 'scop', 'scic', 'cae', 'coop', 'cooperative scop scic cae'],
  mutuelle: ['mutuelle', 'mutuelles', 'mutual', 'mutual society', 'mutuelle d assurance'],
  fondation: ['fondation', 'fondations', 'foundation', 'fonds de dotation'],
  esus: [
    'esus',
    'entreprise esus',
    'societe ess',
    'societe commerciale de l ess',
    'esus company',
    'entreprise ess',
    'entreprise esus societe commerciale de l ess',
    'esus company ess commercial company',
  ],
  collectivite: [
    'collectivite',
    'collectivites',
    'epci',
    'collectivite epci',
    'commune',
    'communaute de communes',
    'communaute d agglomeration',
    'metropole',
    'departement',
    'region',
    'local authority',
    'local authority epci',
  ],
  elu: ['elu', 'elue', 'elus', 'elues', 'elu e', 'elu es', 'elected official', 'elected'],
  etat: ['etat', 'etat service public', 'service public', 'state', 'state public service', 'prefecture', 'dreets'],
  financeur: ['financeur', 'financeurs', 'funder', 'banque', 'bank'],
  etudiant: ['etudiant', 'etudiante', 'etudiants', 'etudiant e', 'student'],
  porteur_projet: ['porteur de projet', 'porteur projet', 'porteuse de projet', 'porteur se de projet', 'project holder'],
  autre: ['autre', 'autres', 'other', 'partenaire', 'partenaires', 'partner'],
}
const PROFILE_LOOKUP = new Map<string, Profile>(
  PROFILES.flatMap((p) => [[fold(p), p] as const, ...PROFILE_WORDS[p].map((w) => [fold(w), p] as const)]),
)

/** A profile code from a code or a label in French or English. Null when empty; `undefined` when unknown. */
export function normaliseProfile(value: string): Profile | null | undefined {
  const key = fold(value)
  if (key === '') return null
  return PROFILE_LOOKUP.get(key) ?? PROFILE_LOOKUP.get(key.replace(/ /g, '_'))
}

const LOCALE_WORDS: Record<ContactLocale, string[]> = {
  fr: ['fr', 'fra', 'fre', 'fr fr', 'francais', 'french', 'france'],
  en: ['en', 'eng', 'en gb', 'en us', 'anglais', 'english'],
}
/** "fr" when empty; `undefined` when not a language we write in. */
export function normaliseLocale(value: string): ContactLocale | undefined {
  const key = fold(value)
  if (key === '') return 'fr'
  for (const l of CONTACT_LOCALES) if (LOCALE_WORDS[l].includes(key)) return l
  return undefined
}

/** Tags: split on "," ";" or "|", trimmed, lower-cased, inner spaces collapsed, without duplicates. */
export function normaliseTags(value: string | readonly string[]): string[] {
  const parts = typeof value === 'string' ? value.split(/[,;|\n]/) : value.flatMap((v) => v.split(/[,;|\n]/))
  const out: string[] = []
  for (const part of parts) {
    const tag = part.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')
    if (tag !== '' && !out.includes(tag)) out.push(tag)
  }
  return out
}

export function mergeTags(a: readonly string[], b: readonly string[]): string[] {
  return normaliseTags([...a, ...b])
}

/** The stored tags (a JSON array); a damaged value reads as no tags. */
export function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

const text = (max: number, key: ContactErrorKey) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim().replace(/\s+/g, ' '))
    .refine((v) => v.length <= max, { error: key })

/** A contact as typed in the form or read from a row; every field normalised. */
export const contactSchema = z.object({
  email: z
    .string({ error: ERR.emailRequired })
    .transform(normaliseEmail)
    .refine((v) => v !== '', { error: ERR.emailRequired, abort: true })
    .refine((v) => v.length <= LIMITS.email, { error: ERR.emailInvalid, abort: true })
    .pipe(z.email({ error: ERR.emailInvalid })),
  firstName: text(LIMITS.name, ERR.nameTooLong),
  lastName: text(LIMITS.name, ERR.nameTooLong),
  structure: text(LIMITS.structure, ERR.structureTooLong).transform((v) => (v === '' ? null : v)),
  profile: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const p = normaliseProfile(v ?? '')
      if (p === undefined) {
        ctx.addIssue({ code: 'custom', message: ERR.profileUnknown, params: { value: v } })
        return z.NEVER
      }
      return p
    }),
  departement: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const d = departementFromText(v ?? '')
      if (d === undefined) {
        ctx.addIssue({ code: 'custom', message: ERR.departementInvalid, params: { value: v } })
        return z.NEVER
      }
      return d
    }),
  locale: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const l = normaliseLocale(v ?? '')
      if (l === undefined) {
        ctx.addIssue({ code: 'custom', message: ERR.localeUnknown, params: { value: v } })
        return z.NEVER
      }
      return l
    }),
  tags: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => normaliseTags(v ?? []))
    .refine((tags) => tags.length <= LIMITS.tags && tags.every((t) => t.length <= LIMITS.tag), { error: ERR.tagsInvalid }),
})

/**
 * The contact form (add, edit): the fields as typed, checked with the rules of `contactSchema` (the
 * browser shows the same errors the service would), and handed to the service unchanged.
 */
const contactFormFields = {
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  structure: z.string().optional(),
  profile: z.string().optional(),
  departement: z.string().optional(),
  locale: z.string().optional(),
  tags: z.string().optional(),
}

function checkContact(raw: Partial<Record<ContactField, string>>, ctx: z.RefinementCtx) {
  // A missing email is reported by validateContact (emailRequired).
  const result = validateContact(raw as RawContact)
  if (!result.ok) for (const p of result.problems) ctx.addIssue({ code: 'custom', path: [p.field], message: p.key })
}

export const contactFormSchema = z.object(contactFormFields).superRefine(checkContact)

/** The contacts list's buttons and forms other than the contact form, one schema per intent. */
export const contactIntentSchemas = {
  create: z.object({ ...contactFormFields, intent: z.literal('create') }).superRefine(checkContact),
  delete: z.object({ intent: z.literal('delete'), contactId: z.string({ error: 'contacts.error.notFound' }) }),
  addAttendees: z.object({
    intent: z.literal('addAttendees'),
    eventId: z.string({ error: 'contacts.add.eventRequired' }),
    tag: z.string({ error: 'contacts.add.tagRequired' }).trim().min(1, { error: 'contacts.add.tagRequired' }),
  }),
  addNominees: z.object({
    intent: z.literal('addNominees'),
    editionId: z.string({ error: 'contacts.add.editionRequired' }),
    tag: z.string({ error: 'contacts.add.tagRequired' }).trim().min(1, { error: 'contacts.add.tagRequired' }),
  }),
}

/** The suppression list's forms: add an address by hand (the service checks it), or take one off. */
export const suppressionIntentSchemas = {
  add: z.object({
    intent: z.literal('add').optional(),
    email: z
      .string({ error: ERR.emailRequired })
      .trim()
      .max(LIMITS.email, { error: ERR.emailInvalid })
      .pipe(z.email({ error: ERR.emailInvalid })),
  }),
  remove: z.object({ intent: z.literal('remove'), email: z.string({ error: ERR.emailRequired }).max(LIMITS.email) }),
}

/** The import's first step: a file (the size is checked while the upload is read). */
export const importUploadFormSchema = z.object({
  intent: z.literal('upload').optional(),
  file: z.instanceof(File, { error: 'contacts.import.error.noFile' }).refine((f) => f.size > 0, { error: 'contacts.import.error.noFile' }),
})

/** The import's second step: the file carried back, the columns chosen, the options; preview again or import. */
export const importMappingFormSchema = z.object({
  intent: z.enum(['preview', 'import']),
  carry: z.string({ error: 'contacts.import.error.lost' }),
  filename: z
    .string()
    .optional()
    .transform((v) => (v ?? '').slice(0, 200)),
  map: z.record(z.string(), z.string()).optional(),
  tagsToAdd: z
    .string()
    .optional()
    .transform((v) => (v ?? '').slice(0, 1000)),
  updateExisting: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
})

/** The mapping the second step's selects chose (`map.<field>` = a column's index). */
export function mappingFromFields(map: Record<string, string> | undefined): ColumnMapping {
  return mappingFromForm(
    Object.fromEntries(Object.entries(map ?? {}).map(([field, index]) => [`map.${field}`, index])),
    Number.MAX_SAFE_INTEGER,
  )
}

/** The contact page's delete button. */
export const deleteContactSchema = z.object({ intent: z.literal('delete') })

export type ContactInput = z.output<typeof contactSchema>
export type RawContact = z.input<typeof contactSchema>

export type FieldProblem = { field: ContactField; key: ContactErrorKey; value: string }

/** Validates one contact; on failure, one problem per field (the first reason of each). */
export function validateContact(raw: RawContact): { ok: true; contact: ContactInput } | { ok: false; problems: FieldProblem[] } {
  const result = contactSchema.safeParse(raw)
  if (result.success) return { ok: true, contact: result.data }
  const problems: FieldProblem[] = []
  for (const issue of result.error.issues) {
    const field = issue.path[0] as ContactField
    if (problems.some((p) => p.field === field)) continue
    const value = raw[field]
    problems.push({ field, key: issue.message as ContactErrorKey, value: Array.isArray(value) ? value.join(', ') : String(value ?? '') })
  }
  return { ok: false, problems }
}

// ---- Column mapping -------------------------------------------------------------------------

/** For each field, the index of the file's column that holds it, or null when no column does. */
export type ColumnMapping = Record<ContactField, number | null>

// Header names (folded) people use for each field, in French and English.
const HEADER_WORDS: Record<ContactField, string[]> = {
  email: [
    'email',
    'e mail',
    'mail',
    'courriel',
    'adresse mail',
    'adresse e mail',
    'adresse email',
    'adresse electronique',
    'email address',
    'e mail address',
    'mel',
  ],
  firstName: ['prenom', 'first name', 'firstname', 'given name', 'prenoms'],
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name', 'name'],
  structure: [
    'structure',
    'organisation',
    'organization',
    'organisme',
    'entreprise',
    'societe',
    'company',
    'raison sociale',
    'nom de la structure',
    'etablissement',
    'collectivite',
  ],
  profile: ['type', 'profil', 'profile', 'type de structure', 'categorie', 'category', 'type de contact', 'statut'],
  departement: ['departement', 'dept', 'dep', 'dpt', 'department', 'code departement', 'n departement', 'no departement'],
  locale: ['langue', 'language', 'lang', 'locale', 'langue preferee'],
  tags: ['tags', 'tag', 'etiquettes', 'etiquette', 'labels', 'label', 'groupes', 'groupe', 'groups', 'listes', 'mots cles'],
}

/** Guesses which column holds each field from the header names; each column serves one field at most. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, null])) as ColumnMapping
  const used = new Set<number>()
  const folded = headers.map(fold)
  // Exact names first (so "Nom de la structure" is not taken for "Nom"), then names that start with a known word.
  for (const pass of ['exact', 'prefix'] as const) {
    for (const field of CONTACT_FIELDS) {
      if (mapping[field] !== null) continue
      const words = HEADER_WORDS[field]
      const index = folded.findIndex(
        (h, i) => !used.has(i) && h !== '' && (pass === 'exact' ? words.includes(h) : words.some((w) => h.startsWith(`${w} `))),
      )
      if (index !== -1) {
        mapping[field] = index
        used.add(index)
      }
    }
  }
  return mapping
}

/** Reads a mapping from form fields `map.<field>` (a column index, or "" for none), checked against the header count. */
export function mappingFromForm(values: Record<string, unknown>, columnCount: number): ColumnMapping {
  const mapping = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, null])) as ColumnMapping
  for (const field of CONTACT_FIELDS) {
    const raw = values[`map.${field}`]
    if (typeof raw !== 'string' || !/^\d+$/.test(raw)) continue
    const index = Number(raw)
    if (index < columnCount) mapping[field] = index
  }
  return mapping
}

/** The raw contact a row gives under a mapping (unmapped fields are empty). */
export function rowToRaw(fields: readonly string[], mapping: ColumnMapping): Record<ContactField, string> {
  return Object.fromEntries(CONTACT_FIELDS.map((f) => [f, mapping[f] === null ? '' : (fields[mapping[f]] ?? '')])) as Record<
    ContactField,
    string
  >
}

/** Tags to add to every imported row, from the form ("élus, 2026"). */
export function tagsToAddFromForm(value: unknown): string[] {
  return typeof value === 'string'
    ? normaliseTags(value)
        .filter((t) => t.length <= LIMITS.tag)
        .slice(0, LIMITS.tags)
    : []
}

export function isContactLocale(value: unknown): value is ContactLocale {
  return typeof value === 'string' && (CONTACT_LOCALES as readonly string[]).includes(value)
}

/** The lower-cased text the list searches in (accents folded, so "helene" finds "Hélène"). */
export function contactSearchText(c: { firstName: string; lastName: string; email: string; structure: string | null }): string {
  return fold([c.firstName, c.lastName, c.email, c.structure ?? ''].join(' ')).replace(/\s+/g, ' ') + ` ${c.email}`
}
