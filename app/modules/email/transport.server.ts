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
}

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
    // RFC 3834: tells auto-responders (out-of-office…) not to answer.
    headers: { 'Auto-Submitted': 'auto-generated' },
    signal,
  }
}

/**
 * Options in the URL's query string reach Nodemailer too, e.g. `smtp://user:pass@host:587?pool=true`.
 * Nodemailer's default socket timeout is 10 minutes; ours is shorter so a stuck server cannot
 * hold a message past the worker's lease.
 */
export function createSmtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
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
      await storeMailboxMessage({ messageId: mail.messageId, to: mail.to.address, subject: mail.subject, html, text: mail.text }, db)
    },
    close() {
      composer.close()
    },
  }
}

/** The mailbox keeps no attachments, so inline images (`cid:`) become data: URLs its page can show. */
function inlineAttachedImages(html: string, attachments: EmailAttachment[]) {
  return attachments.reduce((result, file) => {
    if (!file.cid || !file.contentType.startsWith('image/')) return result
    const data = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content)
    return result.replaceAll(`cid:${file.cid}`, `data:${file.contentType};base64,${data.toString('base64')}`)
  }, html)
}

export function createMailTransport({ smtpUrl = getEnv().SMTP_URL, db = prisma }: { smtpUrl?: string; db?: Tx } = {}) {
  return smtpUrl ? createSmtpTransport(smtpUrl) : createMailboxTransport(db)
}
