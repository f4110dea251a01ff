// Rejects state-changing requests sent by another site (CSRF defence in depth beside SameSite
// cookies). Requests with a Bearer token carry no ambient credentials and are exempt.
import type { NextFunction, Request, Response } from 'express'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function isCrossOriginRequest(input: {
  method: string
  origin?: string
  secFetchSite?: string
  authorization?: string
  ownOrigins: string[]
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false
  if (input.authorization?.startsWith('Bearer ')) return false
  if (input.origin && input.origin !== 'null') return !input.ownOrigins.includes(input.origin.toLowerCase())
  if (input.origin === 'null') return true
  // No Origin header: old browsers and non-browser clients. Browsers that send Fetch Metadata still tell us.
  return input.secFetchSite === 'cross-site'
}

/**
 * Requests other servers make on purpose, authorised by something else than cookies:
 * RFC 8058 one-click unsubscribe (the token in the path) and Stripe's webhook (its signature).
 */
export function isExemptFromOriginCheck(method: string, path: string) {
  if (method.toUpperCase() !== 'POST') return false
  return path.startsWith('/u/') || path === '/webhooks/stripe'
}

export function originCheck(appUrl: string | undefined) {
  const configured = appUrl ? new URL(appUrl).origin.toLowerCase() : undefined
  return (req: Request, res: Response, next: NextFunction) => {
    // RFC 8058 one-click unsubscribe: mail providers POST to /u/<token> from their own servers (no
    // Origin, or theirs). It changes only the requester's own subscription, which the unguessable token authorises.
    // Stripe's webhook is authorised by its signature alone. Their Origin is dropped too: Remix itself refuses an action whose Origin differs from the Host.
    if (isExemptFromOriginCheck(req.method, req.path)) {
      delete req.headers.origin
      return next()
    }
    const own = [`${req.protocol}://${req.get('host')}`.toLowerCase()]
    if (configured) own.push(configured)
    const refused = isCrossOriginRequest({
      method: req.method,
      origin: req.get('origin'),
      secFetchSite: req.get('sec-fetch-site'),
      authorization: req.get('authorization'),
      ownOrigins: own,
    })
    if (!refused) return next()
    res
      .status(403)
      .type('application/json')
      .send(JSON.stringify({ errors: { origin: ['Cross-origin request refused'] } }))
  }
}
