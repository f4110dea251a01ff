// Campaign throttling: at most N campaign messages per organisation per minute, shared by every
// worker process through one counter row per organisation and minute in the RateLimit table.
//
// A worker takes tokens with one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING) that
// adds what it wants to the counter; it is granted what was left below the limit before its own
// addition, and gives back the rest. Because every addition is serialised by the database, the
// tokens granted in one minute never add up to more than the limit, whatever the number of
// workers. The window is a calendar minute (fixed window): at most N per minute, with up to N at
// the end of one minute and N at the start of the next.
import { type Db, type Tx } from '#app/db.server.ts'

export const CAMPAIGN_CATEGORY_PREFIX = 'campaign:'
export const THROTTLE_WINDOW_MS = 60_000

export function isCampaignCategory(category: string | null | undefined) {
  return Boolean(category?.startsWith(CAMPAIGN_CATEGORY_PREFIX))
}

export function campaignIdOf(category: string | null | undefined) {
  return isCampaignCategory(category) ? category!.slice(CAMPAIGN_CATEGORY_PREFIX.length) || null : null
}

/** The window `now` falls in: its counter key suffix and its end. */
export function throttleWindow(now: Date) {
  const index = Math.floor(now.getTime() / THROTTLE_WINDOW_MS)
  return { index, end: new Date((index + 1) * THROTTLE_WINDOW_MS) }
}

function counterKey(organisationId: string, windowIndex: number) {
  return `email-campaign:${organisationId}:${windowIndex}`
}

export function createCampaignThrottle(db: Db, defaultRatePerMinute: number) {
  /** Per-organisation limits per minute (0: no limit): the organisation's own, else the default. */
  async function ratesFor(organisationIds: string[]): Promise<Map<string, number>> {
    const rows = await db.organisation.findMany({
      where: { id: { in: organisationIds } },
      select: { id: true, campaignRatePerMinute: true },
    })
    const rates = new Map(organisationIds.map((id) => [id, defaultRatePerMinute]))
    for (const row of rows) if (row.campaignRatePerMinute !== null) rates.set(row.id, Math.max(0, row.campaignRatePerMinute))
    return rates
  }

  /** Takes up to `want` tokens of this minute; resolves with how many were granted (0…want). */
  async function take(organisationId: string, want: number, limit: number, now: Date): Promise<number> {
    if (want <= 0) return 0
    const { index } = throttleWindow(now)
    const key = counterKey(organisationId, index)
    // The row may go once the next window has started (RateLimit rows expire in Unix seconds).
    const expiresAt = ((index + 2) * THROTTLE_WINDOW_MS) / 1000
    const rows = await db.$queryRaw<{ count: number | bigint }[]>`
      INSERT INTO "RateLimit" ("key", "count", "expiresAt")
      VALUES (${key}, CAST(${want} AS INTEGER), CAST(${expiresAt} AS INTEGER))
      ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + CAST(${want} AS INTEGER)
      RETURNING "count"`
    const after = Number(rows[0]?.count ?? want)
    const before = after - want
    const granted = Math.max(0, Math.min(want, limit - before))
    if (granted < want) await giveBack(organisationId, want - granted, now)
    return granted
  }

  /** Returns tokens taken but not used (e.g. another worker claimed the messages first). */
  async function giveBack(organisationId: string, count: number, now: Date, tx: Tx = db) {
    if (count <= 0) return
    const key = counterKey(organisationId, throttleWindow(now).index)
    await tx.$executeRaw`UPDATE "RateLimit" SET "count" = "count" - CAST(${count} AS INTEGER) WHERE "key" = ${key}`
  }

  /** Drops the counters of past windows. */
  async function prune(now: Date) {
    await db.rateLimit.deleteMany({
      where: { key: { startsWith: 'email-campaign:' }, expiresAt: { lte: Math.floor(now.getTime() / 1000) } },
    })
  }

  return { ratesFor, take, giveBack, prune }
}
