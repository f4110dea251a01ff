// What the HTTP processes of one machine (app/server/cluster.ts) tell each other: each keeps some
// data for a few seconds (public pages, API tokens, scoring grids), and a change made through one
// process must drop the copies of the others too. Messages go through the cluster's parent; a
// process that is alone (tests, `WEB_CONCURRENCY=1`, the dev server) sends nothing.
import cluster from 'node:cluster'

export type SiblingMessage = { essor: 'sibling'; channel: string; payload: unknown }

export function isSiblingMessage(message: unknown): message is SiblingMessage {
  return typeof message === 'object' && message !== null && (message as SiblingMessage).essor === 'sibling'
}

const handlers = new Map<string, (payload: unknown) => void>()
if (cluster.isWorker) {
  process.on('message', (message: unknown) => {
    if (isSiblingMessage(message)) handlers.get(message.channel)?.(message.payload)
  })
}

/**
 * `forget` made machine-wide: the returned function runs it here and in every other HTTP process
 * (there shortly after: the message crosses the parent, well under a millisecond on one machine).
 * Other machines still rely on their copies' time to live.
 */
export function forgetEverywhere<T = null>(channel: string, forget: (payload: T) => void): (payload: T) => void {
  handlers.set(channel, (payload) => forget(payload as T))
  return (payload: T) => {
    forget(payload)
    if (cluster.isWorker && process.send) process.send({ essor: 'sibling', channel, payload } satisfies SiblingMessage)
  }
}
