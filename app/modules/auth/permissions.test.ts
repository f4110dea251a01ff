import { describe, expect, test } from 'vitest'
import { ROLES } from '#app/modules/organisations/service.server.ts'
import { ACTIONS, actionForIntent, can, PERMISSIONS, type Action } from './permissions.ts'

// The whole grid, written out: changing who may do what must change this test too.
//                                          admin  organiser checkin
const EXPECTED: Record<Action, [boolean, boolean, boolean]> = {
  'organisation.view': /*             */ [true, true, true],
  'settings.legal': /*                */ [true, false, false],
  'apiToken.manage': /*               */ [true, true, false],
  'apiToken.use': /*                  */ [true, true, false],
  'event.view': /*                    */ [true, true, false],
  'event.create': /*                  */ [true, true, false],
  'event.edit': /*                    */ [true, true, false],
  'event.publish': /*                 */ [true, true, false],
  'event.cancel': /*                  */ [true, true, false],
  'ticket.manage': /*                 */ [true, true, false],
  'payment.configure': /*             */ [true, true, false],
  'payment.markPaid': /*              */ [true, true, false],
  'payment.markRefunded': /*          */ [true, true, false],
  'payment.cancel': /*                */ [true, true, false],
  'registration.view': /*             */ [true, true, false],
  'registration.export': /*           */ [true, true, false],
  'registration.add': /*              */ [true, true, false],
  'registration.move': /*             */ [true, true, false],
  'registration.cancel': /*           */ [true, true, false],
  'waitlist.manage': /*               */ [true, true, false],
  'registration.checkin': /*          */ [true, true, true],
  'application.review': /*            */ [true, true, false],
  'application.decide': /*            */ [true, true, false],
  'contact.view': /*                  */ [true, true, false],
  'contact.edit': /*                  */ [true, true, false],
  'contact.delete': /*                */ [true, true, false],
  'contact.import': /*                */ [true, true, false],
  'contact.export': /*                */ [true, true, false],
  'contact.suppression': /*           */ [true, true, false],
  'campaign.view': /*                 */ [true, true, false],
  'campaign.edit': /*                 */ [true, true, false],
  'campaign.send': /*                 */ [true, true, false],
  'prize.view': /*                    */ [true, true, false],
  'prize.manage': /*                  */ [true, true, false],
  'nomination.review': /*             */ [true, true, false],
  'nomination.export': /*             */ [true, true, false],
  'jury.manage': /*                   */ [true, true, false],
  'vote.manage': /*                   */ [true, true, false],
  'prize.results': /*                 */ [true, true, false],
  'prize.publishResults': /*          */ [true, true, false],
  'attendance.view': /*               */ [true, true, false],
  'attendance.manage': /*             */ [true, true, false],
  'attendance.sign': /*               */ [true, true, true],
  'certificate.manage': /*            */ [true, true, false],
  'survey.manage': /*                 */ [true, true, false],
  'invoice.export': /*                */ [true, true, false],
  'badge.print': /*                   */ [true, true, true],
  'audit.view': /*                    */ [true, false, false],
  'code.manage': /*                   */ [true, true, false],
}
const COLUMNS = ['admin', 'organiser', 'checkin'] as const

describe('the permission table', () => {
  test('grants exactly the expected grid, role × action', () => {
    expect([...ROLES].sort()).toEqual([...COLUMNS].sort())
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort())
    const actual = Object.fromEntries(ACTIONS.map((action) => [action, COLUMNS.map((role) => can(role, action))]))
    expect(actual).toEqual(EXPECTED)
  })

  test('every action is granted to at least one role, and listed once', () => {
    for (const action of ACTIONS)
      expect(
        ROLES.some((role) => can(role, action)),
        action,
      ).toBe(true)
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length)
    for (const role of ROLES) expect(new Set(PERMISSIONS[role]).size, role).toBe(PERMISSIONS[role].length)
  })

  test('no role, or a role the table does not know, may do nothing', () => {
    expect(can(null, 'organisation.view')).toBe(false)
    expect(can(undefined, 'registration.checkin')).toBe(false)
    expect(can('owner' as never, 'organisation.view')).toBe(false)
  })

  test('a form intent maps to its permission; an unknown intent to none', () => {
    const intents = { cancel: 'registration.cancel', 'payment.markPaid': 'payment.markPaid' } as const
    expect(actionForIntent(intents, 'cancel')).toBe('registration.cancel')
    expect(actionForIntent(intents, 'payment.markPaid')).toBe('payment.markPaid')
    expect(actionForIntent(intents, 'toString')).toBeNull()
    expect(actionForIntent(intents, null)).toBeNull()
  })
})
