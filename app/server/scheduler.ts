// Periodic jobs that run beside the email worker (in `npm start` and `npm run worker`).
// Each job is safe to run on several processes at once: the services claim rows with
// conditional updates, so a second runner finds nothing left to do.
import { expireOffers } from '#app/composition/registrations.server.ts'
import type { Logger } from 'pino'
import { sendReminders } from '#app/modules/registrations/service.server.ts'
import { sendJuryReminders } from '#app/modules/jury/progress.server.ts'
import { sendDueCampaigns } from '#app/composition/campaigns.server.ts'
import { expireDueHolds, retryRefunds } from '#app/modules/payments/stripe.server.ts'
import { sendSurveyReminders } from '#app/modules/surveys/service.server.ts'

export type ScheduledJob = { name: string; everyMs: number; run: () => Promise<number> }

export const DEFAULT_JOBS: ScheduledJob[] = [
  { name: 'expire-waitlist-offers', everyMs: 60_000, run: () => expireOffers() },
  { name: 'event-reminders', everyMs: 10 * 60_000, run: () => sendReminders() },
  { name: 'jury-reminders', everyMs: 30 * 60_000, run: () => sendJuryReminders() },
  { name: 'scheduled-campaigns', everyMs: 60_000, run: () => sendDueCampaigns() },
  // Card holds end to the minute the attendee was shown; checked every 30 seconds.
  { name: 'expire-card-holds', everyMs: 30_000, run: () => expireDueHolds() },
  { name: 'retry-card-refunds', everyMs: 60_000, run: () => retryRefunds() },
  { name: 'survey-reminders', everyMs: 30 * 60_000, run: () => sendSurveyReminders() },
]

export function createScheduler(logger: Logger, jobs: ScheduledJob[] = DEFAULT_JOBS) {
  const timers: NodeJS.Timeout[] = []
  const running = new Set<Promise<unknown>>()
  let stopped = false

  function runJob(job: ScheduledJob) {
    if (stopped) return
    const p = job
      .run()
      .then((count) => {
        if (count > 0) logger.info({ job: job.name, count }, 'scheduled job done')
      })
      .catch((error: unknown) => logger.error({ job: job.name, err: error }, 'scheduled job failed'))
      .finally(() => running.delete(p))
    running.add(p)
  }

  return {
    start() {
      for (const job of jobs) {
        runJob(job)
        const timer = setInterval(() => runJob(job), job.everyMs)
        timer.unref()
        timers.push(timer)
      }
    },
    async stop() {
      stopped = true
      for (const t of timers) clearInterval(t)
      await Promise.all(running)
    },
  }
}
