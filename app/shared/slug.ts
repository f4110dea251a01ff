// Public URLs of events: /e/<slug>. Built once from the title and never changed afterwards, so
// links already shared keep working when the title is edited.

export const SLUG_MAX_LENGTH = 60

/** Six hexadecimal digits to tell apart two slugs of the same title ("…-3f9a1c"). */
export function randomSuffix(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * ASCII slug of a title: accents dropped, ligatures spelled out, anything else becomes a single
 * hyphen, cut at a word boundary. "Conférence régionale de l'ESS 2025" → "conference-regionale-de-l-ess-2025".
 */
export function slugify(title: string, maxLength = SLUG_MAX_LENGTH): string {
  let slug = title
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength)
    const lastHyphen = cut.lastIndexOf('-')
    slug = (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/g, '')
  }
  return slug || 'evenement'
}
