// Every organiser route asks the permission table before anything else, and no role list lives
// outside it: a static reading of the sources (a new route that forgets the check fails here).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ACTIONS } from '#app/modules/auth/permissions.ts'

const ROOT = join(import.meta.dirname, '../..')
const ROUTES = join(ROOT, 'app/routes/organisers')
const organiserRoutes = readdirSync(ROUTES).filter((f) => f.startsWith('o.$org') && /\.tsx?$/.test(f))

/** Each exported loader or action, with the first statement of its body. */
function handlers(source: string) {
  const found: { name: string; firstStatement: string }[] = []
  const pattern = /^export (?:async )?function (loader|action)\b[^\n]*\{\n([^\n]*)/gm
  for (const match of source.matchAll(pattern)) found.push({ name: match[1]!, firstStatement: match[2]!.trim() })
  return found
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('organiser routes and the permission table', () => {
  test('there are organiser routes to check', () => {
    expect(organiserRoutes.length).toBeGreaterThan(40)
  })

  test.each(organiserRoutes)('%s: every loader and action starts with requirePermission and a known action', (file) => {
    const source = readFileSync(join(ROUTES, file), 'utf8')
    // Only `export async function loader/action` is read below: other ways of exporting them would slip through.
    expect(source).not.toMatch(/export (const|let) (loader|action)\b/)
    const found = handlers(source)
    expect(found.map((h) => h.name)).toContain('loader')
    for (const { name, firstStatement } of found) {
      const call = /^const \{[^}]*\} = await requirePermission\(request, params\.org, '([A-Za-z.]+)'\)$/.exec(firstStatement)
      expect(call, `${file} ${name}: ${firstStatement}`).not.toBeNull()
      expect(ACTIONS, `${file} ${name}`).toContain(call![1])
    }
  })

  test('no list of roles or role comparison outside the table and the Role type', () => {
    const allowed = new Set(['app/modules/auth/permissions.ts', 'app/modules/organisations/service.server.ts'])
    const offenders: string[] = []
    for (const path of sourceFiles(join(ROOT, 'app'))) {
      const file = relative(ROOT, path)
      if (allowed.has(file)) continue
      const source = readFileSync(path, 'utf8')
      if (/\[\s*'(admin|organiser|checkin)'\s*[,\]]|role\s*[!=]==\s*'|requireMembership|_ROLES?\b/.test(source)) offenders.push(file)
    }
    expect(offenders).toEqual([])
  })
})
