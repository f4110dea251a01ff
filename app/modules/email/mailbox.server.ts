// The local mailbox: where the worker delivers when no SMTP server is configured, so the demo
// works offline. Shown at /dev/mailbox.
import { prisma, type Tx } from '#app/db.server.ts'
import { getEnv, type Env } from '#app/utils/env.server.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

export type MailboxAttachmentInput = { filename: string; contentType: string; content: Buffer | string }
export type MailboxMessageInput = {
  messageId: string
  to: string
  subject: string
  html: string
  text: string
  attachments?: MailboxAttachmentInput[]
}

/**
 * The mailbox exists only in embedded mode, i.e. when SMTP_URL is not set. NODE_ENV cannot be
 * the test: `npm start` with no configuration runs as production and must still show the demo
 * mails, while a real deployment sets SMTP_URL, and then the pages answer 404 (real people's
 * messages are never displayed).
 */
export function isLocalMailboxEnabled(env: Pick<Env, 'SMTP_URL'> = getEnv()) {
  return !env.SMTP_URL
}

export async function storeMailboxMessage(message: MailboxMessageInput, db: Tx = prisma) {
  return db.localMailboxMessage.create({
    data: {
      messageId: message.messageId,
      toAddress: normaliseEmail(message.to),
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachments: {
        create: (message.attachments ?? []).map((file) => ({
          filename: file.filename,
          contentType: file.contentType,
          content: new Uint8Array(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content)),
        })),
      },
    },
  })
}

/** Newest first, optionally only one recipient's. */
export async function listMailboxMessages({ to, take = 200 }: { to?: string | null; take?: number } = {}) {
  const address = to ? normaliseEmail(to) : undefined
  return prisma.localMailboxMessage.findMany({
    where: address ? { toAddress: address } : undefined,
    select: { id: true, toAddress: true, subject: true, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  })
}

export async function getMailboxMessage(id: string) {
  const message = await prisma.localMailboxMessage.findUnique({
    where: { id },
    include: { attachments: { select: { id: true, filename: true, contentType: true }, orderBy: { filename: 'asc' } } },
  })
  return message ? { ...message, links: linksIn(message.html), lang: languageOf(message.html) } : null
}

/** One attachment of a mailbox message, with its bytes. */
export async function getMailboxAttachment(messageId: string, attachmentId: string) {
  return prisma.localMailboxAttachment.findFirst({ where: { id: attachmentId, messageId } })
}

/** The last message delivered to an address: what a test or a demo follows to sign in. */
export async function latestMailboxMessageFor(email: string) {
  const message = await prisma.localMailboxMessage.findFirst({
    where: { toAddress: normaliseEmail(email) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  return message ? { ...message, links: linksIn(message.html) } : null
}

/** The language the message was written in, from its <html lang>. */
export function languageOf(html: string): string | null {
  return /<html\b[^>]*\slang="([a-zA-Z-]{2,12})"/.exec(html)?.[1] ?? null
}

/** The distinct http(s) targets of the links in an email's HTML, in order. */
export function linksIn(html: string): string[] {
  const found = new Set<string>()
  for (const match of html.matchAll(/<a\b[^>]*\shref="(https?:\/\/[^"]+)"/gi)) found.add(decodeEntities(match[1]!))
  return [...found]
}

function decodeEntities(value: string) {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
