// Display names of staff, for screens that say who did something (e.g. a check-in conflict).
import { prisma } from '#app/db.server.ts'

/** user id → name (or e-mail when the account has no name); unknown ids are left out. */
export async function userDisplayNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const users = await prisma.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } })
  return new Map(users.map((u) => [u.id, u.name?.trim() || u.email]))
}
