// Applies the checked-in migrations of the provider DATABASE_URL names (prisma migrate deploy).
import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { resolveDatabase } from '#app/utils/database-url.ts'

const run = promisify(execFile)

export async function deployMigrations(databaseUrl: string | undefined) {
  const db = resolveDatabase(databaseUrl)
  if (db.provider === 'sqlite') mkdirSync(path.dirname(db.filePath), { recursive: true })
  const prismaBin = path.resolve('node_modules/.bin/prisma')
  try {
    const { stdout } = await run(prismaBin, ['migrate', 'deploy', '--config', 'prisma/prisma.config.ts'], {
      env: { ...process.env, DATABASE_URL: db.url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    })
    return stdout
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`Database migration failed (${db.provider}): ${e.stderr || e.stdout || e.message}`)
  }
}
