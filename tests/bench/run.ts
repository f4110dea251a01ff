// `npm run bench -- <name> [--db sqlite|postgres] [options]`: runs one benchmark and prints, last,
// one JSON line with its figures (progress goes to stderr). Benches: registration, event-page, campaign.
import { cleanUpOnSignals, cleanup, log, parseFlags, type DbKind } from './lib.ts'

cleanUpOnSignals()

type Bench = (db: DbKind, flags: Record<string, string>) => Promise<Record<string, unknown>>

const benches: Record<string, Bench> = {
  registration: async (db, flags) => (await import('./registration.ts')).registrationBench(db, flags),
  'event-page': async (db, flags) => (await import('./event-page.ts')).eventPageBench(db, flags),
  campaign: async (db, flags) => (await import('./campaign.ts')).campaignBench(db, flags),
  jury: async (db, flags) => (await import('./jury.ts')).juryBench(db, flags),
  'contacts-import': async (db, flags) => (await import('./contacts-import.ts')).contactsImportBench(db, flags),
  certificates: async (db, flags) => (await import('./certificates.ts')).certificatesBench(db, flags),
}

const args = process.argv.slice(2).filter((a) => a !== '--')
const name = args.find((a) => !a.startsWith('-'))
const usage = `Usage: npm run bench -- <${Object.keys(benches).join('|')}> [--db sqlite|postgres]`

if (!name || !(name in benches)) {
  console.error(name ? `Unknown bench "${name}". ${usage}` : usage)
  process.exit(2)
}

try {
  const { db, flags } = parseFlags(args.filter((a) => a !== name))
  const result = await benches[name]!(db, flags)
  console.log(JSON.stringify(result))
  process.exit(0)
} catch (error) {
  log(`failed: ${(error as Error).stack ?? String(error)}`)
  await cleanup()
  process.exit(1)
}
