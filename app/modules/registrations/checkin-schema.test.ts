import { describe, expect, test } from 'vitest'
import { checkInSchema, checkInTarget, normaliseTicketCode } from './checkin-schema.ts'

describe('check-in form', () => {
  test('a typed or scanned code loses spaces, dashes and case', () => {
    expect(normaliseTicketCode(' ab-12 cd\t34ef ')).toBe('AB12CD34EF')
  })
  test('a picked registration wins over a code; nothing named is null; a code of only dashes names nothing', () => {
    const parse = (input: Record<string, string>) => checkInTarget(checkInSchema.parse({ intent: 'checkin', ...input }))
    expect(parse({ registrationId: 'r1', ticketCode: 'X' })).toEqual({ registrationId: 'r1' })
    expect(parse({ ticketCode: 'ab-cd' })).toEqual({ ticketCode: 'ABCD' })
    expect(parse({ ticketCode: ' - ' })).toBeNull()
    expect(parse({})).toBeNull()
    expect(checkInSchema.safeParse({ intent: 'undo' }).success).toBe(false)
  })
})
