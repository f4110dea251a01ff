/** Both languages of one domain's messages; English must have exactly French's keys. */
export function defineMessages<const K extends string>(fr: Record<K, string>, en: Record<K, string>) {
  return { fr, en }
}
