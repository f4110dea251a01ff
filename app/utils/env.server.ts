// Environment, validated with Zod once at start-up: a wrong value stops the server with a
// message naming the variable. Secrets come only from the environment; in development a
// random one is generated once and kept in data/secrets.json.
import { createPrivateKey, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_DATABASE_URL, resolveDatabase } from './database-url.ts'

const onOff = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1')

export const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  APP_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine(
      (v) => {
        try {
          resolveDatabase(v)
          return true
        } catch {
          return false
        }
      },
      { message: 'must start with file: (SQLite) or postgresql:// (PostgreSQL)' },
    ),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Essor <no-reply@essor.localhost>'),
  RUN_WORKER: onOff.default(true),
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
  /** How long a worker's claim on a message stays exclusive; a crashed worker's messages are retried after it. */
  WORKER_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  RATE_LIMITS: onOff.default(true),
  RATE_LIMIT_SIGNIN_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  RATE_LIMIT_SIGNIN_PER_IP: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_PUBLIC_FORM_PER_IP: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: onOff.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** Another Stripe API endpoint (tests' stub, a self-hosted mock); unset: api.stripe.com over HTTPS. */
  STRIPE_API_HOST: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a host name, without scheme or port')
    .optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
  /** Defaults to on with SQLite (the embedded demo) and off with PostgreSQL. */
  DEMO_DATA: onOff.optional(),
  PUBLIC_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  MIGRATE_ON_START: onOff.default(true),
  /**
   * HTTP processes of `npm start` (node:cluster, sharing the port); 0: one per CPU core (at most
   * 4) in production, one otherwise. With several, the email worker and the jobs run in the parent.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(0),
  /** Campaign emails sent per minute per organisation at most, unless the organisation sets its own; 0: no limit. */
  EMAIL_CAMPAIGN_RATE_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** Messages one worker sends at once (and SMTP connections it keeps open). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** DKIM signing: all three (the key inline as PEM, or DKIM_PRIVATE_KEY_FILE) or none. */
  DKIM_DOMAIN: z.string().optional(),
  DKIM_SELECTOR: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be a DNS label, e.g. essor2026')
    .optional(),
  DKIM_PRIVATE_KEY: z.string().optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().optional(),
})

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string; DEMO_DATA: boolean }

export class EnvError extends Error {}

function emptyToUndefined(source: Record<string, string | undefined>) {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v !== '') out[k] = v
  return out
}

/** A development secret, generated once and kept under data/ so sessions survive restarts. */
function localSecret(name: string) {
  const file = path.resolve('data/secrets.json')
  const secrets: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  if (!secrets[name]) {
    secrets[name] = randomBytes(32).toString('base64url')
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
  return secrets[name]!
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(emptyToUndefined(source))
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  const env = result.data
  if (!env.SESSION_SECRET && env.NODE_ENV === 'production' && !env.DATABASE_URL.startsWith('file:')) {
    throw new EnvError(
      'Invalid environment configuration:\n  SESSION_SECRET: required with PostgreSQL in production (every instance must share it)',
    )
  }
  if (!env.APP_URL && env.NODE_ENV === 'production' && !env.DATABASE_URL.startsWith('file:')) {
    // Emailed links must not be built from a Host header a client can forge.
    throw new EnvError(
      'Invalid environment configuration:\n  APP_URL: required with PostgreSQL in production (the public URL, e.g. https://essor.example.org)',
    )
  }
  checkStripe(env)
  const dkim = resolveDkim(env)
  return {
    ...env,
    ...dkim,
    DEMO_DATA: env.DEMO_DATA ?? resolveDatabase(env.DATABASE_URL).provider === 'sqlite',
    SESSION_SECRET: env.SESSION_SECRET ?? localSecret('SESSION_SECRET'),
  }
}

/** Card payments need both Stripe secrets; plain HTTP only towards a host other than Stripe's. */
function checkStripe(env: z.infer<typeof envSchema>) {
  const fail = (message: string): never => {
    throw new EnvError(`Invalid environment configuration:\n  ${message}`)
  }
  if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
    fail('STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: set both to accept card payments, or neither')
  }
  if (env.STRIPE_API_PROTOCOL === 'http' && (!env.STRIPE_API_HOST || env.STRIPE_API_HOST.endsWith('stripe.com'))) {
    fail('STRIPE_API_PROTOCOL: http is only allowed with STRIPE_API_HOST pointing at a local stub')
  }
}

/** DKIM settings: all or none; the key read from its file, checked to be a private key. */
function resolveDkim(env: z.infer<typeof envSchema>) {
  const fail = (message: string): never => {
    throw new EnvError(`Invalid environment configuration:\n  ${message}`)
  }
  if (env.DKIM_PRIVATE_KEY && env.DKIM_PRIVATE_KEY_FILE)
    fail('DKIM_PRIVATE_KEY_FILE: set either DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both')
  let key = env.DKIM_PRIVATE_KEY?.replace(/\\n/g, '\n')
  if (env.DKIM_PRIVATE_KEY_FILE) {
    try {
      key = readFileSync(env.DKIM_PRIVATE_KEY_FILE, 'utf8')
    } catch {
      fail(`DKIM_PRIVATE_KEY_FILE: cannot read ${env.DKIM_PRIVATE_KEY_FILE}`)
    }
  }
  const set = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, key].filter(Boolean).length
  if (set === 0) return { DKIM_PRIVATE_KEY: undefined }
  if (set < 3)
    fail('DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY: set all three (or DKIM_PRIVATE_KEY_FILE for the key) to sign with DKIM, or none')
  try {
    createPrivateKey(key!)
  } catch {
    fail('DKIM_PRIVATE_KEY: not a PEM private key')
  }
  return { DKIM_PRIVATE_KEY: key }
}

let cached: Env | undefined
export function getEnv(): Env {
  cached ??= parseEnv()
  return cached
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined
}
