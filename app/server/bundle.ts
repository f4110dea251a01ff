// The server's entry in the production build (vite.config.ts adds it beside Remix's own): the
// routes and everything that runs with them, the HTTP server, the database client, the email
// worker, the periodic jobs and the demo data. Bundled together, one process holds one copy of
// each module, so the request context the server opens is the one the loaders read, and the
// worker, the jobs and the routes share one database client and one set of caches.
// start.ts and worker.ts load this file from build/server/server.js.
import * as build from 'virtual:remix/server-build'

export { build }
export { createHttpApp } from './http.ts'
export { createScheduler } from './scheduler.ts'
export { createEmailWorker } from '#app/modules/email/worker.server.ts'
export { prisma, dbReady, dbTarget, warmDb, closeDb } from '#app/db.server.ts'
export { logger } from '#app/utils/logger.server.ts'
export { seedDemoData, demoAccounts, DEMO_PASSWORD } from '../../prisma/seed.ts'
