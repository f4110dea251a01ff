// Conflicts of interest as plain functions: the kinds a juror may declare, and the warnings an
// organiser sees when a juror looks linked to a nominee (same email domain, same structure).

export const CONFLICT_KINDS = ['works_there', 'board_member', 'family', 'funder', 'other'] as const
export type ConflictKind = (typeof CONFLICT_KINDS)[number]

export const isConflictKind = (value: unknown): value is ConflictKind =>
  typeof value === 'string' && (CONFLICT_KINDS as readonly string[]).includes(value)

export const conflictKindLabelKey = (kind: string) => `jury.conflict.kind.${isConflictKind(kind) ? kind : 'other'}` as const

export const MAX_CONFLICT_NOTE_LENGTH = 1000

/** Personal mailbox providers: sharing one says nothing about a link between two people. */
const WEBMAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'neuf.fr',
  'bbox.fr',
  'numericable.fr',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'gmx.fr',
  'gmx.com',
  'protonmail.com',
  'proton.me',
  'live.fr',
  'live.com',
  'msn.com',
])
const WEBMAIL_PREFIXES = ['hotmail.', 'outlook.', 'yahoo.', 'ymail.']

export function emailDomain(email: string | null | undefined): string {
  const text = (email ?? '').trim().toLowerCase()
  const at = text.lastIndexOf('@')
  return at < 0 ? '' : text.slice(at + 1)
}

export function isWebmailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase()
  return WEBMAIL_DOMAINS.has(d) || WEBMAIL_PREFIXES.some((p) => d.startsWith(p))
}

/** Legal-form words that say nothing about which structure it is ("Association Les Amis" = "Les Amis"). */
const LEGAL_FORM_WORDS = new Set([
  'association',
  'asso',
  'scop',
  'scic',
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'earl',
  'gie',
  'sem',
  'cooperative',
  'coop',
  'mutuelle',
  'fondation',
  'fonds',
  'dotation',
  'federation',
  'union',
  'groupement',
  'esus',
  'ess',
  'loi',
  '1901',
])
const STOP_WORDS = new Set(['la', 'le', 'les', 'l', 'de', 'des', 'du', 'd', 'et', 'the', 'a', 'au', 'aux'])

/** A structure's name for comparison: no case, accents, punctuation, legal-form words or articles. */
export function normaliseOrganisationName(name: string | null | undefined): string {
  const words = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean)
  const meaningful = words.filter((w) => !LEGAL_FORM_WORDS.has(w) && !STOP_WORDS.has(w))
  return meaningful.join(' ')
}

export type ConflictWarningReason = 'same_email_domain' | 'same_organisation'

export type JurorForWarning = { email: string; organisationName?: string | null }
export type NomineeForWarning = { contactEmail: string; structureName: string }

/** Why this juror looks linked to this nominee (empty: no warning). */
export function likelyConflictReasons(juror: JurorForWarning, nominee: NomineeForWarning): ConflictWarningReason[] {
  const reasons: ConflictWarningReason[] = []
  const jd = emailDomain(juror.email)
  const nd = emailDomain(nominee.contactEmail)
  if (jd && jd === nd && !isWebmailDomain(jd)) reasons.push('same_email_domain')
  const jo = normaliseOrganisationName(juror.organisationName)
  const no = normaliseOrganisationName(nominee.structureName)
  if (jo && jo === no) reasons.push('same_organisation')
  return reasons
}

export const warningReasonLabelKey = (reason: ConflictWarningReason) => `jury.warning.${reason}` as const
