// One Essor server per SQLite file. Two `npm start` on one file would each migrate, run the jobs and
// send the same emails; the second would also fail inside Prisma's migration engine with an
// unreadable WASM_ERROR. The server that starts first claims the file (a lock beside it, kept fresh
// while it runs, proper-lockfile); a second one stops at once and says why. A lock left by a process
// that died is stale after a few seconds and taken over.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'

export class DatabaseInUseError extends Error {}

/** The SQLite file of a `file:` URL, else null (PostgreSQL needs no claim: it has its own locks). */
export function sqliteFileOf(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith('file:')) return null
  return path.resolve(databaseUrl.slice('file:'.length).split('?')[0]!)
}

/** Claims the database file for this process; resolves with the release function. */
export async function claimSqliteFile(databaseUrl: string, opts: { staleMs?: number } = {}): Promise<() => Promise<void>> {
  const file = sqliteFileOf(databaseUrl)
  if (!file) return async () => {}
  mkdirSync(path.dirname(file), { recursive: true })
  const staleMs = opts.staleMs ?? 10_000
  try {
    return await lockfile.lock(file, {
      realpath: false,
      lockfilePath: `${file}.server-lock`,
      stale: staleMs,
      update: Math.floor(staleMs / 2),
      // The lock could not be kept fresh (the disk stalled): another server may start; this one says so.
      onCompromised: (error) => console.error(`The claim on ${file} was lost: ${error.message}`),
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DatabaseInUseError(
        `The database ${file} is used by another Essor process (npm start). Stop it first, or give this one ` +
          `its own database: DATABASE_URL=file:./data/other.db npm start`,
      )
    }
    throw error
  }
}
