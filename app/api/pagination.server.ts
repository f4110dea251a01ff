// Cursor pagination of the API's lists: `?limit=` (1–200, 100 by default) and `?cursor=` (opaque,
// from the previous page's `page.nextCursor`). A cursor names the last row of the page it ends, so
// pages stay right while rows are added or removed between two calls (unlike offsets).
import type { Locale } from '#app/utils/i18n.ts'
import { errorOf } from './http.server.ts'

export const DEFAULT_PAGE_LIMIT = 100
export const MAX_PAGE_LIMIT = 200

export type PageRequest = { limit: number; afterId: string | null }

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url')

function decodeCursor(cursor: string): string | null {
  const id = Buffer.from(cursor, 'base64url').toString('utf8')
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null
}

/** The page asked for, or a 400 naming the parameter that is wrong. */
export function pageRequest(params: URLSearchParams, locale: Locale): PageRequest {
  const limitText = params.get('limit')
  const limit = limitText === null ? DEFAULT_PAGE_LIMIT : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw errorOf(locale, 400, 'limit', 'api.error.invalidLimit', { max: MAX_PAGE_LIMIT }, { code: 'invalid_parameter' })
  }
  const cursor = params.get('cursor')
  if (cursor === null || cursor === '') return { limit, afterId: null }
  const afterId = decodeCursor(cursor)
  if (!afterId) throw errorOf(locale, 400, 'cursor', 'api.error.invalidParameter', { name: 'cursor' }, { code: 'invalid_parameter' })
  return { limit, afterId }
}

/** Prisma's arguments for one page: one row more than the limit tells whether another page follows. */
export function pageQuery(page: PageRequest) {
  return page.afterId ? { take: page.limit + 1, skip: 1, cursor: { id: page.afterId } } : { take: page.limit + 1 }
}

/** The rows of the page and the cursor of the next one (null on the last page). */
export function pageOf<T extends { id: string }>(rows: T[], page: PageRequest) {
  const items = rows.slice(0, page.limit)
  const more = rows.length > page.limit
  return { items, page: { limit: page.limit, nextCursor: more ? encodeCursor(items[items.length - 1]!.id) : null } }
}
