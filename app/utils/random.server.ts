// Random bytes from the operating system's CSPRNG, drawn 4 KiB at a time: a registration needs
// five small draws (ids, its personal link, its ticket code), and one system call each was a
// twentieth of its CPU in a rush. Bytes are handed out once, in order, and never reused (the
// pool is replaced, not refilled in place); Node.js keeps randomUUID's entropy the same way.
import { randomBytes } from 'node:crypto'

const POOL_BYTES = 4096
let pool = Buffer.alloc(0)
let offset = 0

export function randomBytesPooled(count: number): Uint8Array {
  if (count > POOL_BYTES / 8) return randomBytes(count)
  if (offset + count > pool.length) {
    pool = randomBytes(POOL_BYTES)
    offset = 0
  }
  const bytes = Uint8Array.prototype.slice.call(pool, offset, offset + count)
  offset += count
  return bytes
}

let lastMs = 0
let sequence = 0

/**
 * A row id like the schema's cuid() defaults (25 characters: "c", the time in milliseconds and a
 * counter in base 36, as cuid has them, then 12 random hexadecimal digits). Ids made later sort after
 * (within a process; across processes within the same millisecond, in no set order), so rows
 * ordered by a time then by id, such as the waiting list, keep the order they were written in
 * even when several share a millisecond.
 */
export function newRowId() {
  const now = Date.now()
  if (now !== lastMs) {
    lastMs = now
    sequence = 0
  }
  const counter = (sequence++ % 36 ** 4).toString(36).padStart(4, '0')
  return `c${now.toString(36).padStart(8, '0')}${counter}${Buffer.from(randomBytesPooled(6)).toString('hex')}`
}
