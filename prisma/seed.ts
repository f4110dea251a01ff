// Demo data: the regional ESS bodies and their staff, so a fresh installation can be tried at
// once (`npm start` loads it into an empty database; `npm run db:seed` does it by hand).
// One function per domain: later features add theirs and call it from seedDemoData.
// Every person and address here is invented; emails use the reserved .example domain.
import { pathToFileURL } from 'node:url'
import type { Db, Tx } from '#app/db.server.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { addMembership, ensureUser, registerOrganisation, type Role } from '#app/modules/organisations/service.server.ts'
import { seedDemoEvents } from './seed/events.ts'
import { seedDemoPrizes } from './seed/prizes.ts'
import { seedDemoContacts } from './seed/contacts.ts'
import { seedDemoJury } from './seed/jury.ts'
import { seedDemoCampaigns } from './seed/campaigns.ts'
import { seedDemoPayments } from './seed/payments.ts'
import { seedDemoAttendance } from './seed/attendance.ts'

/** Password of every demo staff account (sign-in by email link works too). */
export const DEMO_PASSWORD = 'essor-demo-2026'

const SOURCE = { source: 'demo-seed' }

type DemoOrganisation = { slug: string; name: string; legalName: string; region: string }

export const demoOrganisations: DemoOrganisation[] = [
  {
    slug: 'cress-occitanie',
    name: 'CRESS Occitanie',
    legalName: "Chambre régionale de l'économie sociale et solidaire d'Occitanie",
    region: 'Occitanie',
  },
  {
    slug: 'region-occitanie',
    name: 'Région Occitanie',
    legalName: 'Région Occitanie / Pyrénées-Méditerranée',
    region: 'Occitanie',
  },
  {
    slug: 'cress-centre-val-de-loire',
    name: 'CRESS Centre-Val de Loire',
    legalName: "Chambre régionale de l'économie sociale et solidaire Centre-Val de Loire",
    region: 'Centre-Val de Loire',
  },
  {
    slug: 'cress-ile-de-france',
    name: 'CRESS Île-de-France',
    legalName: "Chambre régionale de l'économie sociale et solidaire d'Île-de-France",
    region: 'Île-de-France',
  },
  {
    slug: 'cress-pays-de-la-loire',
    name: 'CRESS Pays de la Loire',
    legalName: "Chambre régionale de l'économie sociale et solidaire des Pays de la Loire",
    region: 'Pays de la Loire',
  },
]

type DemoStaff = { email: string; name: string; memberships: { organisation: string; role: Role }[] }

// Addresses named after the role, so a tester can guess them: <role>@<slug>.example.
const staffNames: Record<string, [admin: string, organiser: string, checkin: string]> = {
  'cress-occitanie': ['Hélène Castan', 'Julien Sabatier', 'Inès Bousquet'],
  'region-occitanie': ['Marc Fabre', 'Sophie Delmas', 'Karim Benali'],
  'cress-centre-val-de-loire': ['Anne Guérin', 'Thomas Chevallier', 'Léa Marchand'],
  'cress-ile-de-france': ['Nathalie Lefèvre', 'Mehdi Haddad', 'Chloé Lambert'],
  'cress-pays-de-la-loire': ['Yann Le Goff', 'Élodie Perrin', 'Paul Texier'],
}

export const demoStaff: DemoStaff[] = [
  ...demoOrganisations.flatMap(({ slug }) => {
    const [admin, organiser, checkin] = staffNames[slug]!
    return [
      { email: `admin@${slug}.example`, name: admin, memberships: [{ organisation: slug, role: 'admin' as const }] },
      { email: `organiser@${slug}.example`, name: organiser, memberships: [{ organisation: slug, role: 'organiser' as const }] },
      { email: `checkin@${slug}.example`, name: checkin, memberships: [{ organisation: slug, role: 'checkin' as const }] },
    ]
  }),
  // Runs the Occitanie events for both the CRESS and the Région: one account, two organisations.
  {
    email: 'camille.roux@ess-occitanie.example',
    name: 'Camille Roux',
    memberships: [
      { organisation: 'cress-occitanie', role: 'organiser' },
      { organisation: 'region-occitanie', role: 'organiser' },
    ],
  },
]

/** Printed at start-up so people know whom to sign in as. */
export const demoAccounts: { email: string; organisation: string; role: Role }[] = demoStaff.flatMap((person) =>
  person.memberships.map((m) => ({ email: person.email, organisation: m.organisation, role: m.role })),
)

async function seedOrganisations(db: Tx) {
  const ids = new Map<string, string>()
  for (const organisation of demoOrganisations) {
    const created = await registerOrganisation(organisation, SOURCE, db)
    ids.set(created.slug, created.id)
  }
  return ids
}

async function seedStaff(db: Tx, organisationIds: Map<string, string>, hashes: string[]) {
  for (const [i, person] of demoStaff.entries()) {
    const { user } = await ensureUser({ email: person.email, name: person.name, passwordHash: hashes[i] }, SOURCE, db)
    for (const m of person.memberships) {
      await addMembership({ userId: user.id, organisationId: organisationIds.get(m.organisation)!, role: m.role }, SOURCE, db)
    }
  }
}

/**
 * Loads the demo data into an empty installation. Does nothing when any organisation exists,
 * so it is safe on every start and never touches real data.
 */
export async function seedDemoData(db: Db): Promise<{ seeded: boolean }> {
  if ((await db.organisation.count()) > 0) return { seeded: false }
  // Hashed before the transaction (scrypt is slow on purpose; in parallel on libuv's thread pool).
  const hashes = await Promise.all(demoStaff.map(() => hashPassword(DEMO_PASSWORD)))
  // All or nothing: a half-loaded demo would otherwise count as "already seeded" forever.
  return db.$transaction(
    async (tx) => {
      if ((await tx.organisation.count()) > 0) return { seeded: false }
      const organisationIds = await seedOrganisations(tx)
      await seedStaff(tx, organisationIds, hashes)
      await seedDemoEvents(tx)
      await seedDemoPrizes(tx)
      await seedDemoContacts(tx)
      await seedDemoJury(tx)
      await seedDemoCampaigns(tx)
      await seedDemoPayments(tx)
      await seedDemoAttendance(tx)
      return { seeded: true }
    },
    { timeout: 60_000, maxWait: 10_000 },
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { prisma, dbReady } = await import('#app/db.server.ts')
  await dbReady
  try {
    const { seeded } = await seedDemoData(prisma)
    if (!seeded) {
      console.log('The database already has organisations: demo data not loaded.')
    } else {
      console.log(`Demo data loaded. Staff password: ${DEMO_PASSWORD}`)
      for (const a of demoAccounts) console.log(`  ${a.email.padEnd(44)} ${a.role.padEnd(10)} ${a.organisation}`)
    }
  } finally {
    await prisma.$disconnect()
  }
}
