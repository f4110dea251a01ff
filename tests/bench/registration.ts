// `npm run bench -- registration [--db sqlite|postgres]`: the production server on loopback with a
// fresh database; an event of capacity 500 with a waiting list, created through the API with an
// organiser's token; then 2,000 public registrations from 100 concurrent clients through the API.
// Checks afterwards, through the API, that no seat was sold twice.
// Options: --count N (2000), --concurrency N (100), --capacity N (500), --max-seconds N (120),
// --worker off (the email worker is on by default, as with npm start), --profile (writes the
// server's CPU profile under data/bench/profiles/).
import path from 'node:path'
import {
  agentFor,
  cleanup,
  daysFromNow,
  freshDatabase,
  jsonRequest,
  load,
  log,
  onCleanup,
  organiserToken,
  percentile,
  processGroupCpuMs,
  request,
  root,
  round,
  startServer,
  timeline,
  warmUp,
  type DbKind,
} from './lib.ts'

type EventJson = { slug: string; capacity: number; confirmed: number; waitlisted: number; offered: number }
type RegistrationsJson = { registrations: { id: string; status: string; email: string }[] }

export async function registrationBench(db: DbKind, flags: Record<string, string>) {
  const count = Number(flags.count ?? 2000)
  const concurrency = Number(flags.concurrency ?? 100)
  const capacity = Number(flags.capacity ?? 500)
  const maxMs = Number(flags['max-seconds'] ?? 120) * 1000
  const worker = flags.worker !== 'off'

  const database = await freshDatabase(db, 'registration')
  onCleanup(database.drop)
  try {
    const profileDir = flags.profile ? path.join(root, 'data/bench/profiles') : undefined
    const server = await startServer(database, { env: worker ? {} : { RUN_WORKER: 'off' }, profileDir })
    const token = await organiserToken(server.env)
    const created = await jsonRequest<EventJson>(`${server.url}/api/v1/events`, {
      method: 'POST',
      token,
      body: {
        title: 'Conférence régionale de l’ESS (bench)',
        kind: 'conference',
        startsAt: daysFromNow(30, 8),
        endsAt: daysFromNow(30, 16),
        capacity,
        waitlist: true,
        published: true,
      },
    })
    if (created.status !== 201) throw new Error(`creating the event failed: ${created.status} ${JSON.stringify(created.body)}`)
    const slug = created.body.slug
    const url = `${server.url}/api/v1/events/${slug}/registrations`
    log(`event ${slug} (capacity ${capacity}); ${count} registrations from ${concurrency} clients${worker ? '' : ', email worker off'}`)

    const agent = agentFor(concurrency)
    // Every client opens its connection first (GETs of the event): a saturated server can leave a
    // brand-new connection unread for seconds, which would measure connection set-up, not registering.
    await warmUp(agent, `${server.url}/api/v1/events/${slug}`, concurrency)

    const cpuBefore = processGroupCpuMs(server.pid)
    const run = await load({
      count,
      concurrency,
      maxMs,
      send: (i) =>
        request(agent, url, {
          method: 'POST',
          body: JSON.stringify({
            firstName: 'Camille',
            lastName: `Bench ${i}`,
            email: `person${i}@bench.example`,
            organisation: 'Recyclerie du Lauragais',
            organisationType: 'association',
            consent: true,
          }),
        }),
    })
    const cpuAfter = processGroupCpuMs(server.pid)
    agent.destroy()

    const statuses = new Map<string, number>()
    let errors = 0
    const samples: string[] = []
    for (const r of run.results) {
      let status = ''
      if (r.status === 201) {
        try {
          status = (JSON.parse(r.body) as { status: string }).status
        } catch {
          // counted as an error below
        }
      }
      if (status === 'confirmed' || status === 'waitlisted') statuses.set(status, (statuses.get(status) ?? 0) + 1)
      else {
        errors++
        if (samples.length < 5) samples.push(`${r.status} ${r.error ?? r.body.slice(0, 200)}`)
      }
    }
    if (flags.timeline) log(`timeline (second: requests started/slowest): ${timeline(run.results)}`)
    if (samples.length) log(`errors (first ${samples.length}): ${samples.join(' | ')}`)
    if (run.stoppedByTime) log(`stopped after ${maxMs / 1000} s with ${run.results.length} of ${count} requests done`)
    errors += count - run.results.length

    // What the API says afterwards: the live counts, and the organiser's list as a second opinion.
    const after = await jsonRequest<EventJson>(`${server.url}/api/v1/events/${slug}`)
    const list = await jsonRequest<RegistrationsJson>(`${server.url}/api/v1/events/${slug}/registrations`, { token })
    const listed = new Map<string, number>()
    for (const r of list.body.registrations ?? []) listed.set(r.status, (listed.get(r.status) ?? 0) + 1)
    const seatsHeld = after.body.confirmed + (after.body.offered ?? 0)
    const oversold = Math.max(
      0,
      seatsHeld - capacity,
      (statuses.get('confirmed') ?? 0) - capacity,
      (listed.get('confirmed') ?? 0) - capacity,
    )
    if ((listed.get('confirmed') ?? 0) !== after.body.confirmed)
      log(`mismatch: the list has ${listed.get('confirmed')} confirmed, the counts ${after.body.confirmed}`)

    const latencies = run.results.map((r) => r.ms)
    await server.stop()
    if (profileDir) log(`CPU profile of the server written under ${profileDir}`)
    return {
      bench: 'registration',
      db: db === 'postgres' ? 'postgres' : 'sqlite',
      registrations: count,
      concurrency,
      capacity,
      worker,
      registrations_per_s: round((run.results.length / run.elapsedMs) * 1000),
      p50_ms: round(percentile(latencies, 50)),
      p95_ms: round(percentile(latencies, 95)),
      p99_ms: round(percentile(latencies, 99)),
      confirmed: after.body.confirmed,
      waitlisted: after.body.waitlisted,
      oversold,
      errors,
      // The server's CPU per registration (email worker included): steadier than rates on a busy machine.
      server_cpu_ms_per_registration:
        cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / Math.max(1, run.results.length), 2),
    }
  } finally {
    await cleanup()
  }
}
