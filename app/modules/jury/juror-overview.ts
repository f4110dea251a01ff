// The organisers' view of each juror: progress, the mean they give, how far they sit from the jury
// on the same nominations (the "hawk or dove" gap that normalisation corrects) and when they last
// did something. Pure: juror-overview.server.ts reads the rows.
import { countedEntries, mean, populationSd, type ScoreEntry } from './rules.ts'

/** A spread beyond this share of the scale's range earns the "harsher" or "more generous" label. */
export const SPREAD_LABEL_SHARE = 0.1

export type SpreadLabel = 'severe' | 'generous' | 'aligned' | 'unknown'

export type OverviewInput = {
  jurors: readonly { id: string; name: string }[]
  /** How many nominations each juror must score. */
  assigned: ReadonlyMap<string, number>
  /** Complete scores' weighted totals; `range` is the category's scaleMax − scaleMin. */
  entries: readonly (ScoreEntry & { range: number })[]
  abstentions: readonly { jurorId: string; nominationId: string }[]
  lastActivity: ReadonlyMap<string, Date>
  now: Date
}

export type JurorOverviewRow = {
  jurorId: string
  name: string
  assigned: number
  /** Done: complete scores plus abstentions. */
  scored: number
  abstentions: number
  mean: number | null
  sd: number | null
  /** The juror's mean minus the jury's mean on the same nominations (null: nothing comparable). */
  spread: number | null
  label: SpreadLabel
  lastActivityAt: Date | null
  daysSinceActivity: number | null
}

/** The plain-language label of a spread on a scale of `range` points. */
export function spreadLabel(spread: number | null, range: number): SpreadLabel {
  if (spread === null || range <= 0) return 'unknown'
  if (spread < -SPREAD_LABEL_SHARE * range) return 'severe'
  if (spread > SPREAD_LABEL_SHARE * range) return 'generous'
  return 'aligned'
}

export function jurorOverview(input: OverviewInput): JurorOverviewRow[] {
  const counted = countedEntries(input.entries)
  const byNomination = new Map<string, number[]>()
  for (const e of counted) byNomination.set(e.nominationId, [...(byNomination.get(e.nominationId) ?? []), e.total])
  return input.jurors.map((j) => {
    const own = counted.filter((e) => e.jurorId === j.id)
    const totals = own.map((e) => e.total)
    // Only nominations someone else also scored say anything about the juror against the jury.
    const gaps = own
      .filter((e) => (byNomination.get(e.nominationId)?.length ?? 0) >= 2)
      .map((e) => e.total - mean(byNomination.get(e.nominationId)!)!)
    const spread = mean(gaps)
    const abstained = input.abstentions.filter((a) => a.jurorId === j.id)
    const abstainedIds = new Set(abstained.map((a) => a.nominationId))
    const last = input.lastActivity.get(j.id) ?? null
    const range = mean(own.map((e) => e.range)) ?? 0
    return {
      jurorId: j.id,
      name: j.name,
      assigned: input.assigned.get(j.id) ?? 0,
      scored: new Set([...own.map((e) => e.nominationId), ...abstainedIds]).size,
      abstentions: abstained.length,
      mean: mean(totals),
      sd: populationSd(totals),
      spread,
      label: spreadLabel(spread, range),
      lastActivityAt: last,
      daysSinceActivity: last ? Math.max(0, Math.floor((input.now.getTime() - last.getTime()) / 86_400_000)) : null,
    }
  })
}
