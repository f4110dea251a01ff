// Downloads one file of a nomination, for the holder of its link: always as an attachment and
// with the type sniffed at upload, so a browser never renders it inline as something else.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getAttachment } from '#app/modules/nominations/service.server.ts'
import { notFound } from '#app/utils/http.server.ts'

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function contentDisposition(filename: string) {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

export async function loader({ params }: LoaderFunctionArgs) {
  const file = await getAttachment(params.token ?? '', params.id ?? '')
  if (!file) throw notFound()
  return new Response(file.data, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.data.byteLength),
      'Content-Disposition': contentDisposition(file.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex, nofollow',
      'Referrer-Policy': 'same-origin',
    },
  })
}
