// `npm run cli -- <command>`: administration from a shell (organisations, staff, API tokens) on
// the database DATABASE_URL names. Thin on purpose: it parses arguments and calls the services,
// which hold the rules and write the audit trail.
import { existsSync } from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { isValidEmail } from '#app/shared/email-address.ts'
import { resolveDatabase } from '#app/utils/database-url.ts'

// A logger line after the token would break scripts that read the token from the last line.
process.env.LOG_LEVEL ??= 'warn'

const HELP = `Essor administration

Usage: npm run cli -- <command> [options]

Commands:
  organisation create --slug <slug> --name <name> [--region <region>]
  organisation list
  user create --email <email> --organisation <slug> --role <admin|organiser|checkin> [--name <name>]
      Creates the user if needed, then adds the membership or changes its role.
  token create --organisation <slug> --email <email> [--name <label>]
      Prints the new API token alone on the last line; it is shown only once.
  token revoke --id <token id>
  help

The database is the one DATABASE_URL names (default file:./data/essor.db); it must be
migrated first: npm run db:deploy`

/** Wrong use of the CLI: reported on one line, exit code 2. */
class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>
type Values = Record<string, string | undefined>
type Command = { usage: string; options: Options; run: (values: Values) => Promise<void> }

const str = { type: 'string' } as const

const commands: Record<string, Command> = {
  'organisation create': {
    usage: 'organisation create --slug <slug> --name <name> [--region <region>]',
    options: { slug: str, name: str, region: str },
    async run(v) {
      const slug = required(v, 'slug', this.usage)
      const name = required(v, 'name', this.usage)
      const { registerOrganisation } = await services()
      const organisation = await registerOrganisation({ slug, name, region: v.region }, { source: 'cli' })
      const region = organisation.region ? `, ${organisation.region}` : ''
      console.log(`Created organisation ${organisation.slug} (${organisation.name}${region}), id ${organisation.id}`)
    },
  },
  'organisation list': {
    usage: 'organisation list',
    options: {},
    async run() {
      const { listOrganisations } = await services()
      const organisations = await listOrganisations()
      if (organisations.length === 0) {
        console.log('No organisations yet. Create one with: npm run cli -- organisation create --slug <slug> --name <name>')
        return
      }
      const width = Math.max(4, ...organisations.map((o) => o.slug.length))
      console.log(`${'SLUG'.padEnd(width)}  NAME (REGION)`)
      for (const o of organisations) console.log(`${o.slug.padEnd(width)}  ${o.name}${o.region ? ` (${o.region})` : ''}`)
    },
  },
  'user create': {
    usage: 'user create --email <email> --organisation <slug> --role <admin|organiser|checkin> [--name <name>]',
    options: { email: str, organisation: str, role: str, name: str },
    async run(v) {
      const email = required(v, 'email', this.usage)
      const slug = required(v, 'organisation', this.usage)
      const role = required(v, 'role', this.usage)
      const s = await services()
      // Checked before anything is written, so a bad role or email leaves no half-made user.
      if (!s.isRole(role)) throw new UsageError(`unknown role "${role}": use one of ${s.ROLES.join(', ')}`)
      if (!isValidEmail(email)) throw new UsageError(`invalid email address "${email}"`)
      const organisation = await organisationBySlug(slug)
      const { user, created } = await s.ensureUser({ email, name: v.name }, { source: 'cli' })
      const { change, membership } = await s.addMembership({ userId: user.id, organisationId: organisation.id, role }, { source: 'cli' })
      console.log(created ? `Created user ${user.email}, id ${user.id}` : `User ${user.email} already exists, id ${user.id}`)
      const what = { created: 'Added as', updated: 'Role changed to', unchanged: 'Already' }[change]
      console.log(`${what} ${membership.role} of ${organisation.slug}`)
    },
  },
  'token create': {
    usage: 'token create --organisation <slug> --email <email> [--name <label>]',
    options: { organisation: str, email: str, name: str },
    async run(v) {
      const slug = required(v, 'organisation', this.usage)
      const email = required(v, 'email', this.usage)
      const s = await services()
      if (!isValidEmail(email)) throw new UsageError(`invalid email address "${email}"`)
      const organisation = await organisationBySlug(slug)
      const user = await s.findUserByEmail(email)
      if (!user) throw new UsageError(`unknown user "${email}": create it first with npm run cli -- user create`)
      const membership = await s.findMembership(user.id, organisation.id)
      if (!membership) throw new UsageError(`${user.email} is not a member of ${organisation.slug}`)
      const { createApiToken } = await import('#app/modules/auth/api-token.server.ts')
      const name = v.name?.trim() || `cli ${new Date().toISOString().slice(0, 10)}`
      const { token, apiToken } = await createApiToken({ organisationId: organisation.id, userId: user.id, name })
      console.log(`Created API token "${apiToken.name}" (id ${apiToken.id}) for ${user.email} in ${organisation.slug}.`)
      console.log('Store it now, it is not shown again. Revoke with: npm run cli -- token revoke --id ' + apiToken.id)
      console.log(token)
    },
  },
  'token revoke': {
    usage: 'token revoke --id <token id>',
    options: { id: str },
    async run(v) {
      const id = required(v, 'id', this.usage)
      const { revokeApiToken } = await import('#app/modules/auth/api-token.server.ts')
      const revoked = await revokeApiToken(id)
      if (!revoked) throw new UsageError(`unknown API token "${id}"`)
      console.log(`Revoked API token ${id}`)
    },
  },
}

const aliases: Record<string, string> = { org: 'organisation', organization: 'organisation', users: 'user', tokens: 'token' }

function required(values: Values, flag: string, usage: string): string {
  const value = values[flag]?.trim()
  if (!value) throw new UsageError(`missing --${flag} (usage: npm run cli -- ${usage})`)
  return value
}

// Imported late: importing the services opens the database, which must be checked first.
function services() {
  return import('#app/modules/organisations/service.server.ts')
}

async function organisationBySlug(slug: string) {
  const { findOrganisationBySlug } = await services()
  const organisation = await findOrganisationBySlug(slug)
  if (!organisation) throw new UsageError(`unknown organisation "${slug}" (see npm run cli -- organisation list)`)
  return organisation
}

/** Refuses to run on a database that is missing or not migrated, rather than creating an empty one. */
async function requireMigratedDatabase() {
  let target
  try {
    target = resolveDatabase(process.env.DATABASE_URL)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (target.provider === 'sqlite' && !existsSync(target.filePath)) {
    throw new Error(`no database at ${target.filePath}: run npm run db:deploy first`)
  }
  const { prisma, dbReady } = await import('#app/db.server.ts')
  try {
    await dbReady
    await prisma.organisation.findFirst({ select: { id: true } })
  } catch (error) {
    const message = (error as Error).message ?? String(error)
    if (/no such table|does not exist|P2021/i.test(message)) {
      throw new Error(`the database has no Essor tables: run npm run db:deploy first`)
    }
    // Prisma's message starts with the call site; its last line says what went wrong.
    throw new Error(`cannot use the database (${target.provider}): ${message.trim().split('\n').pop()}`)
  }
}

async function main(argv: string[]): Promise<number> {
  const args = argv[0] === '--' ? argv.slice(1) : argv
  const [rawGroup, action, ...rest] = args
  const group = aliases[rawGroup ?? ''] ?? rawGroup
  if (!group || group === 'help' || group === '--help' || group === '-h' || args.includes('--help') || args.includes('-h')) {
    console.log(HELP)
    return 0
  }
  const key = `${group} ${action ?? ''}`.trim()
  const command = commands[key]
  if (!command) {
    const known = Object.keys(commands).filter((k) => k.startsWith(`${group} `))
    if (known.length > 0 && !action) throw new UsageError(`"${group}" needs an action: ${known.join(', ')}`)
    throw new UsageError(`unknown command "${key}" (run npm run cli -- help)`)
  }
  let values: Values
  try {
    ;({ values } = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false }) as {
      values: Values
    })
  } catch (error) {
    // Node's messages span several lines; the first says what is wrong.
    const first = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '')
    throw new UsageError(`${first} (usage: npm run cli -- ${command.usage})`)
  }
  await requireMigratedDatabase()
  try {
    await command.run(values)
  } finally {
    const { prisma } = await import('#app/db.server.ts')
    await prisma.$disconnect()
  }
  return 0
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`Error: ${message.charAt(0).toUpperCase()}${message.slice(1)}`)
  // Rules broken by the input (taken slug, checkin staff asking for a token…) are usage errors too.
  const usage = error instanceof UsageError || (error instanceof Error && ['OrganisationInputError', 'ApiTokenError'].includes(error.name))
  process.exitCode = usage ? 2 : 1
}
