import { describe, expect, test } from 'vitest'
import { auditFiltersFrom } from './rules.ts'
import { decodeCursor, encodeCursor } from './viewer.server.ts'

describe('audit viewer filters', () => {
  test('reads exact codes and Paris days, the last day included', () => {
    const f = auditFiltersFrom(new URLSearchParams('actor=u1&action=event.publish&type=Event&from=2026-07-01&to=2026-07-31'))
    expect(f).toEqual({
      actorUserId: 'u1',
      action: 'event.publish',
      entityType: 'Event',
      from: new Date('2026-06-30T22:00:00Z'),
      to: new Date('2026-07-31T22:00:00Z'),
    })
  })
  test('winter time and malformed values', () => {
    const f = auditFiltersFrom(new URLSearchParams('actor=a b&action=&from=2026-01-15&to=nope'))
    expect(f).toEqual({
      actorUserId: undefined,
      action: undefined,
      entityType: undefined,
      from: new Date('2026-01-14T23:00:00Z'),
      to: undefined,
    })
  })
  test('cursor round trip; garbage is no cursor', () => {
    const c = { createdAt: new Date('2026-03-01T10:00:00.123Z'), id: 'ckabc123' }
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
    expect(decodeCursor('x_y')).toBeNull()
    expect(decodeCursor(null)).toBeNull()
  })
})
