// The sign-in and account forms through their routes' actions: bad input is refused with 400 and
// Conform's reply naming the field, and nothing is done.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { action as accountAction } from '#app/routes/account/account.tsx'
import { action as loginAction } from '#app/routes/account/login.tsx'
import { makeUser } from '#tests/support/factories.ts'
import { createSession } from './session.server.ts'

type Answer = { data: { result: { status?: string; error?: Record<string, string[] | null> } }; init: { status?: number } | null }

function post(path: string, form: Record<string, string>, cookie?: string) {
  const headers = new Headers(cookie ? { cookie } : {})
  return {
    request: new Request(`http://localhost${path}`, { method: 'POST', headers, body: new URLSearchParams(form) }),
    params: {},
    context: {},
  }
}

describe('sign-in form', () => {
  test('an address that is not one is refused on its field, and no link is sent', async () => {
    const before = await prisma.loginToken.count()
    const answer = (await loginAction(post('/login', { intent: 'link', email: 'not-an-address' }))) as unknown as Answer
    expect(answer.init?.status).toBe(400)
    expect(answer.data.result.error?.email).toEqual(['auth.error.emailInvalid'])
    expect(await prisma.loginToken.count()).toBe(before)
  })

  test('a password sign-in without a password names the password field and keeps no password in the reply', async () => {
    const answer = (await loginAction(post('/login', { intent: 'password', email: 'someone@example.org' }))) as unknown as Answer
    expect(answer.init?.status).toBe(400)
    expect(answer.data.result.error?.password).toEqual(['auth.error.passwordRequired'])
  })
})

describe('account password form', () => {
  test('two different passwords are refused on the confirmation field and nothing is saved', async () => {
    const user = await makeUser()
    const cookie = `essor_session=${(await createSession(user.id)).token}`
    const answer = (await accountAction(
      post('/account', { intent: 'setPassword', password: 'a-long-enough-password', confirmPassword: 'another-long-password' }, cookie),
    )) as unknown as Answer
    expect(answer.init?.status).toBe(400)
    expect(answer.data.result.error?.confirmPassword).toEqual(['auth.error.passwordMismatch'])
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull()
  })
})
