// Where rendered messages go: an SMTP server (SMTP_URL) through Nodemailer, or, with no
// SMTP_URL (the embedded default), the local mailbox shown at /dev/mailbox.
import nodemailer from 'nodemailer'
import { prisma, type Tx } from '#app/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import type { EmailAttachment } from '#emails/index.ts'
import { storeMailboxMessage } from './mailbox.server.ts'

export type OutgoingMail = {
  /** The outbox row's stable Message-ID, the same on every attempt so receivers can drop copies. */
  messageId: string
  from: string
  to: { address: string; name?: string | null }
  subject: string
  html: string
  text: string
  /** Files; one with a `cid` is shown inline where the HTML says `src="cid:…"`. */
  attachments?: EmailAttachment[]
  /** One-click unsubscribe URL (RFC 8058): sent as List-Unsubscribe and List-Unsubscribe-Post. */
  unsubscribeUrl?: string | null
}

export type DkimOptions = { domainName: string; keySelector: string; privateKey: string }

export type MailTransport = {
  readonly kind: 'smtp' | 'mailbox'
  /** Resolves once the message is accepted (by the SMTP server, or stored in the mailbox). */
  send(mail: OutgoingMail, options?: { signal?: AbortSignal }): Promise<void>
  close(): void
}

function nodemailerMessage(mail: OutgoingMail, signal?: AbortSignal) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    attachments: mail.attachments?.map(({ filename, content, contentType, cid }) => ({ filename, content, contentType, cid })),
    headers: {
      // RFC 3834: tells auto-responders (out-of-office…) not to answer.
      'Auto-Submitted': 'auto-generated',
      // RFC 2369 + RFC 8058: mail clients show an unsubscribe button that POSTs to the URL.
      ...(mail.unsubscribeUrl
        ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : {}),
    },
    signal,
  }
}

export type SmtpTransportOptions = {
  /** Connections kept open and used at once (the worker's concurrency). */
  maxConnections?: number
  /** Signs every message (DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY). */
  dkim?: DkimOptions
}

/**
 * Pooled: connections stay open and carry up to 100 messages each, so a campaign does not pay a
 * TCP + EHLO (+ TLS + AUTH) handshake per message. Options in the URL's query string reach
 * Nodemailer too and win, e.g. `smtp://user:pass@host:587?pool=false`. Nodemailer's default
 * socket timeout is 10 minutes; ours is shorter so a stuck server cannot hold a message past the
 * worker's lease.
 */
export function createSmtpTransport(url: string, options: SmtpTransportOptions = {}): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 1,
    maxMessages: 100,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    ...(options.dkim ? { dkim: options.dkim } : {}),
  })
  return {
    kind: 'smtp',
    async send(mail, options) {
      await transporter.sendMail(nodemailerMessage(mail, options?.signal))
    },
    close() {
      transporter.close()
    },
  }
}

/** Builds the full MIME message (so a malformed one fails here as it would over SMTP), then stores it. */
export function createMailboxTransport(db: Tx = prisma): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true })
  return {
    kind: 'mailbox',
    async send(mail, options) {
      await composer.sendMail(nodemailerMessage(mail, options?.signal))
      const html = inlineAttachedImages(mail.html, mail.attachments ?? [])
      const attachments = (mail.attachments ?? []).map(({ filename, contentType, content }) => ({ filename, contentType, content }))
      await storeMailboxMessage(
        { messageId: mail.messageId, to: mail.to.address, subject: mail.subject, html, text: mail.text, attachments },
        db,
      )
    },
    close() {
      composer.close()
    },
  }
}

/** The mailbox page shows the HTML in a frame: inline images (`cid:`) become data: URLs it can show. */
function inlineAttachedImages(html: string, attachments: EmailAttachment[]) {
  return attachments.reduce((result, file) => {
    if (!file.cid || !file.contentType.startsWith('image/')) return result
    const data = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content)
    return result.replaceAll(`cid:${file.cid}`, `data:${file.contentType};base64,${data.toString('base64')}`)
  }, html)
}

/** DKIM signing options from the environment, or undefined when it is not configured. */
export function dkimFromEnv(env = getEnv()): DkimOptions | undefined {
  if (!env.DKIM_DOMAIN || !env.DKIM_SELECTOR || !env.DKIM_PRIVATE_KEY) return undefined
  return { domainName: env.DKIM_DOMAIN, keySelector: env.DKIM_SELECTOR, privateKey: env.DKIM_PRIVATE_KEY }
}

export function createMailTransport({
  smtpUrl = getEnv().SMTP_URL,
  db = prisma,
  maxConnections = getEnv().WORKER_CONCURRENCY,
}: { smtpUrl?: string; db?: Tx; maxConnections?: number } = {}) {
  return smtpUrl ? createSmtpTransport(smtpUrl, { maxConnections, dkim: dkimFromEnv() }) : createMailboxTransport(db)
}
