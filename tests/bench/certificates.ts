// `npm run bench -- certificates [--db sqlite|postgres] [--attendees N] [--concurrency N]`: a fresh
// database with a finished training of N attendees (500 by default), all checked in. The
// certificates are queued with the attendance service's one action (issue rows and outbox rows in
// batched transactions), then every queued message is rendered as the email worker does — HTML,
// text and the PDF attachment drawn from the stored props — `concurrency` at a time (4), the bytes
// dropped as soon as counted, so memory stays bounded whatever N. Measures the queue and render
// times and the peak RSS of this process (sampled every 25 ms and after each batch).
// Targets (issue 15): 500 certificates rendered and queued in < 30 s, peak RSS < 400 MB.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { cleanup, freePort, freshDatabase, log, onCleanup, root, round, serverEnv, type DbKind } from './lib.ts'

export async function certificatesBench(db: DbKind, flags: Record<string, string>) {
  const attendees = Number(flags.attendees ?? 500)
  const concurrency = Number(flags.concurrency ?? 4)
  const database = await freshDatabase(db, 'certificates')
  onCleanup(database.drop)
  const env = serverEnv(database.url, await freePort())
  await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['prisma/scripts/deploy.ts'], { cwd: root, env })
  process.env.DATABASE_URL = database.url
  const { prisma, dbReady } = await import('#app/db.server.ts')
  await dbReady
  let peakRss = process.memoryUsage().rss
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const sampler = setInterval(sample, 25)
  try {
    const { sendCertificates } = await import('#app/modules/attendance/certificates.server.ts')
    const { renderStoredEmail } = await import('#app/modules/email/render.server.ts')
    const org = await prisma.organisation.create({
      data: {
        slug: 'bench-certificates',
        name: 'CRESS Bench',
        legalName: 'Chambre régionale de l’ESS Occitanie',
        address: '5 rue Saint-Rome, 31000 Toulouse',
        siret: '73282932000074',
      },
    })
    const event = await prisma.event.create({
      data: {
        organisationId: org.id,
        slug: 'bench-yess-academie',
        kind: 'yess_academie',
        title: 'YESS Académie : piloter son projet',
        startsAt: new Date('2026-03-02T08:00:00Z'),
        endsAt: new Date('2026-03-04T16:30:00Z'),
        town: 'Toulouse',
        venueName: 'Maison de l’ESS',
        status: 'published',
      },
    })
    const checkedInAt = new Date('2026-03-02T08:05:00Z')
    for (let start = 0; start < attendees; start += 250) {
      await prisma.registration.createMany({
        data: Array.from({ length: Math.min(250, attendees - start) }, (_, k) => {
          const i = start + k
          return {
            eventId: event.id,
            firstName: `Hélène${i}`,
            lastName: `Castan${i}`,
            email: `helene.${i}@example.org`,
            organisationName: `SCOP n°${i % 40}`,
            organisationType: 'cooperative',
            locale: i % 5 === 0 ? 'en' : 'fr',
            consentAt: checkedInAt,
            status: 'confirmed',
            manageTokenHash: randomBytes(16).toString('hex'),
            ticketCode: randomBytes(6).toString('hex'),
            checkedInAt,
          }
        }),
      })
    }
    log(`${attendees} attendees checked in; RSS ${round(process.memoryUsage().rss / 1e6, 0)} MB`)

    const started = performance.now()
    const sent = await sendCertificates(event.id)
    if (sent.sent !== attendees) throw new Error(`queued ${sent.sent} of ${attendees}`)
    const queueMs = performance.now() - started
    log(`queued ${sent.sent} in ${round(queueMs, 0)} ms`)

    let rendered = 0
    let pdfBytes = 0
    let cursor: string | undefined
    const category = `certificate:${event.id}`
    // Read the outbox a page at a time, as the worker leases it: never all messages in memory.
    for (;;) {
      const page = await prisma.emailMessage.findMany({
        where: { category, ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: 'asc' },
        take: concurrency,
        select: { id: true, template: true, payload: true, locale: true },
      })
      if (page.length === 0) break
      cursor = page.at(-1)!.id
      const results = await Promise.all(page.map((m) => renderStoredEmail(m)))
      for (const r of results) {
        const pdf = r.attachments[0]
        if (!pdf || pdf.contentType !== 'application/pdf') throw new Error('a certificate email without its PDF')
        pdfBytes += (pdf.content as Buffer).length
        rendered++
      }
      sample()
      if (rendered % 100 < concurrency) log(`rendered ${rendered}; RSS ${round(process.memoryUsage().rss / 1e6, 0)} MB`)
    }
    const totalMs = performance.now() - started
    if (rendered !== attendees) throw new Error(`rendered ${rendered} of ${attendees}`)
    const peakRssMb = round(peakRss / 1e6, 0)
    return {
      bench: 'certificates',
      db,
      attendees,
      concurrency,
      queued: sent.sent,
      rendered,
      queueMs: round(queueMs, 0),
      renderMs: round(totalMs - queueMs, 0),
      totalMs: round(totalMs, 0),
      perCertificateMs: round(totalMs / attendees, 1),
      avgPdfKb: round(pdfBytes / rendered / 1024, 1),
      peakRssMb,
      targetTotalMs: 30_000,
      targetPeakRssMb: 400,
      pass: totalMs < 30_000 && peakRssMb < 400,
    }
  } finally {
    clearInterval(sampler)
    await prisma.$disconnect()
    await cleanup()
  }
}
