// The Remix options, in one place: vite.config.ts hands them to Remix's Vite plugin and
// app/routes.ts reads the route convention from here.

/** Files under app/routes/ that are not routes (tests beside them, hidden files). */
export const ignoredRouteFiles = ['**/*.test.ts', '**/*.test.tsx', '**/.*']

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  serverModuleFormat: 'esm',
  // Every v3 flag, so that the move to React Router 7 stays a codemod away.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
}
