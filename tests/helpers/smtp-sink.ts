// A real SMTP server on loopback (the `smtp-server` package) that keeps what it accepts, with just
// enough MIME decoding to check subjects, Message-IDs and the HTML and text parts.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
  recipients: string[]
  raw: string
  headers: Map<string, string>
  messageId: string
  subject: string
  text: string
  html: string
}

/** An SMTP reply to refuse a message with after DATA, e.g. { code: 451, message: 'Try later' }. */
export type Refusal = { code: number; message: string }

export type SmtpSink = {
  url: string
  port: number
  received: ReceivedMail[]
  /**
   * Errors the server reported after it started listening, such as a client that vanished in the
   * middle of a message (a killed worker): kept here rather than thrown into the test run.
   */
  errors: Error[]
  /** Decide per message whether to refuse it; return nothing to accept. */
  refuseWith(decide: ((mail: ReceivedMail) => Refusal | null | undefined) | null): void
  /** Called when a message's data has arrived; the server answers once what it returns settles. */
  whenReceived(fn: ((mail: ReceivedMail) => unknown) | null): void
  close(): Promise<void>
}

export type SmtpSinkOptions = {
  /** Wait this long before answering DATA, to keep a sender busy. */
  acceptDelayMs?: number
  /** Called once a message is accepted, before the client is told so (the 250 reply). */
  onAccept?: (mail: ReceivedMail, received: ReceivedMail[]) => void
}

export async function startSmtpSink({ acceptDelayMs = 0, onAccept }: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = []
  let decide: ((mail: ReceivedMail) => Refusal | null | undefined) | null = null
  let onReceived: ((mail: ReceivedMail) => unknown) | null = null
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', async () => {
        const mail = parseMail(
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address),
        )
        await onReceived?.(mail)
        const refusal = decide?.(mail)
        setTimeout(() => {
          if (refusal) {
            const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code })
            return callback(error)
          }
          received.push(mail)
          onAccept?.(mail, received)
          callback()
        }, acceptDelayMs)
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  // Without a listener, the second client to vanish mid-message would throw from the emitter.
  const errors: Error[] = []
  server.on('error', (error: Error) => errors.push(error))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    errors,
    refuseWith(fn) {
      decide = fn
    },
    whenReceived(fn) {
      onReceived = fn
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export function parseMail(raw: string, recipients: string[] = []): ReceivedMail {
  const { headers, body } = splitEntity(raw)
  const parts = leafParts(headers, body)
  const part = (type: string) => parts.find((p) => (p.headers.get('content-type') ?? '').toLowerCase().startsWith(type))
  return {
    recipients,
    raw,
    headers,
    messageId: headers.get('message-id') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    text: part('text/plain')?.content ?? '',
    html: part('text/html')?.content ?? '',
  }
}

function splitEntity(raw: string) {
  const end = raw.indexOf('\r\n\r\n')
  const head = end === -1 ? raw : raw.slice(0, end)
  const body = end === -1 ? '' : raw.slice(end + 4)
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function leafParts(headers: Map<string, string>, body: string): { headers: Map<string, string>; content: string }[] {
  const type = headers.get('content-type') ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (!/^multipart\//i.test(type) || !boundary) {
    return [{ headers, content: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit') }]
  }
  const sections = body.split(`--${boundary}`).slice(1)
  return sections
    .filter((s) => !s.startsWith('--'))
    .flatMap((section) => {
      const entity = splitEntity(section.replace(/^\r\n/, ''))
      return leafParts(entity.headers, entity.body.replace(/\r\n$/, ''))
    })
}

function decodeBody(body: string, encoding: string) {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    case 'quoted-printable':
      return decodeQuotedPrintable(body.replace(/=\r\n/g, ''))
    default:
      return body
  }
}

function decodeQuotedPrintable(text: string) {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** RFC 2047 encoded words, as Nodemailer writes non-ASCII subjects. */
function decodeWords(value: string) {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
}
