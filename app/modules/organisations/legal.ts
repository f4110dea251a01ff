// An organisation's legal and bank details (printed on receipts, given to attendees who pay by
// transfer): the checks of SIRET, IBAN and BIC, and the schema of the settings form.
// Error messages are i18n keys (`paymentsAdmin.error.*`).
import { z } from 'zod'
import { isValidSiret, normaliseSiret } from '#app/shared/siret.ts'

export { isValidSiret, normaliseSiret }

const SPACES = /[\s\u00a0\u202f.-]/g

/** "fr76 3000 …" → "FR7630006…" (what is stored). */
export function normaliseIban(text: string) {
  return text.replace(SPACES, '').toUpperCase()
}

/** Lengths of the IBANs people in France most often give (SEPA neighbours); others: 15–34. */
const IBAN_LENGTHS: Record<string, number> = {
  FR: 27,
  MC: 27,
  DE: 22,
  BE: 16,
  ES: 24,
  IT: 27,
  LU: 20,
  CH: 21,
  GB: 22,
  NL: 18,
  PT: 25,
  AT: 20,
  IE: 22,
}

/** ISO 13616: country, two check digits, the account; (rearranged, letters as numbers) mod 97 = 1. */
export function isValidIban(text: string) {
  const iban = normaliseIban(text)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false
  const expected = IBAN_LENGTHS[iban.slice(0, 2)]
  if (expected && iban.length !== expected) return false
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const ch of rearranged) {
    const value = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch)
    remainder = Number(`${remainder}${value}`) % 97
  }
  return remainder === 1
}

/** "FR7630006000011234567890189" → "FR76 3000 6000 0112 3456 7890 189" (how it is shown). */
export function formatIban(iban: string) {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ')
}

/** A BIC (ISO 9362): bank (4 letters), country (2 letters), location (2), optional branch (3). */
export function isValidBic(text: string) {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(normaliseIban(text))
}

export const DEFAULT_VAT_MENTION = 'TVA non applicable, art. 293 B du CGI'

export const LEGAL_LIMITS = { legalName: 200, address: 500, vatMention: 200, accountHolder: 140 } as const

function optionalText(max: number) {
  return z
    .string({ error: 'paymentsAdmin.error.tooLong' })
    .trim()
    .max(max, { error: 'paymentsAdmin.error.tooLong' })
    .nullish()
    .transform((v) => v || null)
}

export const legalDetailsSchema = z
  .object({
    legalName: optionalText(LEGAL_LIMITS.legalName),
    address: optionalText(LEGAL_LIMITS.address),
    siret: z
      .string({ error: 'paymentsAdmin.error.siretInvalid' })
      .nullish()
      .transform((v) => (v ? normaliseSiret(v) : null))
      .refine((v) => v === null || /^\d{14}$/.test(v), { error: 'paymentsAdmin.error.siretLength' })
      .refine((v) => v === null || !/^\d{14}$/.test(v) || isValidSiret(v), { error: 'paymentsAdmin.error.siretChecksum' }),
    vatMention: optionalText(LEGAL_LIMITS.vatMention),
    iban: z
      .string({ error: 'paymentsAdmin.error.ibanInvalid' })
      .nullish()
      .transform((v) => (v ? normaliseIban(v) : null))
      .refine((v) => v === null || isValidIban(v), { error: 'paymentsAdmin.error.ibanInvalid' }),
    bic: z
      .string({ error: 'paymentsAdmin.error.bicInvalid' })
      .nullish()
      .transform((v) => (v ? normaliseIban(v) : null))
      .refine((v) => v === null || isValidBic(v), { error: 'paymentsAdmin.error.bicInvalid' }),
    bankAccountHolder: optionalText(LEGAL_LIMITS.accountHolder),
  })
  .superRefine((v, ctx) => {
    // Attendees paying by transfer need both: an IBAN without a holder (or the reverse) is half a detail.
    if (v.iban && !v.bankAccountHolder)
      ctx.addIssue({ code: 'custom', path: ['bankAccountHolder'], message: 'paymentsAdmin.error.holderRequired' })
    if (!v.iban && (v.bankAccountHolder || v.bic))
      ctx.addIssue({ code: 'custom', path: ['iban'], message: 'paymentsAdmin.error.ibanRequired' })
  })
export type LegalDetailsInput = z.input<typeof legalDetailsSchema>
export type LegalDetails = z.output<typeof legalDetailsSchema>
