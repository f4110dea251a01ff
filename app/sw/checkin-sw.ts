// The check-in page's service worker (docs/decisions/0013-offline-checkin.md), registered by the
// page with the page's own path as scope, so it controls check-in pages only. It precaches the
// app's fingerprinted assets (the manifest is injected at build, app/sw/build-plugin.ts) and keeps
// the last check-in page it served: once opened, the page opens again without a network.
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching'
import { registerRoute } from 'workbox-routing'
import { NetworkFirst } from 'workbox-strategies'

type PrecacheEntry = { url: string; revision: string | null }
type Scope = { __WB_MANIFEST: PrecacheEntry[]; skipWaiting(): Promise<void> }

void (self as unknown as Scope).skipWaiting()
clientsClaim()
cleanupOutdatedCaches()
// workbox-build replaces `self.__WB_MANIFEST` with the list, so it is spelled out here.
precacheAndRoute((self as unknown as Scope).__WB_MANIFEST)

const CHECKIN_PAGE = /^\/o\/[^/]+\/events\/[^/]+\/checkin$/

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && CHECKIN_PAGE.test(url.pathname),
  new NetworkFirst({
    cacheName: 'essor-checkin-pages',
    // A venue network that hangs counts as down after a few seconds.
    networkTimeoutSeconds: 4,
    plugins: [
      {
        // One copy per page, whatever was searched: offline the search runs in the browser.
        cacheKeyWillBeUsed: async ({ request }) => {
          const url = new URL(request.url)
          url.search = ''
          return url.href
        },
        cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null),
      },
    ],
  }),
)
