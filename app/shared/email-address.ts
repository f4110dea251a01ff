// Email addresses are stored and compared in one form: trimmed and lower-cased. Every module that
// stores an address or looks one up goes through normaliseEmail, so "Ana@X.org " finds "ana@x.org".
// (Lower-casing the local part is a deliberate simplification: no mail server we meet treats
// case as significant, and people type addresses in every case.)

/** " Ana@Example.ORG " → "ana@example.org". */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A plausible address (something@domain.tld, at most 254 characters), whatever its case or spaces. */
export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_PATTERN.test(normaliseEmail(email))
}
