// Helpers for the PostgreSQL test databases.
import pg from 'pg'

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres'

export function databaseUrl(name: string, base = TEST_POSTGRES_URL) {
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>, base = TEST_POSTGRES_URL): Promise<T> {
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export async function postgresReachable(base = TEST_POSTGRES_URL) {
  try {
    await withAdmin((c) => c.query('select 1'), base)
    return true
  } catch {
    return false
  }
}
