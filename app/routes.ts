import { flatRoutes } from '@remix-run/fs-routes'
import type { RouteConfig } from '@remix-run/route-config'
import { ignoredRouteFiles } from '../remix.config.js'

/**
 * The routes, one folder per area of the product; inside each folder the file names follow Remix's
 * flat-routes convention (`o.$org.events._index.tsx` → `/o/:org/events`). No layout route spans two
 * folders, so each folder is read on its own.
 */
export const ROUTE_AREAS = {
  public: 'the public site: home, events, prizes, legal pages',
  links: 'pages reached from a personal link in an email (registration, invitation, nomination, vote, payment)',
  account: 'signing in and out, the account page',
  organisers: 'the organisers’ back office, under /o/:org',
  jury: 'jurors scoring and deliberating',
  api: 'the public JSON API, /api/v1',
  system: 'health check, payment webhooks, the development mailbox',
} as const

export default (async () => {
  const areas = await Promise.all(
    Object.keys(ROUTE_AREAS).map((area) => flatRoutes({ rootDirectory: `routes/${area}`, ignoredRouteFiles })),
  )
  return areas.flat()
})() satisfies Promise<RouteConfig>
