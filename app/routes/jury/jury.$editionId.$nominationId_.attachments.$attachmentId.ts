// Downloads one file of a nomination for a juror who scores it (assigned, no conflict): always as
// an attachment, with the type sniffed at upload, never cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireJuror } from '#app/modules/jury/jurors.server.ts'
import { getAttachmentForJuror } from '#app/modules/jury/scoring.server.ts'
import { notFound, orHttpError } from '#app/utils/http.server.ts'

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function contentDisposition(filename: string) {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { juror } = await orHttpError(requireJuror(request, params.editionId))
  const file = await orHttpError(getAttachmentForJuror(juror, params.nominationId ?? '', params.attachmentId ?? ''))
  if (!file) throw notFound()
  return new Response(file.data, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.data.byteLength),
      'Content-Disposition': contentDisposition(file.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex, nofollow',
    },
  })
}
