// Optional staff passwords, hashed with scrypt from node:crypto. The parameters travel in the
// stored value (scrypt$N$r$p$salt$hash) so they can be raised later without breaking old hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './schema.ts'

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH }

// N=2^15, r=8: 32 MiB and about a tenth of a second per hash on our machines.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_BYTES = 16

export class PasswordPolicyError extends Error {
  constructor(public readonly reason: 'tooShort' | 'tooLong') {
    super(reason === 'tooShort' ? `Password must have at least ${PASSWORD_MIN_LENGTH} characters` : 'Password is too long')
    this.name = 'PasswordPolicyError'
  }
}

/** Length in characters as people count them (an emoji is one). */
export function passwordLength(password: string) {
  return [...password].length
}

export function checkPasswordPolicy(password: string): 'tooShort' | 'tooLong' | null {
  const length = passwordLength(password)
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort'
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong'
  return null
}

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; the default cap (32 MiB) is exactly our cost, so leave headroom.
  const maxmem = 256 * options.N! * options.r! + 1024 * 1024
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const problem = checkPasswordPolicy(password)
  if (problem) throw new PasswordPolicyError(problem)
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, KEY_LENGTH, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

type Parsed = { N: number; r: number; p: number; salt: Buffer; key: Buffer }

function parse(stored: string): Parsed | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  // Refuse parameters we never write, so a tampered row cannot make us burn memory or CPU.
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0
  if (!powerOfTwo || !Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1 || p > 16) return null
  if (128 * N * r > 256 * 1024 * 1024) return null
  const salt = Buffer.from(parts[4]!, 'base64')
  const key = Buffer.from(parts[5]!, 'base64')
  if (salt.length < 8 || key.length < 16 || key.length > 128) return null
  return { N, r, p, salt, key }
}

/** Constant-time comparison; false for a malformed stored value or an over-long input. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored)
  if (!parsed || passwordLength(password) > PASSWORD_MAX_LENGTH) return false
  const key = await derive(password, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p })
  return timingSafeEqual(key, parsed.key)
}

let dummyHash: Promise<string> | undefined
/** Spends the time of one verification, so "no such user" answers as slowly as "wrong password". */
export async function burnPasswordCheck(password: string) {
  dummyHash ??= hashPassword('dummy-password-for-timing')
  await verifyPassword(password.slice(0, PASSWORD_MAX_LENGTH), await dummyHash)
}

/** True when the stored hash uses weaker parameters than today's, so it should be rewritten after a sign-in. */
export function needsRehash(stored: string) {
  const parsed = parse(stored)
  return !parsed || parsed.N < PARAMS.N || parsed.r < PARAMS.r || parsed.p < PARAMS.p
}
