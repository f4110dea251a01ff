// The worker killed with SIGKILL during a batch of sends, then restarted: every message is
// delivered, and the only repeats carry the same Message-ID as the first copy.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { afterAll, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { startSmtpSink, type ReceivedMail } from '#tests/helpers/smtp-sink.ts'

const MESSAGES = 60
const KILL_AFTER = 15
const LEASE_MS = 1500

const children = new Set<ChildProcess>()
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
})

function startWorkerProcess(smtpUrl: string) {
  const { VITEST: _vitest, ...env } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/server/worker.ts'], {
    env: {
      ...env,
      DATABASE_URL: process.env.DATABASE_URL,
      // Pooled, as a deployment sending campaigns would run it; also keeps the test short.
      SMTP_URL: `${smtpUrl}?pool=true`,
      WORKER_POLL_MS: '100',
      WORKER_LEASE_MS: String(LEASE_MS),
      WORKER_BATCH_SIZE: '10',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  children.add(child)
  const exited = once(child, 'exit').then(([code, signal]) => {
    children.delete(child)
    return { code: code as number | null, signal: signal as NodeJS.Signals | null, output }
  })
  return { child, exited }
}

test('a worker killed mid-batch loses no message; a repeat carries the same Message-ID', async () => {
  let first: ReturnType<typeof startWorkerProcess> | undefined
  // Kill the worker while the server holds an accepted message whose 250 reply the worker never
  // reads: the one case where a message must go out twice.
  const sink = await startSmtpSink({
    onAccept: (_mail, received) => {
      if (received.length === KILL_AFTER) first?.child.kill('SIGKILL')
    },
  })
  try {
    await prisma.$transaction(async (tx) => {
      for (let n = 0; n < MESSAGES; n++) {
        await enqueueEmail(tx, {
          to: `member${n}@example.org`,
          locale: n % 3 ? 'fr' : 'en',
          template: 'sign-in-link',
          props: { url: `https://essor.test/auth/link?token=crash-${n}`, expiresInMinutes: 15 },
        })
      }
    })
    const rows = await prisma.emailMessage.findMany({ select: { messageId: true } })

    first = startWorkerProcess(sink.url)
    const killed = await first.exited
    expect(killed.signal, killed.output).toBe('SIGKILL')

    const leftPending = await prisma.emailMessage.count({ where: { status: 'pending' } })
    expect(leftPending).toBeGreaterThan(0)
    expect(await prisma.emailMessage.count({ where: { status: 'pending', leaseOwner: { not: null } } })).toBeGreaterThan(0)

    const second = startWorkerProcess(sink.url)
    await expect.poll(() => prisma.emailMessage.count({ where: { status: 'sent' } }), { timeout: 60_000, interval: 200 }).toBe(MESSAGES)
    second.child.kill('SIGTERM')
    const stopped = await second.exited
    expect(stopped.code, stopped.output).toBe(0)

    // Every message arrived, under its own Message-ID, and nothing else did.
    const byMessageId = new Map<string, ReceivedMail[]>()
    for (const mail of sink.received) byMessageId.set(mail.messageId, [...(byMessageId.get(mail.messageId) ?? []), mail])
    expect(new Set(byMessageId.keys())).toEqual(new Set(rows.map((r) => r.messageId)))

    // Repeats are copies: same Message-ID, same recipient, same link; no message went out under two IDs.
    const repeats = [...byMessageId.values()].filter((copies) => copies.length > 1)
    expect(repeats.length).toBeGreaterThanOrEqual(1)
    for (const copies of repeats) {
      expect(new Set(copies.map((c) => c.recipients.join()))).toHaveProperty('size', 1)
      expect(new Set(copies.map((c) => c.text))).toHaveProperty('size', 1)
    }
    const idsPerRecipient = new Map<string, Set<string>>()
    for (const mail of sink.received) {
      const to = mail.recipients.join()
      idsPerRecipient.set(to, (idsPerRecipient.get(to) ?? new Set()).add(mail.messageId))
    }
    expect(idsPerRecipient.size).toBe(MESSAGES)
    for (const ids of idsPerRecipient.values()) expect(ids.size).toBe(1)
    // The only trouble the server saw: connections of the killed worker cut mid-message.
    for (const error of sink.errors) expect((error as NodeJS.ErrnoException).code).toMatch(/^(ECONNRESET|EPIPE)$/)
  } finally {
    await sink.close()
  }
}, 120_000)
