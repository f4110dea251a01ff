import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

const isTest = Boolean(process.env.VITEST)

export default defineConfig({
  server: { port: 3000 },
  build: { target: 'es2022' },
  ssr: { noExternal: [] },
  plugins: [
    tailwindcss(),
    !isTest &&
      remix({
        
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
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
