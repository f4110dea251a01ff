// What /healthz reports: the database answers, and the email worker beat recently.
import { prisma } from '#app/db.server.ts'

export const HEARTBEAT_STALE_MS = 60_000

export async function getHealth(now = Date.now()) {
  let database: 'ok' | 'unreachable' = 'ok'
  let workerAgeSeconds: number | null = null
  try {
    const beat = await prisma.workerHeartbeat.findFirst({ orderBy: { beatAt: 'desc' } })
    workerAgeSeconds = beat ? Math.round((now - beat.beatAt.getTime()) / 1000) : null
  } catch {
    database = 'unreachable'
  }
  const worker = workerAgeSeconds === null ? 'missing' : workerAgeSeconds * 1000 > HEARTBEAT_STALE_MS ? 'stale' : 'ok'
  const ok = database === 'ok' && worker === 'ok'
  return { status: ok ? 'ok' : 'degraded', database, worker, workerHeartbeatAgeSeconds: workerAgeSeconds } as const
}
