// The open-tracking image: a transparent 1×1 GIF. Records the first open only for campaigns whose
// organiser turned tracking on (otherwise the email has no such image at all).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordOpen } from '#app/modules/campaigns/service.server.ts'

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

export async function loader({ params }: LoaderFunctionArgs) {
  await recordOpen(params.token ?? '')
  return new Response(GIF, {
    headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'private, no-store', 'Content-Length': String(GIF.length) },
  })
}
