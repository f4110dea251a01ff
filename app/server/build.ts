// "Builds if needed": the production build is redone when a source file is newer than it.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const SERVER_BUILD = path.resolve('build/server/index.js')
const SOURCES = ['app', 'emails', 'public', 'vite.config.ts', 'package.json']

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

export function buildIsStale(): boolean {
  if (!existsSync(SERVER_BUILD)) return true
  const built = statSync(SERVER_BUILD).mtimeMs
  return SOURCES.some((s) => newestMtime(path.resolve(s)) > built)
}

export async function buildIfNeeded(log: (msg: string) => void = () => {}) {
  if (!buildIsStale()) return false
  log('Building the app (first start or sources changed)…')
  await run(path.resolve('node_modules/.bin/remix'), ['vite:build'], { maxBuffer: 64 * 1024 * 1024 })
  return true
}
