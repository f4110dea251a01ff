// DKIM settings are checked at start-up: all three or none, and a key that parses.
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from '#app/utils/env.server.ts'
import { dkimFromEnv } from './transport.server.ts'

const base = { NODE_ENV: 'test', DATABASE_URL: 'file:./data/test.db', SESSION_SECRET: 'x'.repeat(40) }
const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

describe('DKIM environment', () => {
  test('none set: no signing', () => {
    expect(dkimFromEnv(parseEnv(base))).toBeUndefined()
  })

  test('all three set: signing options, the key as given or with escaped newlines', () => {
    const env = parseEnv({ ...base, DKIM_DOMAIN: 'cress.test', DKIM_SELECTOR: 'essor2026', DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n') })
    expect(dkimFromEnv(env)).toEqual({ domainName: 'cress.test', keySelector: 'essor2026', privateKey: pem })
  })

  test('the key can come from a file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dkim-')), 'key.pem')
    writeFileSync(file, pem)
    const env = parseEnv({ ...base, DKIM_DOMAIN: 'cress.test', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY_FILE: file })
    expect(dkimFromEnv(env)?.privateKey).toBe(pem)
  })

  test('a partial or broken configuration stops the start-up with a message naming the variables', () => {
    expect(() => parseEnv({ ...base, DKIM_DOMAIN: 'cress.test' })).toThrow(EnvError)
    expect(() => parseEnv({ ...base, DKIM_DOMAIN: 'cress.test', DKIM_SELECTOR: 's1' })).toThrow(/DKIM_PRIVATE_KEY/)
    expect(() => parseEnv({ ...base, DKIM_DOMAIN: 'cress.test', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY: 'not a key' })).toThrow(
      /not a PEM private key/,
    )
    expect(() =>
      parseEnv({ ...base, DKIM_DOMAIN: 'cress.test', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY_FILE: '/nonexistent/key.pem' }),
    ).toThrow(/cannot read/)
  })
})
