// Starts the production server for the end-to-end tests on a fresh database: the file is
// deleted first, so every run begins with only the migrations and the demo data.
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { E2E_DATABASE_URL, E2E_DB_FILE } from './env.ts'

process.env.DATABASE_URL ||= E2E_DATABASE_URL
if (process.env.DATABASE_URL !== E2E_DATABASE_URL) {
  console.error(`start-server: refusing to wipe ${process.env.DATABASE_URL}; it only resets ${E2E_DATABASE_URL}`)
  process.exit(1)
}
for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(E2E_DB_FILE + suffix, { force: true })
mkdirSync(path.dirname(E2E_DB_FILE), { recursive: true })

await import('#app/server/start.ts')
