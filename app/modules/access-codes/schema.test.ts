import { describe, expect, it } from 'vitest'
import { codeFormSchema } from './schema.ts'

const schema = codeFormSchema('Europe/Paris')

describe('codeFormSchema', () => {
  it('reads a percent code with a limit and a window in the event’s time zone', () => {
    const r = schema.safeParse({
      code: 'abc',
      kind: 'percent',
      amount: '20',
      ticketTypeId: 't',
      maxUses: '10',
      validUntil: '2026-06-01T00:00',
    })
    expect(r.success && r.data).toEqual({
      code: 'abc',
      kind: 'percent',
      amount: 20,
      ticketTypeId: 't',
      maxUses: 10,
      validFrom: null,
      validUntil: new Date('2026-05-31T22:00:00Z'),
    })
  })
  it('reads a fixed amount in euros as cents, and ignores the amount of a free code', () => {
    expect(schema.parse({ kind: 'fixed', amount: '12,50', ticketTypeId: 't' }).amount).toBe(1_250)
    expect(schema.parse({ kind: 'free', amount: '99', ticketTypeId: 't' })).toMatchObject({ amount: 0, maxUses: null, code: null })
  })
  it('refuses a percentage beyond 100, a zero limit and a missing ticket', () => {
    const r = schema.safeParse({ kind: 'percent', amount: '120', ticketTypeId: '', maxUses: '0' })
    expect(r.success).toBe(false)
    const paths = r.error?.issues.map((i) => i.path.join('.')).sort()
    expect(paths).toEqual(expect.arrayContaining(['maxUses', 'ticketTypeId']))
  })
})
