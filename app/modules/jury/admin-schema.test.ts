import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { inviteJurorFormSchema, jurorButtonSchema, jurorSeatsFormSchema, recordConflictFormSchema } from './admin-schema.ts'

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
