// Limits of the juror invitation form, shared by the service and the organisers' page.
export const JUROR_LIMITS = { name: 200, organisationName: 200 } as const
