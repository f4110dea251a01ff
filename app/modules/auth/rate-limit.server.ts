// Fixed-window rate limits kept in the database, so every app instance shares the same counters.
// One statement per hit (INSERT … ON CONFLICT DO UPDATE … RETURNING) keeps the count exact under
// concurrency on both SQLite and PostgreSQL; the window starts at the first hit of a key.
import { prisma, type Tx } from '#app/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { clientIp } from '#app/utils/http.server.ts'

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number }
export type RateLimitRule = { limit: number; windowSeconds: number }

/** One delete of expired rows every this many hits, on average. */
const CLEANUP_EVERY = 100

function nowSeconds() {
  return Math.floor(Date.now() / 1000)
}

export async function hit(
  key: string,
  rule: RateLimitRule,
  opts: { db?: Tx; now?: number; enabled?: boolean; /** Chance of an opportunistic cleanup; tests pin it. */ cleanupChance?: number } = {},
): Promise<RateLimitResult> {
  if (!(opts.enabled ?? getEnv().RATE_LIMITS)) return { allowed: true, remaining: rule.limit, retryAfterSeconds: 0 }
  const db = opts.db ?? prisma
  const now = opts.now ?? nowSeconds()
  const windowEnd = now + rule.windowSeconds
  // An expired row restarts at 1 with a new window instead of being deleted first: no race between delete and insert.
  const rows = await db.$queryRaw<{ count: number | bigint; expiresAt: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "count", "expiresAt")
    VALUES (${key}, 1, CAST(${windowEnd} AS INTEGER))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."expiresAt" <= CAST(${now} AS INTEGER) THEN 1 ELSE "RateLimit"."count" + 1 END,
      "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= CAST(${now} AS INTEGER) THEN CAST(${windowEnd} AS INTEGER) ELSE "RateLimit"."expiresAt" END
    RETURNING "count", "expiresAt"`
  const row = rows[0]
  if (!row) throw new Error(`Rate limit upsert returned no row for ${key}`)
  const count = Number(row.count)
  const expiresAt = Number(row.expiresAt)
  if (Math.random() < (opts.cleanupChance ?? 1 / CLEANUP_EVERY)) void deleteExpired(now, db).catch(() => {})
  const allowed = count <= rule.limit
  return {
    allowed,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, expiresAt - now),
  }
}

/** Deletes rows whose window is over; hit() calls it now and then, a job may call it too. */
export async function deleteExpired(now = nowSeconds(), db: Tx = prisma) {
  const { count } = await db.rateLimit.deleteMany({ where: { expiresAt: { lte: now } } })
  return count
}

/** Combines several hits: allowed only if every one is; waits for the longest. */
export function combine(results: RateLimitResult[]): RateLimitResult {
  return {
    allowed: results.every((r) => r.allowed),
    remaining: Math.min(...results.map((r) => r.remaining)),
    retryAfterSeconds: Math.max(0, ...results.map((r) => r.retryAfterSeconds)),
  }
}

export const SIGN_IN_WINDOW_SECONDS = 15 * 60
export const PUBLIC_FORM_WINDOW_SECONDS = 60 * 60

/**
 * A sign-in link requested: each one sends an email, so each counts, per address and per client IP,
 * in the same counters as wrong passwords.
 */
export async function limitSignIn(input: { email: string; ip: string }): Promise<RateLimitResult> {
  return combine(await Promise.all(signInRules(input).map(([key, rule]) => hit(key, rule))))
}

/** Where a key stands without counting a hit: refused once `limit` hits fell in its current window. */
export async function peek(key: string, rule: RateLimitRule, opts: { now?: number; enabled?: boolean } = {}): Promise<RateLimitResult> {
  if (!(opts.enabled ?? getEnv().RATE_LIMITS)) return { allowed: true, remaining: rule.limit, retryAfterSeconds: 0 }
  const now = opts.now ?? nowSeconds()
  const row = await prisma.rateLimit.findUnique({ where: { key } })
  const count = row && row.expiresAt > now ? row.count : 0
  const allowed = count < rule.limit
  return {
    allowed,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed || !row ? 0 : Math.max(1, row.expiresAt - now),
  }
}

function signInRules(input: { email: string; ip: string }): [string, RateLimitRule][] {
  const env = getEnv()
  return [
    [`signin:email:${input.email}`, { limit: env.RATE_LIMIT_SIGNIN_PER_EMAIL, windowSeconds: SIGN_IN_WINDOW_SECONDS }],
    [`signin:ip:${input.ip}`, { limit: env.RATE_LIMIT_SIGNIN_PER_IP, windowSeconds: SIGN_IN_WINDOW_SECONDS }],
  ]
}

/** Before a password is checked: refused after too many failures, but a success is never counted. */
export async function checkSignInFailures(input: { email: string; ip: string }): Promise<RateLimitResult> {
  return combine(await Promise.all(signInRules(input).map(([key, rule]) => peek(key, rule))))
}

/** A wrong password (or an unknown address) counts against the address and the client IP. */
export async function recordSignInFailure(input: { email: string; ip: string }): Promise<RateLimitResult> {
  return combine(await Promise.all(signInRules(input).map(([key, rule]) => hit(key, rule))))
}

/** Submissions of a public form (registration, nomination…) per client IP; `name` tells the forms apart. */
export function limitPublicForm(request: Request, name: string): Promise<RateLimitResult> {
  return hit(`form:${name}:${clientIp(request)}`, {
    limit: getEnv().RATE_LIMIT_PUBLIC_FORM_PER_IP,
    windowSeconds: PUBLIC_FORM_WINDOW_SECONDS,
  })
}

/** Headers for a 429 response. */
export function retryAfterHeaders(result: { retryAfterSeconds: number }): HeadersInit {
  return { 'Retry-After': String(Math.max(1, result.retryAfterSeconds)) }
}
