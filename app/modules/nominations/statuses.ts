// The statuses of a nomination and their labels: shared by the server and the pages.
import type { MessageKey } from '#app/utils/i18n.ts'

export const NOMINATION_STATUSES = ['draft', 'submitted', 'eligible', 'ineligible', 'withdrawn', 'shortlisted'] as const
export type NominationStatus = (typeof NOMINATION_STATUSES)[number]

export function isNominationStatus(value: unknown): value is NominationStatus {
  return typeof value === 'string' && (NOMINATION_STATUSES as readonly string[]).includes(value)
}

export const nominationStatusLabelKey = (status: string) => `prizeReview.status.${status}` as MessageKey
