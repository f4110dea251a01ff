// Pure rules of signing in. landingPath: where a person lands after signing in, when the sign-in page was not given a page to return to.

export type LandingFacts = {
  /** The organisations the person is staff of (any role). */
  memberships: readonly { slug: string }[]
  /** An active juror of some prize edition (or invited by address). */
  isJuror: boolean
}

/**
 * Staff of one organisation land on its dashboard, of several on the organisation chooser; a juror
 * without an organisation on the jury's page; anyone else on the home page.
 */
export function landingPath({ memberships, isJuror }: LandingFacts): string {
  if (memberships.length === 1) return `/o/${memberships[0]!.slug}`
  if (memberships.length > 1) return '/o'
  if (isJuror) return '/jury'
  return '/'
}
