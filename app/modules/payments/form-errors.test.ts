import { expect, test } from 'vitest'
import { AppError } from '#app/utils/errors.ts'
import { appErrorFields, translateFieldErrors } from './form-errors.ts'

test('payments keys are translated with their params; other text is kept', () => {
  expect(translateFieldErrors('fr', { siret: ['paymentsAdmin.error.siretLength', 'paymentsAdmin.error.siretLength'], x: ['not a key'] })).toEqual({ siret: ['Le SIRET compte 14 chiffres.'], x: ['not a key'] })
  const error = new AppError({ status: 422, code: 'quota_below_sold', messageKey: 'paymentsAdmin.error.quotaBelowSold', params: { sold: 3 }, fields: { quota: ['paymentsAdmin.error.quotaBelowSold'] } })
  expect(appErrorFields('en', error)).toEqual({ quota: ['3 ticket(s) are already taken: the number of tickets cannot be lower.'] })
  expect(appErrorFields('fr', new AppError({ status: 409, code: 'x', messageKey: 'paymentsAdmin.error.ticketHeld', params: { count: 2 } }))).toEqual({ _form: ['Des inscriptions (2) ont ce billet : archivez-le plutôt.'] })
})
