// Whether card payments can be offered, and if not, which settings are missing — for the
// organiser's notice. A stand-in until stripe.server.ts's `cardPaymentsAvailable()` is merged:
// the lead may then make `cardAvailability` call it (the rule is the same: both keys set).
const REQUIRED = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const

export function cardAvailability(env: Record<string, string | undefined> = process.env): { available: boolean; missing: string[] } {
  const missing = REQUIRED.filter((name) => !env[name]?.trim())
  return { available: missing.length === 0, missing }
}
