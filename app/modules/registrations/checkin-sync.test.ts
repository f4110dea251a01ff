import { describe, expect, test } from 'vitest'
import { checkInSyncSchema, mergeCheckins, searchDoorList, type CheckInClaim } from './checkin-sync.ts'

const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00Z`)
const receivedAt = at('12:00')
const claim = (deviceId: string, localId: string, hhmm: string, staffUserId = `staff-${deviceId}`): CheckInClaim => ({
  deviceId,
  localId,
  staffUserId,
  at: at(hhmm),
})

describe('mergeCheckins', () => {
  test('the first check-in of a confirmed person is stored', () => {
    const result = mergeCheckins({ status: 'confirmed', checkedIn: null }, [claim('A', '1', '09:05')], { receivedAt })
    expect(result.changed).toBe(true)
    expect(result.checkedIn).toEqual({ at: at('09:05'), staffUserId: 'staff-A', deviceId: 'A' })
    expect(result.outcomes[0]!.outcome).toEqual({ kind: 'checked_in', at: at('09:05') })
  })

  test('two devices that checked the same person in: the earliest time is kept, the later reported, whichever syncs first', () => {
    const a = claim('A', '1', '09:05')
    const b = claim('B', '7', '09:02')
    // A syncs first, then B (earlier) arrives: B's time replaces A's, and A's is the later one.
    const afterA = mergeCheckins({ status: 'confirmed', checkedIn: null }, [a], { receivedAt })
    const afterB = mergeCheckins({ status: 'confirmed', checkedIn: afterA.checkedIn }, [b], { receivedAt })
    expect(afterB.changed).toBe(true)
    expect(afterB.checkedIn).toEqual({ at: at('09:02'), staffUserId: 'staff-B', deviceId: 'B' })
    expect(afterB.outcomes[0]!.outcome).toEqual({
      kind: 'conflict',
      claimKept: true,
      kept: { at: at('09:02'), staffUserId: 'staff-B', deviceId: 'B' },
      later: { at: at('09:05'), staffUserId: 'staff-A', deviceId: 'A' },
    })
    // The other order ends the same way, with the same pair reported.
    const afterB2 = mergeCheckins({ status: 'confirmed', checkedIn: null }, [b], { receivedAt })
    const afterA2 = mergeCheckins({ status: 'confirmed', checkedIn: afterB2.checkedIn }, [a], { receivedAt })
    expect(afterA2.changed).toBe(false)
    expect(afterA2.checkedIn).toEqual(afterB.checkedIn)
    expect(afterA2.outcomes[0]!.outcome).toMatchObject({ kind: 'conflict', claimKept: false, later: { deviceId: 'A', at: at('09:05') } })
  })

  test('an offline check-in earlier than one made online replaces its time; the online one is the later', () => {
    const online = { at: at('09:30'), staffUserId: 'staff-desk', deviceId: null }
    const result = mergeCheckins({ status: 'confirmed', checkedIn: online }, [claim('A', '1', '09:10')], { receivedAt })
    expect(result.checkedIn).toMatchObject({ at: at('09:10'), deviceId: 'A' })
    expect(result.outcomes[0]!.outcome).toMatchObject({ kind: 'conflict', claimKept: true, later: online })
  })

  test('a replayed claim changes nothing and gets the same answer', () => {
    const a = claim('A', '1', '09:05')
    const first = mergeCheckins({ status: 'confirmed', checkedIn: null }, [a], { receivedAt })
    const replay = mergeCheckins({ status: 'confirmed', checkedIn: first.checkedIn }, [a], { receivedAt, seen: new Set(['A\u00001']) })
    expect(replay.changed).toBe(false)
    expect(replay.checkedIn).toEqual(first.checkedIn)
    expect(replay.outcomes[0]).toMatchObject({ replay: true, outcome: { kind: 'checked_in', at: at('09:05') } })
    // The same claim twice in one batch counts once.
    const twice = mergeCheckins({ status: 'confirmed', checkedIn: null }, [a, a], { receivedAt })
    expect(twice.outcomes.map((o) => [o.replay, o.outcome.kind])).toEqual([
      [false, 'checked_in'],
      [true, 'checked_in'],
    ])
    // A replayed claim that lost since is told who holds the check-in now.
    const beaten = mergeCheckins({ status: 'confirmed', checkedIn: { at: at('09:00'), staffUserId: 'x', deviceId: 'B' } }, [a], {
      receivedAt,
      seen: new Set(['A\u00001']),
    })
    expect(beaten.changed).toBe(false)
    expect(beaten.outcomes[0]!.outcome).toMatchObject({ kind: 'conflict', claimKept: false, kept: { deviceId: 'B' } })
  })

  test('a registration cancelled meanwhile is reported, not checked in', () => {
    const result = mergeCheckins({ status: 'cancelled', checkedIn: null }, [claim('A', '1', '09:05')], { receivedAt })
    expect(result.changed).toBe(false)
    expect(result.checkedIn).toBeNull()
    expect(result.outcomes[0]!.outcome).toEqual({ kind: 'not_confirmed', status: 'cancelled' })
  })

  test('a device clock ahead of the server is brought back to the time of receipt', () => {
    const result = mergeCheckins({ status: 'confirmed', checkedIn: null }, [claim('A', '1', '13:00')], { receivedAt })
    expect(result.checkedIn?.at).toEqual(receivedAt)
  })
})

describe('the sync request', () => {
  test('reads ISO times with an offset; refuses a short device id', () => {
    const parsed = checkInSyncSchema.parse({
      deviceId: 'device-123',
      checkins: [{ localId: 'l1', registrationId: 'r1', at: '2026-12-07T10:00:00+01:00' }],
    })
    expect(parsed.checkins[0]!.at).toEqual(at('09:00'))
    expect(checkInSyncSchema.safeParse({ deviceId: 'x', checkins: [] }).success).toBe(false)
  })
})

describe('searchDoorList', () => {
  const list = [
    { id: '1', firstName: 'Jérôme', lastName: 'Bénard', organisationName: 'Scop du Tarn', ticketCode: 'AB12CD34EF', checkedInAt: null },
    { id: '2', firstName: 'Jérémie', lastName: 'Bénard', organisationName: 'Atelier', ticketCode: 'ZZ12CD34EF', checkedInAt: null },
  ]
  test('every word matches, accents aside; one letter lists nobody', () => {
    expect(searchDoorList(list, 'jerome benard').map((a) => a.id)).toEqual(['1'])
    expect(searchDoorList(list, 'BENARD').map((a) => a.id)).toEqual(['1', '2'])
    expect(searchDoorList(list, 'tarn').map((a) => a.id)).toEqual(['1'])
    expect(searchDoorList(list, 'b')).toEqual([])
  })
})
