// A file attached to an email of the local mailbox, downloaded as it was sent.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getMailboxAttachment, isLocalMailboxEnabled } from '#app/modules/email/mailbox.server.ts'
import { notFound } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLocalMailboxEnabled()) throw notFound()
  const file = await getMailboxAttachment(params.id ?? '', params.attachmentId ?? '')
  if (!file) throw notFound()
  return new Response(file.content, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
