// Generates both Prisma clients (SQLite and PostgreSQL). Runs on `npm install`.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync('prisma/schema.prisma')) process.exit(0)
for (const provider of ['sqlite', 'postgresql']) {
  const env = {
    ...process.env,
    DATABASE_URL: provider === 'postgresql' ? 'postgresql://postgres@127.0.0.1:5432/postgres' : 'file:./data/essor.db',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  }
  execFileSync('npx', ['prisma', 'generate', '--config', 'prisma/prisma.config.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env })
}
console.log('Prisma clients generated (SQLite and PostgreSQL).')
