// Remix matches every request's URL against the whole route table twice (the server runtime's
// matchServerRoutes, then the static handler's query), each time flattening and ranking all ~100
// routes and compiling a regular expression per route tried: about a tenth of the CPU of a page.
// Routes are dispatched here on the URL's first segment instead: a request whose first segment
// is the literal first segment of some route ("jury", "o", "e"…) goes to a Remix request handler
// made once for a build reduced to the routes that can match it — the routes starting with that
// segment, those starting with a parameter or a splat, those with no path (the root, the home
// page), and their parents. A route left out could not have matched, so the match, and the page,
// are the same. Anything else (unknown segments, "/__manifest", "/_root.data", a basename) goes to
// the handler of the whole build.
import type { ServerBuild } from '@remix-run/node'

type Routes = ServerBuild['routes']

/** The first segment of a route's full path, lower-cased; null when it could match any segment. */
function firstSegmentOf(routes: Routes, id: string): string | null {
  const paths: string[] = []
  for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) paths.unshift(route.path ?? '')
  const first = paths.join('/').split('/').find(Boolean)
  if (!first || first.startsWith(':') || first.includes('*') || first.endsWith('?')) return null
  return first.toLowerCase()
}

/** The literal first segments of the app's routes, and the route table reduced to one of them. */
export function routeBuckets(routes: Routes) {
  const firstOf = new Map(Object.keys(routes).map((id) => [id, firstSegmentOf(routes, id)]))
  const literals = new Set([...firstOf.values()].filter((s): s is string => s !== null))
  const reduce = (segment: string): Routes => {
    const kept: Routes = {}
    for (const [id, first] of firstOf) {
      if (first !== null && first !== segment) continue
      for (let r = routes[id]; r && !kept[r.id]; r = r.parentId ? routes[r.parentId] : undefined) kept[r.id] = r
    }
    // In the build's order, as Remix would see them.
    return Object.fromEntries(Object.keys(routes).filter((id) => kept[id]).map((id) => [id, routes[id]!]))
  }
  return { literals, reduce }
}

/** The bucket of a request path: its first segment when some route starts with it, else null. */
export function bucketOf(literals: ReadonlySet<string>, pathname: string): string | null {
  const end = pathname.indexOf('/', 1)
  const segment = (end === -1 ? pathname.slice(1) : pathname.slice(1, end)).toLowerCase()
  return literals.has(segment) ? segment : null
}

/**
 * Dispatches on the first segment: `make(build)` is called once per bucket (lazily) and once for
 * the whole build. Only for a build object without a basename; otherwise the whole build always.
 */
export function bucketedHandler<H extends (...args: never[]) => unknown>(build: ServerBuild, make: (build: ServerBuild) => H): (pathname: string) => H {
  const whole = make(build)
  if (build.basename && build.basename !== '/') return () => whole
  const { literals, reduce } = routeBuckets(build.routes)
  const handlers = new Map<string, H>()
  return (pathname) => {
    const bucket = bucketOf(literals, pathname)
    if (bucket === null) return whole
    let handler = handlers.get(bucket)
    if (!handler) {
      handler = make({ ...build, routes: reduce(bucket) })
      handlers.set(bucket, handler)
    }
    return handler
  }
}
