// Merge fields in a campaign's subject and body: `{{prenom}}` becomes each recipient's first name.
// A small fixed set, each with a French and an English name. Unknown names are refused when the
// campaign is saved (a typo would otherwise reach thousands of inboxes as "{{prenon}}").
// Values put into the HTML body are escaped: a contact named "<script>" stays text.

export const MERGE_FIELDS = {
  prenom: 'firstName',
  first_name: 'firstName',
  nom: 'lastName',
  last_name: 'lastName',
  structure: 'structure',
  lien: 'link',
  link: 'link',
  evenement: 'target',
  event: 'target',
  organisation: 'organisation',
} as const

export type MergeFieldName = keyof typeof MERGE_FIELDS
export type MergeValues = { firstName: string; lastName: string; structure: string; link: string; target: string; organisation: string }

/** The documented names, French first (shown in the organiser's help). */
export const DOCUMENTED_FIELDS: { fr: MergeFieldName; en: MergeFieldName; value: keyof MergeValues }[] = [
  { fr: 'prenom', en: 'first_name', value: 'firstName' },
  { fr: 'nom', en: 'last_name', value: 'lastName' },
  { fr: 'structure', en: 'structure', value: 'structure' },
  { fr: 'lien', en: 'link', value: 'link' },
  { fr: 'evenement', en: 'event', value: 'target' },
  { fr: 'organisation', en: 'organisation', value: 'organisation' },
]

// `{{ name }}` with optional spaces; names are letters, digits and underscores.
const FIELD = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g

export function isMergeField(name: string): name is MergeFieldName {
  return Object.hasOwn(MERGE_FIELDS, name.toLowerCase())
}

/** The unknown field names used in the text (each once, in order of appearance). */
export function unknownMergeFields(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(FIELD)) {
    const name = m[1]!
    if (!isMergeField(name) && !out.includes(name)) out.push(name)
  }
  return out
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtmlText = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

function valueOf(name: string, values: MergeValues): string | undefined {
  if (!isMergeField(name)) return undefined
  return values[MERGE_FIELDS[name.toLowerCase() as MergeFieldName]]
}

/** Plain text (the subject): values as they are; unknown fields are left untouched. */
export function mergeText(text: string, values: MergeValues): string {
  return text.replace(FIELD, (whole, name: string) => valueOf(name, values) ?? whole)
}

/**
 * HTML already rendered from the organiser's Markdown: values are escaped, and the personal
 * link becomes a clickable link (its text is the address itself).
 */
export function mergeHtml(html: string, values: MergeValues): string {
  return html.replace(FIELD, (whole, name: string) => {
    const value = valueOf(name, values)
    if (value === undefined) return whole
    if (MERGE_FIELDS[name.toLowerCase() as MergeFieldName] === 'link') {
      const href = escapeHtmlText(value)
      return `<a href="${href}">${href}</a>`
    }
    return escapeHtmlText(value)
  })
}
