// Prisma CLI configuration. The CLI runs with the JS schema engine and a driver adapter,
// so nothing is downloaded (see shared/STACK.md). PRISMA_PROVIDER picks which schema it works on.
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { resolveDatabase } from '../app/utils/database-url.ts'

const db = resolveDatabase(process.env.DATABASE_URL)
const root = path.dirname(new URL(import.meta.url).pathname)

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: db.provider === 'postgresql' ? path.join(root, 'postgresql/schema.prisma') : path.join(root, 'schema.prisma'),
  async adapter() {
    if (db.provider === 'postgresql') {
      const { PrismaPg } = await import('@prisma/adapter-pg')
      return new PrismaPg({ connectionString: db.url, idleTimeoutMillis: 200 })
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3')
    return new PrismaBetterSQLite3({ url: db.filePath })
  },
})
