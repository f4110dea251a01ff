import { expect, test } from 'vitest'
import { AppError } from '#app/utils/errors.ts'
import { appErrorToFieldErrors, translateErrors } from './form-errors.ts'

test('keys of every module are translated once each, whatever the case of their first segment; other text is kept', () => {
  expect(
    translateErrors('fr', {
      siret: ['paymentsAdmin.error.siretLength', 'paymentsAdmin.error.siretLength'],
      title: ['events.error.titleRequired'],
      x: ['not a key'],
    }),
  ).toEqual({ siret: ['Le SIRET compte 14 chiffres.'], title: [expect.stringMatching(/titre/i)], x: ['not a key'] })
})

test('a rule error names its fields with keys (params filled in) or codes (its own message instead), or else the whole form', () => {
  const quota = new AppError({
    status: 422,
    code: 'quota_below_sold',
    messageKey: 'paymentsAdmin.error.quotaBelowSold',
    params: { sold: 3 },
    fields: { quota: ['paymentsAdmin.error.quotaBelowSold'] },
  })
  expect(appErrorToFieldErrors('en', quota)).toEqual({ quota: ['3 tickets are already taken: the number of tickets cannot be lower.'] })
  const coded = new AppError({
    status: 422,
    code: 'ticket_required',
    messageKey: 'payments.error.ticketRequired',
    fields: { ticketTypeId: ['ticket_required'] },
  })
  expect(appErrorToFieldErrors('fr', coded).ticketTypeId).toHaveLength(1)
  expect(appErrorToFieldErrors('fr', coded).ticketTypeId![0]).not.toBe('ticket_required')
  expect(
    appErrorToFieldErrors(
      'fr',
      new AppError({ status: 409, code: 'x', messageKey: 'paymentsAdmin.error.ticketHeld', params: { count: 2 } }),
    ),
  ).toEqual({ _form: ['Des inscriptions (2) ont ce billet : archivez-le plutôt.'] })
})
