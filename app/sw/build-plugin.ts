// Builds the check-in service worker (app/sw/checkin-sw.ts) into build/client/checkin-sw.js at the
// end of the client build, so `npm run build` and `npm start`'s build-if-needed both make it:
// esbuild bundles the Workbox modules, then workbox-build injects the list of fingerprinted
// assets to precache. No framework internals are read: only the files the client build wrote.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Plugin } from 'vite'

export const CHECKIN_SW_FILE = 'checkin-sw.js'

export function checkinServiceWorker(): Plugin {
  let outDir = ''
  let ssr = false
  return {
    name: 'essor:checkin-service-worker',
    apply: 'build',
    configResolved(config) {
      ssr = Boolean(config.build.ssr)
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      if (ssr) return
      const [{ build }, { injectManifest }] = await Promise.all([import('esbuild'), import('workbox-build')])
      const dir = await mkdtemp(path.join(tmpdir(), 'essor-sw-'))
      try {
        const bundled = path.join(dir, CHECKIN_SW_FILE)
        await build({
          entryPoints: [path.resolve('app/sw/checkin-sw.ts')],
          bundle: true,
          format: 'iife',
          target: 'es2022',
          minify: true,
          outfile: bundled,
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'warning',
        })
        const { count, size, warnings } = await injectManifest({
          swSrc: bundled,
          swDest: path.join(outDir, CHECKIN_SW_FILE),
          globDirectory: outDir,
          globPatterns: ['assets/**/*.{js,css,woff2}'],
          // Vite's file names carry their hash: no revision needed.
          dontCacheBustURLsMatching: /^assets\//,
          maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        })
        for (const w of warnings) this.warn(w)
        this.info?.(`${CHECKIN_SW_FILE}: ${count} files precached (${Math.round(size / 1024)} kB)`)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  }
}
