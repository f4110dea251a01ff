// `npm run bench -- contacts-import [--db sqlite|postgres] [--rows N]`: wall and CPU time of the
// contacts import (runImport: decode, parse, validate, de-duplicate, write) for N rows (10,000
// by default) of a Windows-1252 semicolon file into a fresh database, then of the same file
// again with "update existing contacts" (every row updated), and of the audience selection.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { cleanup, cli, freePort, freshDatabase, log, onCleanup, root, round, serverEnv, type DbKind } from './lib.ts'

function windows1252File(rows: number): Uint8Array {
  const lines = ['Prénom;Nom;Courriel;Structure;Type;Département;Étiquettes']
  const deps = ['31', '34', '09', '2A', '66', '81']
  for (let i = 0; i < rows; i++)
    lines.push(
      `Hélène${i};Castan${i};helene.${i}@example.org;"Société n°${i % 300}; Occitanie";Association;${deps[i % deps.length]};"adhérents,lot ${i % 7}"`,
    )
  return Uint8Array.from([...lines.join('\r\n')].map((c) => c.charCodeAt(0)))
}

export async function contactsImportBench(db: DbKind, flags: Record<string, string>) {
  const rows = Number(flags.rows ?? 10_000)
  const database = await freshDatabase(db, 'contacts_import')
  onCleanup(database.drop)
  const env = serverEnv(database.url, await freePort())
  await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['prisma/scripts/deploy.ts'], { cwd: root, env })
  await cli(env, ['organisation', 'create', '--slug', 'bench-contacts', '--name', 'CRESS Bench'])
  process.env.DATABASE_URL = database.url
  const { prisma, dbReady } = await import('#app/db.server.ts')
  await dbReady
  try {
    const { runImport } = await import('#app/modules/contacts/service.server.ts')
    const { selectAudience } = await import('#app/modules/campaigns/audience.server.ts')
    const { readCsv } = await import('#app/modules/contacts/csv.ts')
    const { guessMapping } = await import('#app/modules/contacts/schema.ts')
    const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: 'bench-contacts' } })
    const bytes = windows1252File(rows)
    const mapping = guessMapping(readCsv(bytes).headers)
    const timed = async <T>(label: string, fn: () => Promise<T>) => {
      const cpu = process.cpuUsage()
      const started = performance.now()
      const result = await fn()
      const wallMs = round(performance.now() - started, 0)
      const used = process.cpuUsage(cpu)
      const cpuMs = round((used.user + used.system) / 1000, 0)
      log(`${label}: ${wallMs} ms wall, ${cpuMs} ms CPU`)
      return { result, wallMs, cpuMs }
    }
    const create = await timed('import (create)', () => runImport(org.id, bytes, mapping))
    if (create.result.created !== rows) throw new Error(`created ${create.result.created} of ${rows}`)
    const update = await timed('import (update)', () => runImport(org.id, bytes, mapping, { updateExisting: true, tagsToAdd: ['bench'] }))
    if (update.result.updated !== rows) throw new Error(`updated ${update.result.updated} of ${rows}`)
    const audience = await timed('selectAudience', () => selectAudience(org.id, { tags: ['lot 3'], departements: ['31', '2A'] }))
    return {
      bench: 'contacts-import',
      db,
      rows,
      bytes: bytes.length,
      createWallMs: create.wallMs,
      createCpuMs: create.cpuMs,
      updateWallMs: update.wallMs,
      updateCpuMs: update.cpuMs,
      audienceSelected: audience.result.length,
      audienceWallMs: audience.wallMs,
    }
  } finally {
    await prisma.$disconnect()
    await cleanup()
  }
}
