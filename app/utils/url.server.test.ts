import { afterEach, describe, expect, test } from 'vitest'
import { absoluteUrl, appOrigin, secureCookies } from './url.server.ts'

const saved = { APP_URL: process.env.APP_URL, PORT: process.env.PORT }
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

describe('the app’s own address', () => {
  test('APP_URL when set: links and Secure cookies follow it', () => {
    process.env.APP_URL = 'https://essor.example.org/ignored/path'
    expect(appOrigin()).toBe('https://essor.example.org')
    expect(absoluteUrl('/r/abc')).toBe('https://essor.example.org/r/abc')
    expect(secureCookies()).toBe(true)
  })

  test('without APP_URL: this machine’s address, cookies without Secure (plain HTTP on localhost)', () => {
    delete process.env.APP_URL
    process.env.PORT = '4321'
    expect(absoluteUrl('/e/fete')).toBe('http://localhost:4321/e/fete')
    expect(secureCookies()).toBe(false)
  })

  test('an http APP_URL (behind no TLS) sets no Secure flag', () => {
    process.env.APP_URL = 'http://10.0.0.5:3000'
    expect(secureCookies()).toBe(false)
  })
})
