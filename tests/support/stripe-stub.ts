// A stand-in for the few Stripe endpoints Essor calls, on loopback, so tests drive the official
// `stripe` client (pointed here with host/port/protocol) without the network:
//   POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id, POST /v1/checkout/sessions/:id/expire,
//   POST /v1/refunds — Stripe-shaped JSON, Stripe-shaped errors, idempotency keys honoured;
//   GET /pay/:id — a hosted "checkout page" whose "Payer" button marks the session paid, sends a
//   signed checkout.session.completed webhook to the app and redirects to the success_url.
// Webhooks are signed with Stripe's scheme: header `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
// Run directly (`tsx tests/support/stripe-stub.ts`) it serves on STRIPE_STUB_PORT for the e2e server.
import { createHmac, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type StubOptions = {
  secretKey: string
  webhookSecret: string
  /** Where signed events are POSTed (the app's /webhooks/stripe); none: events are only recorded. */
  webhookUrl?: string
  port?: number
}

type Json = Record<string, unknown>
export type StubSession = Json & {
  id: string
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  payment_intent: string | null
  amount_total: number
  currency: string
  client_reference_id: string | null
  metadata: Record<string, string>
  success_url: string
  cancel_url: string
  expires_at: number
  url: string | null
}
export type StubRefund = Json & { id: string; amount: number; payment_intent: string; status: string }
export type StubEvent = { id: string; type: string; created: number; data: { object: Json } }

/** The Stripe-Signature header for a payload, as Stripe computes it. */
export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)) {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex')
  return `t=${timestamp},v1=${v1}`
}

/** A Stripe event envelope around an object (a session, a charge). */
export function stripeEvent(type: string, object: Json, id = `evt_${token()}`): StubEvent {
  return { id, type, created: Math.floor(Date.now() / 1000), data: { object } }
}

function token() {
  return randomBytes(12).toString('hex')
}

/** Stripe's form encoding (`a[b][0][c]=1`) back into nested objects and arrays. */
export function parseStripeForm(body: string): Json {
  const root: Json = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[')
    let node: Record<string, unknown> | unknown[] = root
    path.forEach((part, i) => {
      const last = i === path.length - 1
      const container = node as Record<string, unknown>
      if (last) {
        container[part] = value
        return
      }
      if (container[part] === undefined) container[part] = /^\d+$/.test(path[i + 1]!) ? [] : {}
      node = container[part] as Record<string, unknown>
    })
  }
  return root
}

function stripeError(res: ServerResponse, status: number, type: string, message: string, code?: string) {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify({ error: { type, message, ...(code ? { code } : {}) } }))
}

function json(res: ServerResponse, body: unknown, status = 200) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${token()}` })
  res.end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export async function startStripeStub(options: StubOptions) {
  const sessions = new Map<string, StubSession>()
  const refunds: StubRefund[] = []
  const events: StubEvent[] = []
  const deliveries: { eventId: string; status: number }[] = []
  // Idempotency key → the request body and the answer it got (Stripe replays it for 24 h).
  const idempotent = new Map<string, { body: string; status: number; answer: unknown }>()
  const failures: { refunds: { status: number; type: string; message: string }[] } = { refunds: [] }
  let baseUrl = ''

  async function deliver(event: StubEvent) {
    events.push(event)
    if (!options.webhookUrl) return
    const payload = JSON.stringify({ object: 'event', api_version: '2026-10-28.endive', livemode: false, ...event })
    try {
      const response = await fetch(options.webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signPayload(payload, options.webhookSecret) },
        body: payload,
      })
      deliveries.push({ eventId: event.id, status: response.status })
    } catch {
      deliveries.push({ eventId: event.id, status: 0 })
    }
  }

  function completeSession(session: StubSession) {
    session.status = 'complete'
    session.payment_status = 'paid'
    session.payment_intent = `pi_${token()}`
    session.url = null
    return session
  }

  function createSession(params: Json): StubSession | string {
    const now = Math.floor(Date.now() / 1000)
    const items = (params.line_items as Json[] | undefined) ?? []
    const price = items[0]?.price_data as Json | undefined
    if (params.mode !== 'payment' || !price) return 'mode and line_items[0][price_data] are required'
    const expiresAt = params.expires_at ? Number(params.expires_at) : now + 24 * 3600
    if (expiresAt < now + 30 * 60 - 5 || expiresAt > now + 24 * 3600 + 5) {
      return 'The `expires_at` timestamp must be between 30 minutes and 24 hours after the Checkout Session is created.'
    }
    if (typeof params.success_url !== 'string' || typeof params.cancel_url !== 'string') return 'success_url and cancel_url are required'
    const id = `cs_test_${token()}`
    const amount = Number(price.unit_amount) * Number(items[0]!.quantity ?? 1)
    return {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_total: amount,
      amount_subtotal: amount,
      currency: String(price.currency),
      client_reference_id: (params.client_reference_id as string | undefined) ?? null,
      customer_email: (params.customer_email as string | undefined) ?? null,
      metadata: (params.metadata as Record<string, string> | undefined) ?? {},
      success_url: params.success_url,
      cancel_url: params.cancel_url,
      expires_at: expiresAt,
      created: now,
      livemode: false,
      locale: (params.locale as string | undefined) ?? null,
      product_name: String((price.product_data as Json | undefined)?.name ?? ''),
      url: `${baseUrl}/pay/${id}`,
    }
  }

  function fillUrl(template: string, sessionId: string) {
    return template.replace('{CHECKOUT_SESSION_ID}', sessionId)
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string, body: string) {
    if (req.headers.authorization !== `Bearer ${options.secretKey}`) {
      return stripeError(res, 401, 'invalid_request_error', 'Invalid API Key provided.')
    }
    const key = req.method === 'POST' ? (req.headers['idempotency-key'] as string | undefined) : undefined
    if (key) {
      const seen = idempotent.get(key)
      if (seen && seen.body !== body) {
        return stripeError(
          res,
          400,
          'idempotency_error',
          'Keys for idempotent requests can only be used with the same parameters they were first used with.',
        )
      }
      if (seen) return json(res, seen.answer, seen.status)
    }
    const answer = (status: number, value: unknown) => {
      if (key) idempotent.set(key, { body, status, answer: value })
      return json(res, value, status)
    }
    const params = parseStripeForm(body)
    let m: RegExpExecArray | null
    if (req.method === 'POST' && path === '/v1/checkout/sessions') {
      const session = createSession(params)
      if (typeof session === 'string') return stripeError(res, 400, 'invalid_request_error', session)
      sessions.set(session.id, session)
      return answer(200, session)
    }
    if (req.method === 'GET' && (m = /^\/v1\/checkout\/sessions\/([\w]+)$/.exec(path))) {
      const session = sessions.get(m[1]!)
      if (!session) return stripeError(res, 404, 'invalid_request_error', `No such checkout.session: '${m[1]}'`, 'resource_missing')
      return json(res, session)
    }
    if (req.method === 'POST' && (m = /^\/v1\/checkout\/sessions\/([\w]+)\/expire$/.exec(path))) {
      const session = sessions.get(m[1]!)
      if (!session) return stripeError(res, 404, 'invalid_request_error', `No such checkout.session: '${m[1]}'`, 'resource_missing')
      if (session.status !== 'open') {
        return stripeError(res, 400, 'invalid_request_error', 'Only Checkout Sessions with a status in ["open"] can be expired.')
      }
      session.status = 'expired'
      session.url = null
      void deliver(stripeEvent('checkout.session.expired', { ...session }))
      return answer(200, session)
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const injected = failures.refunds.shift()
      if (injected) return stripeError(res, injected.status, injected.type, injected.message)
      const session = [...sessions.values()].find((s) => s.payment_intent && s.payment_intent === params.payment_intent)
      if (!session)
        return stripeError(
          res,
          404,
          'invalid_request_error',
          `No such payment_intent: '${String(params.payment_intent)}'`,
          'resource_missing',
        )
      const already = refunds.filter((r) => r.payment_intent === session.payment_intent).reduce((sum, r) => sum + r.amount, 0)
      const amount = params.amount ? Number(params.amount) : session.amount_total - already
      if (amount <= 0 || already + amount > session.amount_total) {
        return stripeError(
          res,
          400,
          'invalid_request_error',
          'Refund amount is greater than the unrefunded amount on the charge.',
          'amount_too_large',
        )
      }
      const refund: StubRefund = {
        id: `re_${token()}`,
        object: 'refund',
        amount,
        currency: session.currency,
        payment_intent: session.payment_intent!,
        status: 'succeeded',
        metadata: (params.metadata as Json | undefined) ?? {},
        created: Math.floor(Date.now() / 1000),
      }
      refunds.push(refund)
      const refunded = already + amount
      void deliver(
        stripeEvent('charge.refunded', {
          id: `ch_${token()}`,
          object: 'charge',
          amount: session.amount_total,
          amount_refunded: refunded,
          refunded: refunded === session.amount_total,
          payment_intent: session.payment_intent,
          currency: session.currency,
        }),
      )
      return answer(200, refund)
    }
    return stripeError(res, 404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`)
  }

  function checkoutPage(res: ServerResponse, session: StubSession) {
    const amount = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: session.currency.toUpperCase() }).format(
      session.amount_total / 100,
    )
    const open = session.status === 'open'
    res.writeHead(open ? 200 : 410, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Stripe Checkout (stub)</title></head><body>
<main><h1>Paiement (Stripe de test)</h1><p>${escapeHtml(String(session.product_name))}</p><p data-testid="amount">${escapeHtml(amount)}</p>
${open ? `<form method="post"><button type="submit">Payer</button></form><p><a href="${escapeHtml(fillUrl(session.cancel_url, session.id))}">Retour</a></p>` : `<p>Session ${session.status}</p>`}
</main></body></html>`)
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stub')
      const body = await readBody(req)
      if (url.pathname === '/healthz') return json(res, { ok: true })
      if (url.pathname.startsWith('/v1/')) return api(req, res, url.pathname, body)
      const m = /^\/pay\/([\w]+)$/.exec(url.pathname)
      const session = m ? sessions.get(m[1]!) : undefined
      if (!session) return stripeError(res, 404, 'invalid_request_error', 'Not found')
      if (req.method === 'GET') return checkoutPage(res, session)
      if (req.method === 'POST' && session.status === 'open') {
        completeSession(session)
        // Real Stripe sends the webhook and redirects independently; here the webhook goes first.
        await deliver(stripeEvent('checkout.session.completed', { ...session }))
        res.writeHead(303, { Location: fillUrl(session.success_url, session.id) })
        return res.end()
      }
      return checkoutPage(res, session)
    })().catch((error: unknown) => {
      res.writeHead(500)
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`

  return {
    port,
    url: baseUrl,
    sessions,
    refunds,
    events,
    deliveries,
    /** The env that points the app's Stripe client here. */
    env: {
      STRIPE_SECRET_KEY: options.secretKey,
      STRIPE_WEBHOOK_SECRET: options.webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
    },
    /** Pays a session as the hosted page's button does, without delivering the webhook. */
    pay(sessionId: string) {
      const session = sessions.get(sessionId)
      if (!session || session.status !== 'open') throw new Error(`stub: session ${sessionId} is not open`)
      return completeSession(session)
    },
    /** Ends a session at Stripe's side without telling the app (as if it expired unseen). */
    expire(sessionId: string) {
      const session = sessions.get(sessionId)
      if (session && session.status === 'open') session.status = 'expired'
      return session
    },
    /** The next refund requests fail with this Stripe error (e.g. 500 api_error, 400 invalid_request_error). */
    failNextRefund(status: number, type: string, message = 'Refund failed') {
      failures.refunds.push({ status, type, message })
    },
    /** A signed delivery of this event to the webhook URL. */
    deliver,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type StripeStub = Awaited<ReturnType<typeof startStripeStub>>

// Started by the end-to-end web server list (tests/playwright.config.ts).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const stub = await startStripeStub({
    secretKey: process.env.STRIPE_SECRET_KEY ?? 'sk_test_stub',
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_stub',
    webhookUrl: process.env.STRIPE_STUB_WEBHOOK_URL,
    port: Number(process.env.STRIPE_STUB_PORT ?? 0),
  })
  console.log(`stripe stub on ${stub.url}`)
  const stop = () => void stub.close().then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
