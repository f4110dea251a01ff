// Server rendering: Remix's default entry, with two changes for speed. The page is sent in one
// piece once rendered (see handleRequest). RemixServer rebuilds the whole route table on every page and
// matches it three times (its router, and twice for the lazy-discovery manifest it inlines), each
// match flattening and ranking every route and compiling a regular expression per route tried.
// With ~90 routes that was a third of the CPU of a public event page. We hand it only the routes
// this page can use: the matched ones and those matched by the page's parent paths (exactly the
// set Remix puts in the inlined manifest), so the HTML is the same and the work no longer grows
// with the size of the app. Matches of parent paths are remembered (a bounded map).
import { Writable } from 'node:stream'
import { type EntryContext } from '@remix-run/node'
import { matchRoutes, RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'

const ABORT_DELAY = 5_000

type Manifest = EntryContext['manifest']
type ManifestRoute = Manifest['routes'][string]
type MatchRoute = Parameters<typeof matchRoutes>[0][number]

/** The route tree of a manifest, for matching only (ids and paths); built once per build. */
const trees = new WeakMap<Manifest['routes'], MatchRoute[]>()
function treeOf(routes: Manifest['routes']): MatchRoute[] {
  let tree = trees.get(routes)
  if (tree) return tree
  const byParent = new Map<string, ManifestRoute[]>()
  for (const route of Object.values(routes)) {
    if (!route) continue
    const key = route.parentId ?? ''
    const list = byParent.get(key) ?? []
    list.push(route)
    byParent.set(key, list)
  }
  const build = (parentId: string): MatchRoute[] =>
    (byParent.get(parentId) ?? []).map((r) => {
      const children = build(r.id)
      return (r.index ? { id: r.id, path: r.path, index: true, caseSensitive: r.caseSensitive } : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children }) as MatchRoute
    })
  tree = build('')
  trees.set(routes, tree)
  return tree
}

const MAX_REMEMBERED = 2000
const matchedIds = new Map<string, readonly string[]>()
function idsMatching(routes: Manifest['routes'], path: string, basename: string | undefined): readonly string[] {
  const key = `${basename ?? ''}\n${path}`
  let ids = matchedIds.get(key)
  if (!ids) {
    ids = (matchRoutes(treeOf(routes), path, basename) ?? []).map((m) => m.route.id!)
    if (matchedIds.size >= MAX_REMEMBERED) matchedIds.delete(matchedIds.keys().next().value!)
    matchedIds.set(key, ids)
  }
  return ids
}

/**
 * The context with a manifest reduced to the routes Remix would inline for this page (see
 * getPartialManifest in @remix-run/react's fog-of-war.js): the matched routes, and the routes
 * matched by "/" and by each parent path of the URL. The static handler context is not copied
 * (Remix tracks render errors on that object).
 */
export function forPage(context: EntryContext, url: string): EntryContext {
  if (context.isSpaMode || !context.future.v3_lazyRouteDiscovery) return context
  const all = context.manifest.routes
  const ids = new Set(context.staticHandlerContext.matches.map((m) => m.route.id))
  const segments = new URL(url).pathname.split('/').filter(Boolean)
  segments.pop()
  const paths = ['/']
  for (; segments.length > 0; segments.pop()) paths.push(`/${segments.join('/')}`)
  for (const path of paths) for (const id of idsMatching(all, path, context.staticHandlerContext.basename)) ids.add(id)
  const routes: Manifest['routes'] = {}
  for (const id of ids) if (all[id]) routes[id] = all[id]
  return { ...context, manifest: { ...context.manifest, routes } }
}

/**
 * The whole document is rendered, then sent at once. No page defers data (no Suspense or Await),
 * so waiting for everything costs no time to first byte, and one buffer replaces React's ~2 KB
 * chunks going one by one through a web stream to the response (and, when compressed, a flush of
 * the compressor per chunk). This is what crawlers always got.
 */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const context = forPage(remixContext, request.url)
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
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={context} url={request.url} abortDelay={ABORT_DELAY} />, {
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
