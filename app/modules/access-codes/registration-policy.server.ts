// Access codes' part in registration (plugged in by app/composition/registrations.server.ts): a
// code typed on the form is checked and one of its uses taken in the registration's transaction,
// its price given to payments (through `priceWithAccessCode`), the use recorded against the
// registration, and given back when the registration is cancelled. A hidden ticket (one an
// unlock code is for) needs its code, except for organisers adding someone by hand.
import type { RegisterContext, RegistrationPolicy } from '#app/modules/registrations/pipeline.ts'
import { AppError } from '#app/utils/errors.ts'
import { codeRefusal, normaliseCode, priceWithCode, type CodeRefusal } from './rules.ts'
import { findCode, recordRedemption, releaseUse, takeUse, ticketIsHidden } from './service.server.ts'

export type AccessCodeInput = {
  /** The code typed on the form or sent through the API (any case). */
  accessCode?: string | null
  ticketTypeId?: string | null
}

type Decision = { codeId: string; kind: string; amount: number; fullCents?: number; priceCents?: number }

// What the policy decided for one registration, keyed by its pipeline context (one per register call).
const decisions = new WeakMap<object, Decision>()

const MESSAGES = {
  unknown: 'accessCodes.error.unknown',
  inactive: 'accessCodes.error.unknown',
  not_yet: 'accessCodes.error.notYet',
  expired: 'accessCodes.error.expired',
  exhausted: 'accessCodes.error.exhausted',
  wrong_ticket: 'accessCodes.error.wrongTicket',
} as const satisfies Record<CodeRefusal, string>

function codeError(refusal: CodeRefusal) {
  const messageKey = MESSAGES[refusal]
  return new AppError({ status: 422, code: `access_code_${refusal}`, messageKey, fields: { accessCode: [messageKey] } })
}

function hiddenTicketError() {
  return new AppError({
    status: 422,
    code: 'access_code_required',
    messageKey: 'accessCodes.error.required',
    fields: { ticketTypeId: ['accessCodes.error.required'] },
  })
}

/** The price of the ticket for this registration (payments asks it before deciding on a payment). */
export function priceWithAccessCode(ctx: object, ticket: { id: string; priceCents: number }): number {
  const decision = decisions.get(ctx)
  if (!decision) return ticket.priceCents
  decision.fullCents = ticket.priceCents
  decision.priceCents = priceWithCode(decision, ticket.priceCents)
  return decision.priceCents
}

export const accessCodePolicy: RegistrationPolicy<AccessCodeInput> = {
  name: 'access-codes',

  async beforeSeat(tx, ctx: RegisterContext<AccessCodeInput, unknown>) {
    const { event, input, opts, now } = ctx
    const typed = normaliseCode(input.accessCode)
    if (!typed) {
      if (input.ticketTypeId && opts.source !== 'manual' && (await ticketIsHidden(tx, event.id, input.ticketTypeId)))
        throw hiddenTicketError()
      return null
    }
    const code = await findCode(tx, event.id, typed)
    const refusal = codeRefusal(code, input.ticketTypeId, now)
    if (refusal || !code) throw codeError(refusal ?? 'unknown')
    // The limit is held by the database, whatever the number of concurrent registrations.
    if (!(await takeUse(tx, code.id, now))) throw codeError('exhausted')
    const decision: Decision = { codeId: code.id, kind: code.kind, amount: code.amount }
    decisions.set(ctx, decision)
    return {
      async afterInsert(tx, registration) {
        const priceCents = decision.priceCents ?? 0
        const discountCents = Math.max(0, (decision.fullCents ?? 0) - priceCents)
        await recordRedemption(tx, { accessCodeId: code.id, registrationId: registration.id, priceCents, discountCents, now })
        return { result: { accessCode: { code: code.code, priceCents } }, audit: { accessCodeId: code.id } }
      },
    }
  },

  async onCancel(tx, registration, { now }) {
    await releaseUse(tx, registration.id, now)
  },
}
