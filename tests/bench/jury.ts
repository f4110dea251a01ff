// `npm run bench -- jury [--db sqlite|postgres]`: the jury at scale. 600 nominations (2 categories
// × 300), 30 jurors (15 per category), a 6-criterion grid, every juror scoring every nomination of
// their category (9,000 complete scores). Measures:
//   - results_ms: the median wall time (results_min_ms: the fastest; results_cpu_ms: the median CPU
//     time of this process, database driver included, less sensitive to a busy machine) of 5 runs of the full results with normalisation (computeResults,
//     in this process against the same database, after one warm-up run);
//   - scoring_page_rps / scoring_page_p95_ms: the juror's scoring page /jury/{editionId}/{nominationId}
//     served by the production server under 20 concurrent jurors, each with its own session cookie
//     and walking through its own nominations; scoring_page_server_cpu_ms: the server's CPU time
//     (every process of its group, from /proc) per request during that phase — steadier than the
//     rates on a shared machine.
//   - round1_results_and_promotion_ms: with a second round (« Jury final »), the median of three runs of
//     the promotion of round 1's top 30 per category, round 1's results included (round1_results_ms:
//     those results alone);
// Options: --requests N (4000), --concurrency N (20), --max-seconds N (30), --page-only (skip the
// results part, to iterate on the scoring page), --profile (writes the app server's CPU profile under
// data/bench/profiles/).
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import {
  agentFor,
  cleanup,
  freshDatabase,
  log,
  onCleanup,
  percentile,
  processGroupCpuMs,
  request,
  root,
  round,
  startServer,
  type DbKind,
  type HttpResult,
} from './lib.ts'

const CATEGORIES = 2
const NOMINATIONS_PER_CATEGORY = 300
const JURORS_PER_CATEGORY = 15
const CRITERIA = 6

const id = () => `c${randomBytes(12).toString('hex')}`

export async function seedJury(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl
  const { prisma, dbReady } = await import('#app/db.server.ts')
  await dbReady
  const now = Date.now()
  const org = await prisma.organisation.create({ data: { slug: 'bench-jury', name: 'CRESS Bench' } })
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: 'bench-jury-2026',
      title: 'Prix de l’ESS (bench)',
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(now - 90 * 86400_000),
      submissionsCloseAt: new Date(now - 30 * 86400_000),
      juryStartsAt: new Date(now - 86400_000),
      juryEndsAt: new Date(now + 30 * 86400_000),
      normaliseScores: true,
    },
  })
  const sessions: { token: string; nominationIds: string[] }[] = []
  const { createSession } = await import('#app/modules/auth/session.server.ts')
  for (let c = 0; c < CATEGORIES; c++) {
    const category = await prisma.prizeCategory.create({ data: { editionId: edition.id, name: `Catégorie ${c + 1}`, position: c } })
    const criteria = Array.from({ length: CRITERIA }, (_, i) => ({
      id: id(),
      categoryId: category.id,
      name: `Critère ${i + 1}`,
      rubric: 'Ce que mesure le critère.',
      weight: 1 + (i % 3),
      position: i,
    }))
    await prisma.scoringCriterion.createMany({ data: criteria })
    const nominations = Array.from({ length: NOMINATIONS_PER_CATEGORY }, (_, i) => ({
      id: id(),
      editionId: edition.id,
      categoryId: category.id,
      status: 'shortlisted',
      structureName: `Structure ${c + 1}-${String(i + 1).padStart(3, '0')}`,
      legalForm: 'association',
      projectTitle: `Projet ${i + 1}`,
      projectDescription: 'Un projet de territoire qui répond à un besoin social identifié. '.repeat(8),
      impact: '420 personnes accompagnées en 2025.',
      contactEmail: `contact-${c}-${i}@bench.example`,
      editTokenHash: id(),
      submittedAt: new Date(now - 40 * 86400_000),
    }))
    for (let i = 0; i < nominations.length; i += 100) await prisma.nomination.createMany({ data: nominations.slice(i, i + 100) })
    for (let j = 0; j < JURORS_PER_CATEGORY; j++) {
      const email = `juror-${c}-${j}@bench.example`
      const user = await prisma.user.create({ data: { email, name: `Juré ${c}-${j}` } })
      const juror = await prisma.juror.create({
        data: { editionId: edition.id, email, name: `Juré ${c}-${j}`, userId: user.id, joinedAt: new Date() },
      })
      await prisma.juryMember.create({ data: { jurorId: juror.id, categoryId: category.id, isChair: j === 0 } })
      await prisma.juryAssignment.createMany({
        data: nominations.map((n) => ({ jurorId: juror.id, nominationId: n.id, categoryId: category.id, source: 'all' })),
      })
      // Deterministic scores with a per-juror bias, so normalisation has work to do.
      const scores = nominations.map((n, i) => {
        const values: Record<string, number> = {}
        criteria.forEach((k, x) => {
          values[k.id] = Math.max(0, Math.min(5, ((i * 7 + x * 3 + j * 5) % 6) - (j % 3 === 0 ? 1 : 0)))
        })
        return { jurorId: juror.id, nominationId: n.id, values: JSON.stringify(values), comment: 'Avis argumenté du juré.', complete: true }
      })
      for (let i = 0; i < scores.length; i += 100) await prisma.juryScore.createMany({ data: scores.slice(i, i + 100) })
      const { token } = await createSession(user.id, { userAgent: 'essor-bench' })
      sessions.push({ token, nominationIds: nominations.map((n) => n.id) })
    }
  }
  return { prisma, editionId: edition.id, sessions }
}

export async function juryBench(db: DbKind, flags: Record<string, string>) {
  const requests = Number(flags.requests ?? 4000)
  const concurrency = Number(flags.concurrency ?? 20)
  const maxMs = Number(flags['max-seconds'] ?? 30) * 1000
  const database = await freshDatabase(db, 'jury')
  onCleanup(database.drop)
  try {
    const profileDir = flags.profile ? path.join(root, 'data/bench/profiles') : undefined
    const server = await startServer(database, { profileDir })
    log(
      `seeding ${CATEGORIES * NOMINATIONS_PER_CATEGORY} nominations, ${CATEGORIES * JURORS_PER_CATEGORY} jurors, ${CATEGORIES * NOMINATIONS_PER_CATEGORY * JURORS_PER_CATEGORY} scores`,
    )
    const seeded = await seedJury(server.env.DATABASE_URL!)
    const pageOnly = 'page-only' in flags
    const { computeResults } = await import('#app/modules/jury/results.server.ts')

    // Results: one warm-up, then the median of five runs.
    const times: number[] = []
    const cpu: number[] = []
    if (!pageOnly) {
      const warm = await computeResults(seeded.editionId)
      const scored = warm.categories.reduce((s, c) => s + c.rows.reduce((t, r) => t + r.count, 0), 0)
      if (scored !== CATEGORIES * NOMINATIONS_PER_CATEGORY * JURORS_PER_CATEGORY) throw new Error(`results counted ${scored} scores`)
      if (warm.categories.some((c) => c.rows.some((r) => r.normalised === null))) throw new Error('a nomination has no normalised score')
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now()
        const c0 = process.cpuUsage()
        await computeResults(seeded.editionId)
        const c = process.cpuUsage(c0)
        cpu.push((c.user + c.system) / 1000)
        times.push(performance.now() - t0)
      }
      cpu.sort((a, b) => a - b)
      times.sort((a, b) => a - b)
      log(
        `results: median ${round(times[2]!)} ms wall, ${round(cpu[2]!)} ms CPU (runs ${times.map((t) => round(t)).join(', ')}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
      )
    }
    const resultsMs = times[2] ?? NaN

    // Two rounds: round 1's results and the promotion of its top 30 per category into a final round,
    // together (promote() reads round 1's results itself); median of three runs, the entries deleted
    // between runs so that each one writes its 60 rows.
    const promotionTimes: number[] = []
    const roundOneTimes: number[] = []
    if (!pageOnly) {
      const rounds = await import('#app/modules/jury/rounds.server.ts')
      const edition = await seeded.prisma.prizeEdition.findUniqueOrThrow({
        where: { id: seeded.editionId },
        select: { organisationId: true },
      })
      const user = await seeded.prisma.user.findFirstOrThrow({ select: { id: true } })
      const actor = { organisationId: edition.organisationId, userId: user.id }
      const first = await rounds.ensureFirstRound(seeded.editionId)
      const final = await rounds.createRound(
        seeded.editionId,
        { name: 'Jury final', opensAt: null, closesAt: null, assignmentMode: null },
        actor,
      )
      for (let i = 0; i < 3; i++) {
        await seeded.prisma.juryRoundEntry.deleteMany({ where: { roundId: final.id } })
        const t0 = performance.now()
        const done = await rounds.promote(seeded.editionId, final.id, { kind: 'top', perCategory: 30 }, actor)
        promotionTimes.push(performance.now() - t0)
        if (done.promoted < CATEGORIES * 30) throw new Error(`promoted ${done.promoted} nominations`)
        const t1 = performance.now()
        await rounds.roundResults(seeded.editionId, first)
        roundOneTimes.push(performance.now() - t1)
      }
      promotionTimes.sort((a, b) => a - b)
      roundOneTimes.sort((a, b) => a - b)
      log(
        `two rounds: round 1 results + promotion of the top 30 per category median ${round(promotionTimes[1]!)} ms (runs ${promotionTimes.map((t) => round(t)).join(', ')}); round 1 results alone ${round(roundOneTimes[1]!)} ms`,
      )
    }

    // Scoring page under concurrent jurors.
    const agent = agentFor(concurrency)
    const clients = seeded.sessions.slice(0, concurrency)
    const pageOf = (c: (typeof clients)[number], i: number) =>
      `${server.url}/jury/${seeded.editionId}/${c.nominationIds[i % c.nominationIds.length]}`
    const headers = (c: (typeof clients)[number]) => ({
      Accept: 'text/html',
      'Accept-Language': 'fr-FR',
      Cookie: `essor_session=${c.token}`,
    })
    const sample = await request(agent, pageOf(clients[0]!, 0), { headers: headers(clients[0]!), timeoutMs: 120_000 })
    if (sample.status !== 200) throw new Error(`the scoring page answered ${sample.status}: ${sample.body.slice(0, 400)}`)
    // Warm-up: every client twice.
    for (let r = 0; r < 2; r++)
      await Promise.all(clients.map((c, k) => request(agent, pageOf(c, k + r), { headers: headers(c), timeoutMs: 120_000 })))
    const results: HttpResult[] = []
    let next = 0
    const cpuBefore = processGroupCpuMs(server.pid)
    const started = performance.now()
    const deadline = started + maxMs
    await Promise.all(
      clients.map(async (c, k) => {
        let i = k * 7
        for (;;) {
          if (next >= requests || performance.now() > deadline) return
          next++
          results.push(await request(agent, pageOf(c, i++), { headers: headers(c) }))
        }
      }),
    )
    const elapsed = performance.now() - started
    const cpuAfter = processGroupCpuMs(server.pid)
    const serverCpuMs = cpuBefore === null || cpuAfter === null ? Number.NaN : cpuAfter - cpuBefore
    agent.destroy()
    const ok = results.filter((r) => r.status === 200)
    const failed = results.length - ok.length
    if (failed) log(`${failed} scoring page requests failed (first: ${results.find((r) => r.status !== 200)?.status})`)
    const rps = (ok.length / elapsed) * 1000
    const p95 = percentile(
      ok.map((r) => r.ms),
      95,
    )
    const cpuPerRequest = serverCpuMs / Math.max(1, results.length)
    log(
      `scoring page: ${round(rps)} req/s, p50 ${round(
        percentile(
          ok.map((r) => r.ms),
          50,
        ),
      )} ms, p95 ${round(p95)} ms, server CPU ${round(cpuPerRequest)} ms/request (${results.length} requests, ${concurrency} jurors; load average ${os.loadavg()[0]!.toFixed(1)})`,
    )
    await seeded.prisma.$disconnect()
    await server.stop()
    if (profileDir) log(`CPU profile of the app server written under ${profileDir}`)
    return {
      bench: 'jury',
      results_ms: round(resultsMs),
      results_min_ms: round(times[0] ?? NaN),
      results_cpu_ms: round(cpu[2] ?? NaN),
      round1_results_and_promotion_ms: round(promotionTimes[1] ?? NaN),
      round1_results_ms: round(roundOneTimes[1] ?? NaN),
      load_average: round(os.loadavg()[0]!),
      scoring_page_rps: round(rps),
      scoring_page_p95_ms: round(p95),
      scoring_page_server_cpu_ms: round(cpuPerRequest),
      scoring_page_errors: failed,
      db: db === 'postgres' ? 'postgres' : 'sqlite',
    }
  } finally {
    await cleanup()
  }
}
