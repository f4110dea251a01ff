// Audience profiles of ESS events (shared/DOMAIN.md), for registrants and contacts alike. Stored as these codes; labels via i18n.
export const PROFILES = [
  'association',
  'cooperative',
  'mutuelle',
  'fondation',
  'esus',
  'collectivite',
  'elu',
  'etat',
  'financeur',
  'etudiant',
  'porteur_projet',
  'autre',
] as const
export type Profile = (typeof PROFILES)[number]

export function isProfile(value: unknown): value is Profile {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value)
}

export const profileLabelKey = (p: Profile) => `profile.${p}` as const
