// Which database DATABASE_URL names. Kept free of other imports: the Prisma CLI config,
// the server and the test setup all read it.
import path from 'node:path'

export type DatabaseTarget = { provider: 'sqlite'; url: string; filePath: string } | { provider: 'postgresql'; url: string }

export const DEFAULT_DATABASE_URL = 'file:./data/essor.db'

export function resolveDatabase(url: string | undefined = undefined, cwd = process.cwd()): DatabaseTarget {
  const value = (url ?? '').trim() || DEFAULT_DATABASE_URL
  if (/^postgres(ql)?:\/\//i.test(value)) return { provider: 'postgresql', url: value }
  if (value.startsWith('file:')) {
    const rest = value.slice('file:'.length).split('?')[0]!
    if (!rest) throw new Error('DATABASE_URL: a SQLite URL needs a file path, e.g. file:./data/essor.db')
    const filePath = path.isAbsolute(rest) ? rest : path.resolve(cwd, rest)
    return { provider: 'sqlite', url: `file:${filePath}`, filePath }
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${value.slice(0, 30)}"`)
}
