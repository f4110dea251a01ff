import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Plugin } from 'vite'
import remixConfig from './remix.config.js'
import { checkinServiceWorker } from './app/sw/build-plugin.ts'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

const isTest = Boolean(process.env.VITEST)

/** Remix's server build, and the server that runs it (app/server/bundle.ts). */
const SERVER_ENTRIES = { index: 'virtual:remix/server-build', server: 'app/server/bundle.ts' }

/**
 * The production server build gets a second entry: the HTTP server, the worker and the jobs,
 * bundled with the routes so that one process runs one copy of the app's modules. Remix's plugin
 * names only its own entry; this runs after it and adds ours through Vite's config hook. The
 * routes' build stays build/server/index.js; the server is build/server/server.js.
 */
function serverEntry(): Plugin {
  return {
    name: 'essor:server-entry',
    apply: 'build',
    config(_config, env) {
      if (!env.isSsrBuild) return
      return { build: { rollupOptions: { input: SERVER_ENTRIES, output: { entryFileNames: '[name].js' } } } }
    },
  }
}

export default defineConfig({
  server: { port: 3000 },
  build: { target: 'es2022' },
  ssr: { noExternal: [] },
  plugins: [tailwindcss(), !isTest && remix(remixConfig), !isTest && serverEntry(), !isTest && checkinServiceWorker()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['app/**/*.test.{ts,tsx}', 'emails/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
          exclude: ['**/*.db.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-sqlite',
          include: ['app/**/*.db.test.ts', 'tests/integration/**/*.test.ts'],
          // Files named *.postgres.test.ts check PostgreSQL-only behaviour (the connection pool).
          exclude: ['**/*.postgres.test.ts', '**/node_modules/**'],
          env: { TEST_DB: 'sqlite' },
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/db-per-file.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-postgres',
          include: ['app/**/*.db.test.ts', 'tests/integration/**/*.test.ts'],
          // Files named *.sqlite.test.ts check SQLite-only behaviour (one connection, file locks).
          exclude: ['**/*.sqlite.test.ts', '**/node_modules/**'],
          env: { TEST_DB: 'postgres' },
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/db-per-file.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
