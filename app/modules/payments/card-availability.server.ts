// Whether card payments can be offered and, if not, which settings are missing — for the
// organiser's notice on the tickets page. Availability itself is stripe.server.ts's
// `cardPaymentsAvailable()`; this only adds the "why".
import { cardPaymentsAvailable } from './stripe.server.ts'

const REQUIRED = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const

export function cardAvailability(
  env: Record<string, string | undefined> = process.env,
  available = cardPaymentsAvailable(),
): { available: boolean; missing: string[] } {
  const missing = available ? [] : REQUIRED.filter((name) => !env[name]?.trim())
  return { available, missing }
}
