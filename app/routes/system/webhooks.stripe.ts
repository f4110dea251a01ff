// POST /webhooks/stripe: Stripe's event deliveries. No session, no Origin (exempt in
// app/server/origin-check.ts): the Stripe-Signature header over the raw body is the proof.
import type { ActionFunctionArgs } from '@remix-run/node'
import { handleStripeWebhook, MAX_WEBHOOK_BYTES } from '#app/modules/payments/webhook.server.ts'

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return json(405, { errors: { method: ['POST only'] } })
  if (Number(request.headers.get('content-length') ?? 0) > MAX_WEBHOOK_BYTES) return json(413, { errors: { body: ['Too large'] } })
  // The exact bytes Stripe signed: read once, never re-serialised.
  const payload = Buffer.from(await request.arrayBuffer())
  if (payload.byteLength > MAX_WEBHOOK_BYTES) return json(413, { errors: { body: ['Too large'] } })
  const result = await handleStripeWebhook(payload, request.headers.get('stripe-signature'))
  return json(result.status, result.body)
}

export function loader() {
  return json(405, { errors: { method: ['POST only'] } })
}
