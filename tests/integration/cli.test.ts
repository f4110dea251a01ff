// The admin CLI as people use it: a child process on this test file's database.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { hashToken } from '#app/modules/auth/session.server.ts'

const tsx = path.resolve('node_modules/.bin/tsx')
const cliPath = path.resolve('app/server/cli.ts')

type Result = { code: number; stdout: string; stderr: string }

function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  // The CLI must behave as it does in a shell, not as inside Vitest.
  for (const key of Object.keys(childEnv)) if (key.startsWith('VITEST')) delete childEnv[key]
  return new Promise((resolve) => {
    execFile(tsx, [cliPath, ...args], { env: childEnv, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

const lines = (s: string) => s.trim().split('\n')

describe('admin CLI', () => {
  test('creates and lists organisations, refusing a taken slug', async () => {
    const created = await cli(['organisation', 'create', '--slug', 'cress-bretagne', '--name', 'CRESS Bretagne', '--region', 'Bretagne'])
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    expect(created.stdout).toMatch(/Created organisation cress-bretagne/)
    const row = await prisma.organisation.findUnique({ where: { slug: 'cress-bretagne' } })
    expect(row).toMatchObject({ name: 'CRESS Bretagne', region: 'Bretagne' })
    const audit = await prisma.auditLog.findFirst({ where: { action: 'organisation.create', entityId: row!.id } })
    expect(audit).not.toBeNull()

    const list = await cli(['organisation', 'list'])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/cress-bretagne\s+CRESS Bretagne \(Bretagne\)/)

    const duplicate = await cli(['organisation', 'create', '--slug', 'cress-bretagne', '--name', 'Autre'])
    expect(duplicate.code).not.toBe(0)
    expect(duplicate.stderr.trim()).toBe('Error: An organisation with the slug "cress-bretagne" already exists')
    expect(await prisma.organisation.count({ where: { slug: 'cress-bretagne' } })).toBe(1)
  })

  test('creates a user with a membership, then changes the role of the existing user', async () => {
    await prisma.organisation.create({ data: { slug: 'cress-normandie', name: 'CRESS Normandie' } })
    const first = await cli([
      'user',
      'create',
      '--email',
      ' Lucie.Morel@Cress-Normandie.example ',
      '--organisation',
      'cress-normandie',
      '--role',
      'checkin',
      '--name',
      'Lucie Morel',
    ])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Created user lucie\.morel@cress-normandie\.example/)
    const user = await prisma.user.findUnique({
      where: { email: 'lucie.morel@cress-normandie.example' },
      include: { memberships: { include: { organisation: true } } },
    })
    expect(user?.name).toBe('Lucie Morel')
    expect(user?.memberships.map((m) => [m.organisation.slug, m.role])).toEqual([['cress-normandie', 'checkin']])

    const again = await cli([
      'user',
      'create',
      '--email',
      'lucie.morel@cress-normandie.example',
      '--organisation',
      'cress-normandie',
      '--role',
      'admin',
    ])
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/already exists/)
    expect(again.stdout).toMatch(/Role changed to admin of cress-normandie/)
    const memberships = await prisma.membership.findMany({ where: { userId: user!.id } })
    expect(memberships.map((m) => m.role)).toEqual(['admin'])
    expect(await prisma.user.count({ where: { email: 'lucie.morel@cress-normandie.example' } })).toBe(1)
    const change = await prisma.auditLog.findFirst({ where: { action: 'membership.update', entityId: memberships[0]!.id } })
    expect(JSON.parse(change!.details!)).toMatchObject({ role: 'admin', previousRole: 'checkin' })
  })

  test('creates an API token printed alone on the last line, then revokes it', async () => {
    const organisation = await prisma.organisation.create({ data: { slug: 'cress-grand-est', name: 'CRESS Grand Est' } })
    const user = await prisma.user.create({ data: { email: 'orga@cress-grand-est.example' } })
    await prisma.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'organiser' } })

    const created = await cli([
      'token',
      'create',
      '--organisation',
      'cress-grand-est',
      '--email',
      'orga@cress-grand-est.example',
      '--name',
      'Billetterie',
    ])
    expect(created.code).toBe(0)
    const token = lines(created.stdout).at(-1)!
    expect(token).toMatch(/^essor_[a-z2-7]{32}$/)
    const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) } })
    expect(row).toMatchObject({ name: 'Billetterie', organisationId: organisation.id, userId: user.id, revokedAt: null })
    // The secret itself is never stored.
    expect(JSON.stringify(row)).not.toContain(token)

    const revoked = await cli(['token', 'revoke', '--id', row!.id])
    expect(revoked.code).toBe(0)
    expect(revoked.stdout).toMatch(`Revoked API token ${row!.id}`)
    expect((await prisma.apiToken.findUnique({ where: { id: row!.id } }))?.revokedAt).toBeInstanceOf(Date)

    const twice = await cli(['token', 'revoke', '--id', row!.id])
    expect(twice.code).not.toBe(0)
    expect(twice.stderr).toMatch(/unknown API token/i)
  })

  test('refuses a token to check-in staff and to non-members', async () => {
    const organisation = await prisma.organisation.create({ data: { slug: 'cress-bfc', name: 'CRESS Bourgogne-Franche-Comté' } })
    const user = await prisma.user.create({ data: { email: 'accueil@cress-bfc.example' } })
    await prisma.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'checkin' } })
    await prisma.user.create({ data: { email: 'stranger@elsewhere.example' } })

    const checkin = await cli(['token', 'create', '--organisation', 'cress-bfc', '--email', 'accueil@cress-bfc.example'])
    expect(checkin.code).not.toBe(0)
    expect(checkin.stderr).toMatch(/admins and organisers/)
    const stranger = await cli(['token', 'create', '--organisation', 'cress-bfc', '--email', 'stranger@elsewhere.example'])
    expect(stranger.code).not.toBe(0)
    expect(stranger.stderr).toMatch(/not a member of cress-bfc/)
    expect(await prisma.apiToken.count({ where: { organisationId: organisation.id } })).toBe(0)
  })

  test('bad arguments exit non-zero with a one-line message and change nothing', async () => {
    await prisma.organisation.create({ data: { slug: 'cress-corse', name: 'CRESS Corse' } })
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/i],
      [['organisation', 'delete'], /unknown command "organisation delete"/i],
      [['organisation'], /needs an action/i],
      [['organisation', 'create', '--name', 'Sans slug'], /missing --slug/i],
      [['organisation', 'create', '--slug', 'Pas Un Slug', '--name', 'X'], /Invalid slug "Pas Un Slug"/i],
      [['organisation', 'create', '--slug', 'ok-slug', '--name', 'X', '--colour', 'red'], /Unknown option '--colour'/i],
      [
        ['user', 'create', '--email', 'not-an-email', '--organisation', 'cress-corse', '--role', 'admin'],
        /invalid email address "not-an-email"/i,
      ],
      [
        ['user', 'create', '--email', 'a@b.example', '--organisation', 'cress-corse', '--role', 'president'],
        /unknown role "president": use one of admin, organiser, checkin/i,
      ],
      [
        ['user', 'create', '--email', 'a@b.example', '--organisation', 'cress-nowhere', '--role', 'admin'],
        /unknown organisation "cress-nowhere"/i,
      ],
      [['user', 'create', '--email', 'a@b.example', '--role', 'admin'], /missing --organisation/i],
      [['token', 'create', '--organisation', 'cress-corse'], /missing --email/i],
      [
        ['token', 'create', '--organisation', 'cress-corse', '--email', 'nobody@cress-corse.example'],
        /unknown user "nobody@cress-corse.example"/i,
      ],
      [['token', 'revoke'], /missing --id/i],
    ]
    const results = await Promise.all(cases.map(([args]) => cli(args)))
    for (const [i, [args, message]] of cases.entries()) {
      const result = results[i]!
      expect(result.code, args.join(' ')).not.toBe(0)
      expect(result.stderr, args.join(' ')).toMatch(message)
      expect(lines(result.stderr), args.join(' ')).toHaveLength(1)
      expect(result.stdout, args.join(' ')).toBe('')
    }
    expect(await prisma.organisation.count({ where: { slug: { in: ['ok-slug', 'pas-un-slug'] } } })).toBe(0)
    expect(await prisma.user.count({ where: { email: 'a@b.example' } })).toBe(0)
  })

  test('help lists the commands; a database that was never migrated is refused with the fix', async () => {
    const help = await cli(['help'])
    expect(help.code).toBe(0)
    for (const command of ['organisation create', 'organisation list', 'user create', 'token create', 'token revoke']) {
      expect(help.stdout).toContain(command)
    }
    const missing = path.resolve('data/test/never-created.db')
    const result = await cli(['organisation', 'list'], { DATABASE_URL: `file:${missing}` })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/run npm run db:deploy/)
  })
})
