// The production build: redone when a source file is newer than it ("builds if needed"), and
// loaded by start.ts and worker.ts. Its server half (app/server/bundle.ts) holds the routes and
// everything that runs with them, so nothing the routes use is loaded from source beside it.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
/** Remix's server build (the routes), and the server bundled with it (vite.config.ts). */
export const SERVER_BUILD = path.resolve('build/server/index.js')
export const SERVER_BUNDLE = path.resolve('build/server/server.js')
const SOURCES = ['app', 'emails', 'prisma/seed.ts', 'prisma/seed', 'public', 'vite.config.ts', 'remix.config.js', 'package.json']

export type ServerBundle = typeof import('./bundle.ts')

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

export function buildIsStale(): boolean {
  if (!existsSync(SERVER_BUILD) || !existsSync(SERVER_BUNDLE)) return true
  const built = Math.min(statSync(SERVER_BUILD).mtimeMs, statSync(SERVER_BUNDLE).mtimeMs)
  return SOURCES.some((s) => newestMtime(path.resolve(s)) > built)
}

export async function buildIfNeeded(log: (msg: string) => void = () => {}) {
  if (!buildIsStale()) return false
  log('Building the app (first start or sources changed)…')
  await run(path.resolve('node_modules/.bin/remix'), ['vite:build'], { maxBuffer: 64 * 1024 * 1024 })
  return true
}

/** The server half of the production build; `npm run build` (or `npm start`) makes it. */
export async function loadServerBundle(): Promise<ServerBundle> {
  if (!existsSync(SERVER_BUNDLE)) throw new Error(`${path.relative(process.cwd(), SERVER_BUNDLE)} is missing: run \`npm run build\` first`)
  return (await import(pathToFileURL(SERVER_BUNDLE).href)) as ServerBundle
}
