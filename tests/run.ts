// `npm test`: every check the project has, cheapest first, stopping at the first failure.
// PostgreSQL is optional on a developer's machine (the suite is skipped, loudly) and mandatory
// when CI=true. The end-to-end step needs a Chromium: the system one, else Playwright's own.
// `npm test -- <step>…` runs only the named steps (typecheck format lint deps unit build sqlite postgres e2e).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { postgresReachable, TEST_POSTGRES_URL } from './setup/postgres.ts'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules/.bin', name)
const ci = ['true', '1'].includes((process.env.CI ?? '').toLowerCase())

class StepFailure extends Error {}

let current: ChildProcess | null = null
let interrupted = false

/** Runs a command with inherited output; resolves with its exit code. */
function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    // Its own process group, so an interrupt stops the whole tree (Vitest workers, the web server…).
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, detached: true })
    current = child
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      current = null
      resolve(code ?? (signal ? 128 : 1))
    })
  })
}

function stopChild(signal: NodeJS.Signals) {
  if (current?.pid) {
    try {
      process.kill(-current.pid, signal)
    } catch {
      // already gone
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (interrupted) {
      stopChild('SIGKILL')
      process.exit(130)
    }
    interrupted = true
    console.error(`\n${signal}: stopping the running step (press Ctrl-C again to kill it)…`)
    stopChild('SIGTERM')
    // Whatever the child does, do not hang: kill it after a grace period.
    setTimeout(() => {
      stopChild('SIGKILL')
      process.exit(130)
    }, 10_000).unref()
  })
}

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

type Step = { key: string; name: string; run: () => Promise<unknown> }

function command(cmd: string, args: string[], env?: Record<string, string | undefined>) {
  return async () => {
    const code = await run(cmd, args, env)
    if (code !== 0) throw new StepFailure(`${path.basename(cmd)} ${args.join(' ')} exited with code ${code}`)
  }
}

async function postgresSuite() {
  if (await postgresReachable()) {
    return command(bin('vitest'), ['run', '--project', 'integration-postgres'])()
  }
  if (ci) {
    throw new StepFailure(
      `PostgreSQL is not reachable at ${TEST_POSTGRES_URL}, and CI=true makes this suite mandatory ` +
        `(start it, e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or set TEST_POSTGRES_URL)`,
    )
  }
  console.log(bold(`SKIPPED: PostgreSQL integration suite — no server at ${TEST_POSTGRES_URL}`))
  console.log('         (set TEST_POSTGRES_URL or start PostgreSQL to run it; CI=true makes it mandatory)')
  return 'skipped' as const
}

/** A Chromium for Playwright: $CHROMIUM_PATH, the system one, Playwright's own, or a fresh download. */
async function findChromium(): Promise<string> {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) candidates.push(path.join(dir, 'chromium'), path.join(dir, 'chromium-browser'))
  }
  const system = candidates.find((c): c is string => Boolean(c) && existsSync(c!))
  if (system) return system
  const playwrightOwn = async () => {
    try {
      const { chromium } = await import('@playwright/test')
      const executable = chromium.executablePath()
      return existsSync(executable) ? executable : null
    } catch {
      return null
    }
  }
  const own = await playwrightOwn()
  if (own) return own
  console.log('No Chromium found; trying: npx playwright install chromium')
  if ((await run(bin('playwright'), ['install', 'chromium'])) === 0) {
    const downloaded = await playwrightOwn()
    if (downloaded) return downloaded
  }
  throw new StepFailure(
    'No Chromium for the end-to-end tests. Install one with `apt-get install chromium` (Debian/Ubuntu) ' +
      'or `npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium executable.',
  )
}

async function endToEnd() {
  const chromium = await findChromium()
  console.log(`Browser: ${chromium}`)
  return command(bin('playwright'), ['test', '-c', 'tests/playwright.config.ts'], { CHROMIUM_PATH: chromium })()
}

const allSteps: Step[] = [
  { key: 'typecheck', name: 'Typecheck (tsc --noEmit)', run: command(bin('tsc'), ['--noEmit']) },
  { key: 'format', name: 'Formatting (prettier --check .)', run: command(bin('prettier'), ['--check', '.', '--log-level', 'warn']) },
  { key: 'lint', name: 'Lint (eslint --max-warnings=0 .)', run: command(bin('eslint'), ['--max-warnings=0', '.']) },
  {
    key: 'deps',
    name: 'Module layering (depcruise, .dependency-cruiser.cjs)',
    run: command(bin('depcruise'), ['app', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']),
  },
  { key: 'unit', name: 'Unit tests (vitest --project unit)', run: command(bin('vitest'), ['run', '--project', 'unit']) },
  { key: 'build', name: 'Production build (remix vite:build)', run: command(bin('remix'), ['vite:build']) },
  {
    key: 'sqlite',
    name: 'Integration tests on SQLite (vitest --project integration-sqlite)',
    run: command(bin('vitest'), ['run', '--project', 'integration-sqlite']),
  },
  { key: 'postgres', name: 'Integration tests on PostgreSQL (vitest --project integration-postgres)', run: postgresSuite },
  { key: 'e2e', name: 'End-to-end tests (playwright, Chromium)', run: endToEnd },
]

// `npm test -- e2e sqlite` runs only those steps, in the usual order.
const wanted = process.argv.slice(2).filter((a) => a !== '--')
const unknown = wanted.filter((w) => !allSteps.some((s) => s.key === w))
if (unknown.length > 0) {
  console.error(`Unknown step(s): ${unknown.join(', ')}. Steps: ${allSteps.map((s) => s.key).join(', ')}`)
  process.exit(2)
}
const steps = wanted.length > 0 ? allSteps.filter((s) => wanted.includes(s.key)) : allSteps

const started = Date.now()
const results: string[] = []
for (const [i, step] of steps.entries()) {
  const header = `━━━ [${i + 1}/${steps.length}] ${step.name}`
  console.log(`\n${bold(header)}`)
  const t0 = Date.now()
  let outcome: unknown
  try {
    outcome = await step.run()
  } catch (error) {
    const elapsed = seconds(Date.now() - t0)
    const reason = interrupted ? 'interrupted' : error instanceof Error ? error.message : String(error)
    console.error(`\n${bold(`✗ FAILED: ${step.name} after ${elapsed}`)}\n  ${reason}`)
    for (const line of results) console.error(line)
    console.error(`  ✗ ${step.name} (${elapsed})`)
    process.exit(interrupted ? 130 : 1)
  }
  if (interrupted) process.exit(130)
  const elapsed = seconds(Date.now() - t0)
  const verdict = outcome === 'skipped' ? 'SKIPPED' : 'passed'
  console.log(bold(`${outcome === 'skipped' ? '–' : '✓'} ${step.name}: ${verdict} in ${elapsed}`))
  results.push(`  ${outcome === 'skipped' ? '– SKIPPED' : '✓'} ${step.name} (${elapsed})`)
}

console.log(`\n${bold(`All steps done in ${seconds(Date.now() - started)}`)}`)
for (const line of results) console.log(line)
