// Blind fields: per edition the organiser chooses which nomination fields jurors do not see.
// One pure function, `blindNomination`, applied on every juror page loader, juror export and
// juror email; the structure name gives way to a neutral reference (« Dossier C-7F3K2 »).

/** The nomination fields an organiser may hide from jurors; each prize question is `question:<id>`. */
export const BLINDABLE_FIELDS = [
  'structureName',
  'siret',
  'contactName',
  'contactEmail',
  'contactPhone',
  'address',
  'attachmentNames',
] as const
export type BlindableField = (typeof BLINDABLE_FIELDS)[number]
export const QUESTION_FIELD_PREFIX = 'question:'

export const questionField = (questionId: string) => `${QUESTION_FIELD_PREFIX}${questionId}`

/** Whether `v` is a field that can be blinded (a fixed one, or a question of `questionIds`). */
export function isBlindableField(v: string, questionIds: readonly string[] = []): boolean {
  if ((BLINDABLE_FIELDS as readonly string[]).includes(v)) return true
  return v.startsWith(QUESTION_FIELD_PREFIX) && questionIds.includes(v.slice(QUESTION_FIELD_PREFIX.length))
}

/** The stored JSON array of an edition's blind fields, unknown values dropped. */
export function parseBlindFields(raw: string | null | undefined): string[] {
  try {
    const v: unknown = JSON.parse(raw ?? '[]')
    return Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && (isBlindableField(x) || x.startsWith(QUESTION_FIELD_PREFIX)))
      : []
  } catch {
    return []
  }
}

/** A neutral, stable reference for a nomination, from its id: the same dossier always reads the same. */
export function neutralReference(nominationId: string): string {
  return `C-${nominationId.slice(-5).toUpperCase()}`
}

/** The shape of a nomination as juror-facing code holds it: every field optional. */
export type BlindableNomination = {
  id: string
  structureName?: string
  siret?: string | null
  contactFirstName?: string
  contactLastName?: string
  contactEmail?: string
  contactPhone?: string | null
  address?: string | null
  postalCode?: string | null
  town?: string | null
  answers?: Record<string, unknown>
  attachments?: readonly { filename: string }[]
}

export type Blinded<T> = T & { reference: string; blinded: boolean }

/**
 * The nomination as a juror may see it: each blinded field replaced (the structure name by the
 * neutral reference, attachments' names by `<reference>-<n>.<ext>`) or emptied, each blinded
 * question's answer removed. `reference` is always there; `blinded` says whether anything was hidden.
 */
export function blindNomination<T extends BlindableNomination>(nomination: T, blindFields: readonly string[]): Blinded<T> {
  const hide = new Set(blindFields)
  const reference = neutralReference(nomination.id)
  const out: Record<string, unknown> = { ...nomination, reference, blinded: hide.size > 0 }
  const has = (k: string) => k in nomination
  if (hide.has('structureName') && has('structureName')) out.structureName = reference
  if (hide.has('siret') && has('siret')) out.siret = null
  if (hide.has('contactName')) {
    if (has('contactFirstName')) out.contactFirstName = ''
    if (has('contactLastName')) out.contactLastName = ''
  }
  if (hide.has('contactEmail') && has('contactEmail')) out.contactEmail = ''
  if (hide.has('contactPhone') && has('contactPhone')) out.contactPhone = null
  if (hide.has('address')) {
    if (has('address')) out.address = null
    if (has('postalCode')) out.postalCode = null
    if (has('town')) out.town = null
  }
  if (hide.has('attachmentNames') && nomination.attachments) {
    out.attachments = nomination.attachments.map((a, i) => {
      const dot = a.filename.lastIndexOf('.')
      const ext = dot > 0 ? a.filename.slice(dot).toLowerCase() : ''
      return { ...a, filename: `${reference}-${i + 1}${ext}` }
    })
  }
  if (nomination.answers) {
    const answers: Record<string, unknown> = {}
    for (const [id, v] of Object.entries(nomination.answers)) if (!hide.has(questionField(id))) answers[id] = v
    out.answers = answers
  }
  return out as Blinded<T>
}
