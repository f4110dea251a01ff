import { describe, expect, test } from 'vitest'
import { checkPasswordPolicy, hashPassword, needsRehash, PasswordPolicyError, verifyPassword } from './password.server.ts'

describe('staff passwords', () => {
  test('hash in the scrypt$N$r$p$salt$hash format, salted, and verified', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(hash).not.toContain('correct horse')
    expect(await hashPassword('correct horse battery')).not.toBe(hash)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
    expect(needsRehash(hash)).toBe(false)
  })

  test('at least 12 characters, counted as people count them', async () => {
    expect(checkPasswordPolicy('elevenchars')).toBe('tooShort')
    expect(checkPasswordPolicy('twelve chars')).toBeNull()
    expect(checkPasswordPolicy('🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂')).toBe('tooShort')
    expect(checkPasswordPolicy('x'.repeat(513))).toBe('tooLong')
    await expect(hashPassword('short')).rejects.toBeInstanceOf(PasswordPolicyError)
  })

  test('verifies hashes made with other parameters, and refuses malformed or abusive ones', async () => {
    // Made with N=2^14, r=8, p=1 by the same code path.
    const { scryptSync } = await import('node:crypto')
    const salt = Buffer.from('0123456789abcdef')
    const key = scryptSync('older password!', salt, 32, { N: 2 ** 14, r: 8, p: 1 })
    const older = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`
    expect(await verifyPassword('older password!', older)).toBe(true)
    expect(needsRehash(older)).toBe(true)
    expect(await verifyPassword('older password!', older.replace('$16384$', '$16383$'))).toBe(false)
    expect(await verifyPassword('older password!', older.replace('$16384$', `$${2 ** 24}$`))).toBe(false)
    expect(await verifyPassword('older password!', 'bcrypt$whatever')).toBe(false)
    expect(await verifyPassword('older password!', '')).toBe(false)
  })
})
