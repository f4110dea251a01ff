/** Longest reason a juror may give for an abstention. */
export const ABSTENTION_REASON_MAX = 1000
