// Test data builders that write through Prisma (integration tests only).
import { randomBytes } from 'node:crypto'
import { prisma } from '#app/db.server.ts'

const uid = () => randomBytes(4).toString('hex')

export async function makeOrganisation(overrides: { slug?: string; name?: string } = {}) {
  const slug = overrides.slug ?? `org-${uid()}`
  return prisma.organisation.create({ data: { slug, name: overrides.name ?? `Organisation ${slug}` } })
}

export async function makeUser(email = `user-${uid()}@example.org`) {
  return prisma.user.create({ data: { email } })
}

export async function makeMember(organisationId: string, role: 'admin' | 'organiser' | 'checkin', email?: string) {
  const user = await makeUser(email)
  await prisma.membership.create({ data: { userId: user.id, organisationId, role } })
  return user
}

export async function makeEvent(
  organisationId: string,
  overrides: Partial<{
    capacity: number | null
    waitlistEnabled: boolean
    status: string
    visibility: string
    startsAt: Date
    endsAt: Date
    registrationOpensAt: Date | null
    registrationClosesAt: Date | null
    offerHours: number
    title: string
    kind: string
  }> = {},
) {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 30 * 24 * 3600_000)
  return prisma.event.create({
    data: {
      organisationId,
      slug: `event-${uid()}`,
      kind: overrides.kind ?? 'conference',
      title: overrides.title ?? 'Conférence régionale de l’ESS',
      startsAt,
      endsAt: overrides.endsAt ?? new Date(startsAt.getTime() + 8 * 3600_000),
      capacity: overrides.capacity === undefined ? 10 : overrides.capacity,
      waitlistEnabled: overrides.waitlistEnabled ?? true,
      status: overrides.status ?? 'published',
      visibility: overrides.visibility ?? 'public',
      registrationOpensAt: overrides.registrationOpensAt ?? null,
      registrationClosesAt: overrides.registrationClosesAt ?? null,
      offerHours: overrides.offerHours ?? 48,
      town: 'Toulouse',
      departement: '31',
    },
  })
}

export async function makeSlotWithWorkshops(eventId: string, capacities: (number | null)[]) {
  const slot = await prisma.timeSlot.create({
    data: { eventId, label: 'Ateliers du matin', startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000) },
  })
  const workshops = []
  for (const [i, capacity] of capacities.entries()) {
    workshops.push(await prisma.workshop.create({ data: { eventId, slotId: slot.id, title: `Atelier ${i + 1}`, capacity, position: i } }))
  }
  return { slot, workshops }
}

let counter = 0
export function person(
  overrides: Partial<{ email: string; firstName: string; locale: 'fr' | 'en'; workshopIds: string[]; departement: string | null }> = {},
) {
  counter++
  return {
    firstName: overrides.firstName ?? `Camille${counter}`,
    lastName: 'Martin',
    email: overrides.email ?? `camille.${counter}.${uid()}@example.org`,
    organisationName: 'SCOP Les Ateliers',
    organisationType: 'cooperative',
    departement: overrides.departement ?? (null as string | null),
    locale: overrides.locale ?? ('fr' as const),
    workshopIds: overrides.workshopIds ?? [],
  }
}
