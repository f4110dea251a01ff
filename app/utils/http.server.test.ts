import { describe, expect, test } from 'vitest'
import { AppError, conflictError, forbiddenError, invalidInputError, notFoundError } from '#app/utils/errors.ts'
import { httpResponseOf, orHttpError, rethrowAsResponse, safeRedirectPath } from '#app/utils/http.server.ts'

async function thrownBy(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('a module’s AppError as the route’s Response', () => {
  test('not found and forbidden become the plain 404 and 403 the routes used to throw', async () => {
    const notFound = httpResponseOf(notFoundError())
    expect(notFound).toBeInstanceOf(Response)
    expect(notFound!.status).toBe(404)
    expect(await notFound!.text()).toBe('Not found')
    const forbidden = httpResponseOf(forbiddenError())
    expect(forbidden!.status).toBe(403)
    expect(await forbidden!.text()).toBe('Forbidden')
  })

  test('a form’s business errors, a 403 with its own code and other errors are left as they are', () => {
    expect(httpResponseOf(conflictError('full', 'error.404.title'))).toBeNull()
    expect(httpResponseOf(invalidInputError('error.404.title', { title: ['x'] }))).toBeNull()
    expect(httpResponseOf(new AppError({ status: 403, code: 'conflicted' }))).toBeNull()
    expect(httpResponseOf(new Error('boom'))).toBeNull()
    const conflict = conflictError('full', 'error.404.title')
    expect(() => rethrowAsResponse(conflict)).toThrow(conflict)
  })

  test('orHttpError passes values through and turns the rejection into the Response', async () => {
    expect(await orHttpError(Promise.resolve(42))).toBe(42)
    const thrown = await thrownBy(orHttpError(Promise.reject(notFoundError())))
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(404)
    const other = new Error('boom')
    expect(await thrownBy(orHttpError(Promise.reject(other)))).toBe(other)
    const alreadyResponse = new Response(null, { status: 302 })
    expect(await thrownBy(orHttpError(Promise.reject(alreadyResponse)))).toBe(alreadyResponse)
  })
})

describe('safeRedirectPath', () => {
  test('keeps a path of this site, with its query and fragment', () => {
    expect(safeRedirectPath('/o/cress-occitanie/events?page=2#list')).toBe('/o/cress-occitanie/events?page=2#list')
    expect(safeRedirectPath('/')).toBe('/')
  })

  test.each([
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'o/relative',
    '',
  ])('refuses %j and answers the fallback', (to) => {
    expect(safeRedirectPath(to, '/fallback')).toBe('/fallback')
  })

  test('refuses a missing or non-text value', () => {
    expect(safeRedirectPath(null)).toBe('/')
    expect(safeRedirectPath(undefined, '')).toBe('')
  })
})
