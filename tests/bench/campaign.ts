// `npm run bench -- campaign [--db sqlite|postgres]`: a fresh database with 10,000 contacts of one
// organisation and an event; a campaign inviting them all is created and sent (queued) with the
// campaigns service; ONE worker process (`app/server/worker.ts`, throttling off) delivers it to an
// SMTP server on loopback (`smtp-server`) that records every Message-ID it accepts. Measures the
// time to queue, the messages per second delivered (first to last acceptance) and the worker's
// peak RSS. Then a second campaign to the same people, with the worker killed by SIGKILL three
// times while it sends and restarted each time: every recipient must receive the invitation, and
// every repeat must carry the same Message-ID as the first copy.
// Options: --recipients N (10000), --concurrency N (WORKER_CONCURRENCY, 8), --batch N (200),
// --max-seconds N (per run, 600), --profile (the worker's CPU profile of run 1 under data/bench/profiles/),
// --queue-only (stop after queueing run 1: prints queue_s and a re-send's time, no worker, no SMTP).
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import { deployMigrations } from '#app/server/migrate.ts'
import { freshDatabase, log, onCleanup, cleanup, root, round, type DbKind } from './lib.ts'

const LEASE_MS = 5000

/** An SMTP server that keeps, per recipient, the Message-IDs it accepted (no MIME parsing: cheap). */
async function startRecorder() {
  const byRecipient = new Map<string, string[]>()
  let accepted = 0
  let firstAt = 0
  let lastAt = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    maxClients: 200,
    onData(stream, session, callback) {
      let head = ''
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 16_384 && !head.includes('\r\n\r\n')) head += chunk.toString('utf8')
      })
      stream.on('end', () => {
        const headers = head.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ')
        const messageId = /^Message-ID:\s*(\S+)/im.exec(headers)?.[1] ?? ''
        for (const rcpt of session.envelope.rcptTo) {
          const list = byRecipient.get(rcpt.address) ?? []
          list.push(messageId)
          byRecipient.set(rcpt.address, list)
        }
        accepted++
        lastAt = performance.now()
        firstAt ||= lastAt
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  // A worker killed with SIGKILL resets its connections: expected here, not a reason to stop.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') log(`smtp server: ${error.message}`)
  })
  const { port } = server.server.address() as AddressInfo
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return {
    url: `smtp://127.0.0.1:${port}`,
    byRecipient,
    get accepted() {
      return accepted
    },
    get firstAt() {
      return firstAt
    },
    get lastAt() {
      return lastAt
    },
    reset() {
      byRecipient.clear()
      accepted = 0
      firstAt = 0
      lastAt = 0
    },
  }
}

function rssMb(pid: number) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : 0
  } catch {
    return 0
  }
}

/** CPU time (user + system) a process used so far, in seconds. */
function cpuSeconds(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

/** The node flags of `npm run worker` (package.json), read from there so the bench measures what is deployed. */
const WORKER_NODE_FLAGS = (() => {
  const script: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.worker
  return script.split(/\s+/).filter((arg) => arg.startsWith('--max-old-space-size='))
})()

/** One worker process, as `npm run worker` runs it (without npm in between, so the pid is the worker's). */
function startWorker(env: NodeJS.ProcessEnv, profileDir?: string) {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []
  const child: ChildProcess = spawn(process.execPath, [...profile, ...WORKER_NODE_FLAGS, '--import', 'tsx', 'app/server/worker.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) process.stderr.write(`[worker] ${line.slice(0, 500)}\n`)
    })
  }
  const exited = once(child, 'exit')
  let peakRss = 0
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(child.pid!))
  }, 200)
  exited.finally(() => clearInterval(sampler))
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill(signal)
    await exited
  }
  onCleanup(() => stop('SIGKILL'))
  return {
    pid: child.pid!,
    stop,
    get peakRss() {
      return peakRss
    },
  }
}

export async function campaignBench(db: DbKind, flags: Record<string, string>) {
  const recipients = Number(flags.recipients ?? 10_000)
  const concurrency = Number(flags.concurrency ?? 8)
  const batch = Number(flags.batch ?? 200)
  const maxMs = Number(flags['max-seconds'] ?? 600) * 1000

  const database = await freshDatabase(db, 'campaign')
  onCleanup(database.drop)
  try {
    log(`migrating a fresh ${db} database`)
    await deployMigrations(database.url)
    // The app modules read these when they load: set them first.
    process.env.DATABASE_URL = database.url
    process.env.APP_URL = 'https://essor.bench.example'
    process.env.MAIL_FROM = 'CRESS Bench <no-reply@cress-bench.example>'
    process.env.LOG_LEVEL = 'warn'
    const { prisma, dbReady } = await import('#app/db.server.ts')
    await dbReady
    onCleanup(() => prisma.$disconnect())
    const { makeOrganisation, makeEvent } = await import('#tests/support/factories.ts')
    const { createCampaign, sendCampaign } = await import('#app/modules/campaigns/service.server.ts')

    const organisation = await makeOrganisation({ slug: 'cress-bench', name: 'CRESS Bench' })
    const event = await makeEvent(organisation.id, { title: 'Rencontres régionales de l’ESS (bench)' })
    log(`${recipients} contacts`)
    for (let i = 0; i < recipients; i += 1000) {
      await prisma.contact.createMany({
        data: Array.from({ length: Math.min(1000, recipients - i) }, (_, k) => {
          const n = i + k
          return {
            organisationId: organisation.id,
            email: `contact${n}@bench.example`,
            firstName: 'Camille',
            lastName: `Bench ${n}`,
            structure: 'Recyclerie du Lauragais',
            locale: n % 5 === 0 ? 'en' : 'fr',
            tags: '["bench"]',
            source: 'import',
          }
        }),
      })
    }

    /** The campaigns service's own path: create, then send (which queues one outbox row per recipient). */
    async function queueCampaign(name: string) {
      const started = performance.now()
      const { id } = await createCampaign(organisation.id, {
        kind: 'event_invitation',
        eventId: event.id,
        name,
        subjectFr: 'Invitation : {{evenement}}',
        bodyFr: 'Bonjour {{prenom}},\n\nLa **{{organisation}}** vous invite aux rencontres régionales. Inscrivez-vous ici : {{lien}}',
        subjectEn: 'Invitation: {{event}}',
        bodyEn: 'Hello {{first_name}},\n\n**{{organisation}}** invites you to the regional meeting. Register here: {{link}}',
        audience: { tags: ['bench'] },
      })
      const result = await sendCampaign(id)
      const seconds = (performance.now() - started) / 1000
      if (result.queued !== recipients) throw new Error(`queued ${result.queued} of ${recipients}`)
      return { id, seconds }
    }

    if (flags['queue-only']) {
      log('queue only: queueing the campaign')
      const first = await queueCampaign('Invitation (bench)')
      log(`queued ${recipients} in ${round(first.seconds, 2)} s`)
      const again = performance.now()
      const { sendCampaign: resend } = await import('#app/modules/campaigns/service.server.ts')
      const repeat = await resend(first.id)
      if (!repeat.alreadySent || repeat.queued !== 0) throw new Error('a second send queued again')
      const emails = await prisma.emailMessage.count({ where: { category: `campaign:${first.id}` } })
      if (emails !== recipients) throw new Error(`${emails} outbox rows for ${recipients} recipients`)
      return {
        bench: 'campaign',
        recipients,
        queue_s: round(first.seconds, 2),
        resend_s: round((performance.now() - again) / 1000, 3),
        db: db === 'postgres' ? 'postgres' : 'sqlite',
        cores: cpus().length,
        load_average_1m: round(loadavg()[0]!, 1),
      }
    }

    const smtp = await startRecorder()
    const workerEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      EMAIL_CAMPAIGN_RATE_PER_MINUTE: '0',
      WORKER_CONCURRENCY: String(concurrency),
      WORKER_BATCH_SIZE: String(batch),
      WORKER_POLL_MS: '100',
      WORKER_LEASE_MS: String(LEASE_MS),
      MIGRATE_ON_START: 'off',
      SESSION_SECRET: 'b'.repeat(40),
      LOG_LEVEL: 'warn',
    }
    delete workerEnv.VITEST

    const unsent = (campaignId: string) =>
      prisma.emailMessage.count({ where: { category: `campaign:${campaignId}`, status: { not: 'sent' } } })
    const delivered = () => smtp.byRecipient.size

    async function waitUntilAllSent(campaignId: string, deadline: number, onProgress?: (received: number) => Promise<void>) {
      let lastLog = 0
      for (;;) {
        if (onProgress) await onProgress(delivered())
        if (delivered() >= recipients && (await unsent(campaignId)) === 0) return
        if (performance.now() > deadline) throw new Error(`not all sent after ${maxMs / 1000} s: ${delivered()} of ${recipients} received`)
        if (performance.now() - lastLog > 5000) {
          lastLog = performance.now()
          log(`${delivered()} of ${recipients} received`)
        }
        await new Promise((r) => setTimeout(r, 50))
      }
    }

    // ---- Run 1: one worker, uninterrupted --------------------------------------------------
    log('run 1: queueing the campaign')
    const first = await queueCampaign('Invitation (bench)')
    log(`queued ${recipients} in ${round(first.seconds, 2)} s; starting one worker (concurrency ${concurrency}, batch ${batch})`)
    const workerStarted = performance.now()
    const profileDir = flags.profile ? path.join(root, 'data/bench/profiles') : undefined
    const worker = startWorker(workerEnv, profileDir)
    // CPU the worker used from the first acceptance to the last: a figure that does not depend on
    // how busy the machine's other processes keep the cores.
    let cpuAtFirst = NaN
    await waitUntilAllSent(first.id, performance.now() + maxMs, async (received) => {
      if (received > 0 && Number.isNaN(cpuAtFirst)) cpuAtFirst = cpuSeconds(worker.pid)
    })
    const cpuPerMessageMs = ((cpuSeconds(worker.pid) - cpuAtFirst) * 1000) / Math.max(1, recipients)
    const wallSeconds = (performance.now() - workerStarted) / 1000
    const sendSeconds = (smtp.lastAt - smtp.firstAt) / 1000
    const messagesPerS = (smtp.accepted - 1) / Math.max(sendSeconds, 0.001)
    const repeatsRun1 = smtp.accepted - delivered()
    const deliveredRun1 = delivered()
    await worker.stop('SIGTERM')
    if (profileDir) log(`CPU profile of the worker (run 1) written under ${profileDir}`)
    log(`run 1: worker CPU ${round(cpuPerMessageMs, 2)} ms per message (load average ${round(loadavg()[0]!, 1)})`)
    log(
      `run 1: ${delivered()} delivered, ${round(messagesPerS)} messages/s (${round(sendSeconds, 1)} s first to last, ${round(wallSeconds, 1)} s with start-up), peak RSS ${round(worker.peakRss)} MB`,
    )

    // ---- Run 2: the worker killed with SIGKILL three times, restarted each time -------------
    smtp.reset()
    log('run 2: queueing a second campaign to the same people')
    const second = await queueCampaign('Relance (bench, kills)')
    const killAt = [0.25, 0.5, 0.75].map((f) => Math.floor(recipients * f))
    let current = startWorker(workerEnv)
    let kills = 0
    let peakRss = current.peakRss
    await waitUntilAllSent(second.id, performance.now() + maxMs, async (received) => {
      if (kills < killAt.length && received >= killAt[kills]!) {
        kills++
        peakRss = Math.max(peakRss, current.peakRss)
        await current.stop('SIGKILL')
        log(`run 2: worker killed with SIGKILL at ${received} received (kill ${kills}), restarting`)
        current = startWorker(workerEnv)
      }
    })
    peakRss = Math.max(peakRss, current.peakRss)
    await current.stop('SIGTERM')

    const rows = await prisma.emailMessage.findMany({
      where: { category: `campaign:${second.id}` },
      select: { toAddress: true, messageId: true },
    })
    let missing = 0
    let repeats = 0
    let foreignIds = 0
    for (const row of rows) {
      const ids = smtp.byRecipient.get(row.toAddress) ?? []
      if (ids.length === 0) missing++
      repeats += Math.max(0, ids.length - 1)
      foreignIds += ids.filter((id) => id !== row.messageId).length
    }
    log(
      `run 2: ${kills} kills, ${smtp.byRecipient.size} recipients reached, ${missing} missing, ${repeats} repeats, ${foreignIds} copies with another Message-ID`,
    )
    if (kills < 3) log(`warning: only ${kills} kills happened (sending finished first)`)

    return {
      bench: 'campaign',
      recipients,
      queue_s: round(first.seconds, 2),
      messages_per_s: round(messagesPerS),
      delivered: deliveredRun1,
      missing_after_kills: missing,
      worker_rss_mb: round(Math.max(worker.peakRss, peakRss)),
      db: db === 'postgres' ? 'postgres' : 'sqlite',
      repeats_run1: repeatsRun1,
      send_s: round(sendSeconds, 1),
      worker_cpu_ms_per_message: round(cpuPerMessageMs, 2),
      cores: cpus().length,
      load_average_1m: round(loadavg()[0]!, 1),
      wall_s_with_startup: round(wallSeconds, 1),
      kills,
      repeats_after_kills: repeats,
      repeats_with_other_message_id: foreignIds,
      queue_s_run2: round(second.seconds, 2),
      worker_concurrency: concurrency,
      worker_batch: batch,
      worker_lease_ms: LEASE_MS,
    }
  } finally {
    await cleanup()
  }
}
