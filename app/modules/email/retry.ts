// When to try a failed email again, and when to stop: plain rules, no I/O.

export const DEFAULT_MAX_ATTEMPTS = 8

/**
 * Delay before the next attempt after `failedAttempts` failures: doubling from `baseMs`, capped
 * at `capMs`, half of it random so messages that failed together do not retry together.
 */
export function retryDelayMs(
  failedAttempts: number,
  { baseMs = 30_000, capMs = 60 * 60 * 1000, random = Math.random }: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, failedAttempts - 1))
  return Math.round(exponential / 2 + (random() * exponential) / 2)
}

/**
 * A rejection that retrying would get again: an SMTP 5yz reply, except 503 (a session-state
 * error). Connection failures, time-outs and 4yz replies are transient.
 */
export function isPermanentSendError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { permanent, responseCode } = error as { permanent?: unknown; responseCode?: unknown }
  if (typeof permanent === 'boolean') return permanent
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && responseCode !== 503
}

/**
 * The server refused this recipient or this message for good (a permanent reply to RCPT TO or
 * to the message data): the address bounces. A permanent reply to MAIL FROM or AUTH says
 * something about our own configuration, not the recipient, and is not a bounce.
 */
export function isBounce(error: unknown): boolean {
  if (!isPermanentSendError(error)) return false
  const { command } = error as { command?: unknown }
  return command === 'RCPT TO' || command === 'DATA'
}
