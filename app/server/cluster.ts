// Several HTTP processes on one machine (node:cluster): one Node.js process uses one core, and a
// registration rush or twenty jurors at once need them all. The processes share the port (the
// parent hands out connections in turn) and everything else lives in the database (sessions,
// rate limits, the outbox), as with several instances behind a load balancer. What each process
// keeps for a few seconds (public pages, API tokens, scoring grids) is dropped in all of them
// when one of them changes it (app/utils/siblings.server.ts; the parent relays the messages).
import { fork, type ChildProcess } from 'node:child_process'
import cluster, { type Worker } from 'node:cluster'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import type { Env } from '#app/utils/env.server.ts'
import { isSiblingMessage } from '#app/utils/siblings.server.ts'
import type { logger as appLogger } from '#app/utils/logger.server.ts'

type Logger = typeof appLogger

/** Processes by default at most: each holds its own copy of the app (about 150 MB). */
const DEFAULT_MAX_PROCESSES = 4

/** WEB_CONCURRENCY, or one per core (at most 4) in production and one otherwise. */
export function webProcessCount(env: Pick<Env, 'WEB_CONCURRENCY' | 'NODE_ENV'>) {
  if (env.WEB_CONCURRENCY > 0) return env.WEB_CONCURRENCY
  return env.NODE_ENV === 'production' ? Math.max(1, Math.min(DEFAULT_MAX_PROCESSES, os.availableParallelism())) : 1
}

/**
 * Forks `count` HTTP processes running app/server/start.ts, relays sibling messages, replaces a
 * process that dies (after a second, so a crash at start does not spin; the timer keeps this
 * parent alive even when no process is left), and stops them all.
 */
export function superviseHttpProcesses(count: number, logger: Logger, stopping: () => boolean) {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./start.ts', import.meta.url)) })
  const running = new Set<Worker>()
  let ready = 0
  let resolveListening!: () => void
  let rejectListening!: (error: Error) => void
  const listening = new Promise<void>((resolve, reject) => {
    resolveListening = resolve
    rejectListening = reject
  })

  const fork = () => {
    const child = cluster.fork()
    running.add(child)
    child.once('listening', () => {
      if (++ready === count) resolveListening()
    })
    child.on('message', (message: unknown) => {
      if (!isSiblingMessage(message)) return
      for (const other of running) if (other !== child && other.isConnected()) other.send(message)
    })
    child.once('exit', (code, signal) => {
      running.delete(child)
      if (stopping()) return
      if (ready < count) {
        rejectListening(new Error(`an HTTP process exited during start-up (code ${code}, signal ${signal})`))
        return
      }
      logger.error({ pid: child.process.pid, code, signal }, 'an HTTP process died; starting another')
      setTimeout(() => {
        if (!stopping()) fork()
      }, 1000)
    })
  }
  for (let i = 0; i < count; i++) fork()

  return {
    listening,
    /** SIGTERM to each HTTP process (each finishes its requests); resolves when all have exited. */
    stop() {
      const exits = [...running].map(
        (child) => new Promise<void>((resolve) => (child.isDead() ? resolve() : child.once('exit', () => resolve()))),
      )
      for (const child of running) child.process.kill('SIGTERM')
      return Promise.all(exits).then(() => undefined)
    },
  }
}

/**
 * The email worker and the periodic jobs (app/server/worker.ts) as a child process at a lower
 * CPU priority (nice 10): during a rush the HTTP processes come first and the emails follow as
 * the cores allow. Replaced when it dies (after a second); `stop` lets it finish the message
 * being sent.
 */
export function superviseJobsProcess(logger: Logger, stopping: () => boolean) {
  let child: ChildProcess | null = null
  const start = () => {
    const jobs = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
      execArgv: [...process.execArgv, '--max-old-space-size=192'],
      stdio: 'inherit',
    })
    child = jobs
    try {
      if (jobs.pid) os.setPriority(jobs.pid, 10)
    } catch (error) {
      logger.warn({ err: error }, 'could not lower the priority of the jobs process')
    }
    jobs.once('exit', (code, signal) => {
      if (child === jobs) child = null
      if (stopping()) return
      logger.error({ pid: jobs.pid, code, signal }, 'the jobs process died; starting another')
      setTimeout(() => {
        if (!stopping()) start()
      }, 1000)
    })
  }
  start()
  return {
    stop(): Promise<void> {
      const jobs = child
      if (!jobs || jobs.exitCode !== null || jobs.signalCode !== null) return Promise.resolve()
      const exited = new Promise<void>((resolve) => jobs.once('exit', () => resolve()))
      jobs.kill('SIGTERM')
      return exited
    },
  }
}
