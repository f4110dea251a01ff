// The layering rule of .dependency-cruiser.cjs, run over planted module folders: a cycle between two
// folders of app/modules fails even when no single file imports itself back, and even through a type.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cruise, type IConfiguration } from 'dependency-cruiser'
import { afterEach, describe, expect, test } from 'vitest'

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration
let dirs: string[] = []

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  dirs = []
})

/** Writes the files under a fresh folder and cruises its app/ with the project's rules. */
async function violationsOf(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'essor-cycles-'))
  dirs.push(root)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  // The fixture has no tsconfig: its imports are relative.
  const { tsConfig: _tsConfig, ...options } = config.options ?? {}
  const result = await cruise(['app'], {
    ...options,
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  })
  if (typeof result.output === 'string') throw new Error('expected a cruise result, got a report')
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
}

const twoModules = {
  'app/modules/alpha/x.ts': "import { b } from '../beta/y.ts'\nexport const x = b + 1\n",
  'app/modules/alpha/z.ts': 'export type Z = { z: number }\nexport const z = 1\n',
}

describe('no cycle between folders of app/modules', () => {
  test('two module folders importing each other fail, through a type-only import too', async () => {
    const violations = await violationsOf({
      ...twoModules,
      // beta uses alpha/z, alpha/x uses beta: no file imports itself back, the folders do.
      'app/modules/beta/y.ts': "import type { Z } from '../alpha/z.ts'\nexport const b: Z['z'] = 2\n",
    })
    expect(violations).toContain('no-cycle-between-modules: app/modules/alpha → app/modules/beta')
    expect(violations).toContain('no-cycle-between-modules: app/modules/beta → app/modules/alpha')
  })

  test('the same folders without the way back pass, and a cycle inside one folder may stay', async () => {
    const violations = await violationsOf({
      ...twoModules,
      'app/modules/alpha/z.ts': "import { x } from './x.ts'\nexport const z = x\n",
      'app/modules/beta/y.ts': 'export const b = 2\n',
    })
    expect(violations).toEqual([])
  })

  test('a module importing a route or the API fails', async () => {
    const violations = await violationsOf({
      'app/api/events.server.ts': 'export const api = 1\n',
      'app/modules/alpha/x.ts': "import { api } from '../../api/events.server.ts'\nexport const x = api\n",
    })
    expect(violations).toEqual(['modules-not-composition: app/modules/alpha/x.ts → app/api/events.server.ts'])
  })
})
