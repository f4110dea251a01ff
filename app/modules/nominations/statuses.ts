// The statuses of a nomination, their labels and review limits: shared by the server and the pages.
import type { MessageKey } from '#app/utils/i18n.ts'

export const NOMINATION_STATUSES = ['draft', 'submitted', 'eligible', 'ineligible', 'withdrawn', 'shortlisted'] as const
export type NominationStatus = (typeof NOMINATION_STATUSES)[number]

export function isNominationStatus(value: unknown): value is NominationStatus {
  return typeof value === 'string' && (NOMINATION_STATUSES as readonly string[]).includes(value)
}

export const nominationStatusLabelKey = (status: string) => `prizeReview.status.${status}` as MessageKey

/** Longest ineligibility reason an organiser may write; it goes into an email. */
export const MAX_REASON_LENGTH = 2000
