// Server rendering: Remix's default entry, except that the page is sent in one piece once
// rendered (see handleRequest).
import { Writable } from 'node:stream'
import { type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'

const ABORT_DELAY = 5_000

/**
 * The whole document is rendered, then sent at once. No page defers data (no Suspense or Await),
 * so waiting for everything costs no time to first byte, and one buffer replaces React's ~2 KB
 * chunks going one by one through a web stream to the response (and, when compressed, a flush of
 * the compressor per chunk). This is what crawlers always got.
 */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const chunks: Uint8Array[] = []
    const sink = new Writable({
      write(chunk: Uint8Array, _encoding, done) {
        chunks.push(chunk)
        done()
      },
      final(done) {
        const body = Buffer.concat(chunks)
        responseHeaders.set('Content-Type', 'text/html')
        responseHeaders.set('Content-Length', String(body.length))
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }))
        done()
      },
    })
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      onShellReady() {
        shellRendered = true
      },
      onAllReady() {
        pipe(sink)
      },
      onShellError(error: unknown) {
        reject(error)
      },
      onError(error: unknown) {
        responseStatusCode = 500
        // Errors in the shell are logged by Remix (handleDocumentRequest); later ones only here.
        if (shellRendered) console.error(error)
      },
    })
    setTimeout(abort, ABORT_DELAY)
  })
}
