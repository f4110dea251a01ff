// SIRET numbers (the 14-digit identifier of a French establishment): normalising what people type
// and checking the key. Used by nominations (the nominee's SIRET) and organisations' legal details.

/** "356 000 000 00048" → "35600000000048": spaces (also non-breaking), dots and dashes dropped. */
export function normaliseSiret(input: string | null | undefined): string {
  return (input ?? '').replace(/[\s\u00a0\u202f.-]/g, '')
}

function luhnValid(digits: string) {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    // From the right, every second digit is doubled: with 14 digits that is the even indexes.
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** La Poste's establishments share one SIREN and are too many for Luhn's check digit. */
export const LA_POSTE_SIREN = '356000000'
/** La Poste's head office keeps the ordinary Luhn check. */
const LA_POSTE_HEAD_OFFICE = '35600000000048'

/**
 * A SIRET is 14 digits passing the Luhn check; La Poste's establishments (SIREN 356000000) use
 * another rule instead: the sum of the digits is a multiple of 5 (except the head office,
 * 356 000 000 00048, which passes Luhn). Spaces in the input are accepted.
 */
export function isValidSiret(input: string | null | undefined): boolean {
  const siret = normaliseSiret(input)
  if (!/^\d{14}$/.test(siret)) return false
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE) {
    return [...siret].reduce((sum, c) => sum + Number(c), 0) % 5 === 0
  }
  return luhnValid(siret)
}
