import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import {
  decisionFormSchema,
  inviteJurorFormSchema,
  jurorButtonSchema,
  jurorSeatsFormSchema,
  jurySettingsFormSchema,
  recordConflictFormSchema,
  scoringButtonSchema,
} from './admin-schema.ts'

const form = (entries: [string, string][]) => {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  return fd
}

describe('the jury page forms', () => {
  test('an invitation reads one or several ticked categories and defaults to French', () => {
    const one = parseWithZod(
      form([
        ['intent', 'invite'],
        ['name', 'Ana'],
        ['email', 'ana@example.org'],
        ['categoryIds', 'c1'],
      ]),
      {
        schema: inviteJurorFormSchema,
      },
    )
    expect(one.status === 'success' && one.value).toMatchObject({
      categoryIds: ['c1'],
      chairCategoryIds: [],
      locale: 'fr',
      organisationName: '',
    })
    const two = parseWithZod(
      form([
        ['intent', 'invite'],
        ['name', 'Ana'],
        ['email', 'a@b.fr'],
        ['categoryIds', 'c1'],
        ['categoryIds', 'c2'],
        ['chairCategoryIds', 'c2'],
      ]),
      { schema: inviteJurorFormSchema },
    )
    expect(two.status === 'success' && two.value).toMatchObject({ categoryIds: ['c1', 'c2'], chairCategoryIds: ['c2'] })
  })

  test('an invitation without a name or a category is refused with the service’s messages', () => {
    const r = parseWithZod(
      form([
        ['intent', 'invite'],
        ['email', 'ana@example.org'],
      ]),
      { schema: inviteJurorFormSchema },
    )
    expect(r.status).toBe('error')
    expect(r.status === 'error' && r.error).toMatchObject({ name: ['jury.error.nameRequired'], categoryIds: ['jury.error.categories'] })
  })

  test('seats need a juror and at least one category', () => {
    const r = parseWithZod(form([['intent', 'seats']]), { schema: jurorSeatsFormSchema })
    expect(r.status === 'error' && r.error).toMatchObject({ jurorId: ['jury.error.jurorRequired'], categoryIds: ['jury.error.categories'] })
  })

  test('a conflict needs a juror, a nomination and a known kind', () => {
    const r = parseWithZod(
      form([
        ['intent', 'conflict'],
        ['kind', 'cousin'],
      ]),
      { schema: recordConflictFormSchema },
    )
    expect(r.status === 'error' && r.error).toMatchObject({
      jurorId: ['jury.error.jurorRequired'],
      nominationId: ['jury.error.nominationRequired'],
      kind: ['jury.error.conflictKind'],
    })
  })

  test('a made-up button is refused', () => {
    expect(
      parseWithZod(
        form([
          ['intent', 'resend'],
          ['jurorId', 'j1'],
        ]),
        { schema: jurorButtonSchema },
      ).status,
    ).toBe('success')
    expect(
      parseWithZod(
        form([
          ['intent', 'promote'],
          ['jurorId', 'j1'],
        ]),
        { schema: jurorButtonSchema },
      ).status,
    ).toBe('error')
  })
})

describe('the scoring and results forms', () => {
  test('the jury settings read the checkbox, and an empty reminder count is 0', () => {
    const on = parseWithZod(
      form([
        ['intent', 'settings'],
        ['normaliseScores', 'on'],
        ['tieBreak', 'chair'],
        ['juryReminderDaysBefore', '3'],
      ]),
      { schema: jurySettingsFormSchema },
    )
    expect(on.status === 'success' && on.value).toEqual({
      intent: 'settings',
      normaliseScores: true,
      tieBreak: 'chair',
      juryReminderDaysBefore: 3,
    })
    const off = parseWithZod(
      form([
        ['intent', 'settings'],
        ['tieBreak', 'public_vote'],
        ['juryReminderDaysBefore', ''],
      ]),
      { schema: jurySettingsFormSchema },
    )
    expect(off.status === 'success' && off.value).toMatchObject({ normaliseScores: false, juryReminderDaysBefore: 0 })
  })

  test('the jury settings refuse an unknown tie-break and a reminder count outside 0–30', () => {
    const bad = parseWithZod(
      form([
        ['intent', 'settings'],
        ['tieBreak', 'coin'],
        ['juryReminderDaysBefore', '31'],
      ]),
      { schema: jurySettingsFormSchema },
    )
    expect(bad.status).toBe('error')
    expect(bad.status === 'error' && bad.error).toMatchObject({
      tieBreak: ['juryAdmin.error.tieBreak'],
      juryReminderDaysBefore: ['juryAdmin.error.reminderDays'],
    })
  })

  test('the scoring buttons: a reminder names its juror; an unknown intent is refused', () => {
    const remind = parseWithZod(
      form([
        ['intent', 'remind'],
        ['jurorId', 'j1'],
        ['name', 'Ana'],
      ]),
      { schema: scoringButtonSchema },
    )
    expect(remind.status === 'success' && remind.value).toEqual({ intent: 'remind', jurorId: 'j1', name: 'Ana' })
    expect(parseWithZod(form([['intent', 'lock']]), { schema: scoringButtonSchema }).status).toBe('success')
    const unknown = parseWithZod(form([['intent', 'explode']]), { schema: scoringButtonSchema })
    expect(unknown.status === 'error' && unknown.error).toMatchObject({ intent: ['jury.error.unknownIntent'] })
  })

  test('a decision: an empty rank is none, the rationale is trimmed; no decision or rank 0 are refused', () => {
    const ok = parseWithZod(
      form([
        ['intent', 'decision'],
        ['nominationId', 'n1'],
        ['decision', 'laureate'],
        ['rank', ''],
        ['rationale', '  Un projet solide  '],
      ]),
      { schema: decisionFormSchema },
    )
    expect(ok.status === 'success' && ok.value).toEqual({
      intent: 'decision',
      nominationId: 'n1',
      decision: 'laureate',
      rank: null,
      rationale: 'Un projet solide',
    })
    const bad = parseWithZod(
      form([
        ['intent', 'decision'],
        ['nominationId', 'n1'],
        ['decision', ''],
        ['rank', '0'],
      ]),
      { schema: decisionFormSchema },
    )
    expect(bad.status === 'error' && bad.error).toMatchObject({ decision: ['juryAdmin.error.decision'], rank: ['juryAdmin.error.rank'] })
  })
})
