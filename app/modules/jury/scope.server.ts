// The juror's nominations as SQL: `inJuryScope` / `canSeeNomination` of rules.ts, written once as
// common table expressions that the guard, the scoring page and the juror's lists build on.
import { sql } from 'kysely'
import { sqlBuilder } from '#app/db.server.ts'

/** Which seats the scope covers: every seat of the juror, one category, or the category of one nomination. */
export type ScopeTarget = { categoryId?: string } | { categoryOf: string }

/**
 * The juror's nominations, by the rule of `inJuryScope` (rules.ts): `me` is the juror's edition;
 * `seat` the juror's seats (of the target), each with its category's mode and position and whether
 * the juror has assignments there; `pool` one row per nomination of the edition in one of those
 * categories, in the jury pool (shortlisted, or eligible while none is shortlisted), assigned to the
 * juror when the category has assignments for them, else in a category in mode `all`. Each pool row
 * says `conflicted` (a declared conflict: `canSeeNomination` is false) and `complete` (the juror's
 * score is complete, or they abstained).
 */
export function jurorScope(jurorId: string, target: ScopeTarget = {}) {
  const one = sql.lit(1).as('one')
  return sqlBuilder
    .with('me', (db) => db.selectFrom('Juror').select('editionId').where('id', '=', jurorId))
    .with('seat', (db) => {
      const seats = db
        .selectFrom('JuryMember as m')
        .innerJoin('PrizeCategory as c', 'c.id', 'm.categoryId')
        .leftJoin('JuryRound as r', 'r.id', 'm.roundId')
        .select((eb) => [
          'm.categoryId',
          'm.roundId',
          // A seat without a round is in the first round (rounds.server.ts).
          eb.fn.coalesce('r.position', sql.lit(1)).as('roundPosition'),
          'm.submittedAt',
          'c.assignmentMode',
          'c.position',
          eb
            .exists(
              eb
                .selectFrom('JuryAssignment as a')
                .select(one)
                .where('a.jurorId', '=', jurorId)
                .whereRef('a.categoryId', '=', 'm.categoryId'),
            )
            .as('hasAssignments'),
        ])
        .where('m.jurorId', '=', jurorId)
      if ('categoryOf' in target) {
        return seats.where('m.categoryId', '=', (eb) =>
          eb
            .selectFrom('Nomination as t')
            .select('t.categoryId')
            .where('t.id', '=', target.categoryOf)
            .where('t.editionId', '=', (eb) => eb.selectFrom('me').select('editionId')),
        )
      }
      return target.categoryId ? seats.where('m.categoryId', '=', target.categoryId) : seats
    })
    .with('pool', (db) =>
      db
        .selectFrom('Nomination as n')
        .innerJoin('seat as s', 's.categoryId', 'n.categoryId')
        .select((eb) => [
          'n.id',
          's.categoryId',
          's.position as categoryPosition',
          'n.structureName',
          'n.projectTitle',
          'n.createdAt',
          eb
            .exists(eb.selectFrom('JuryConflict as k').select(one).where('k.jurorId', '=', jurorId).whereRef('k.nominationId', '=', 'n.id'))
            .as('conflicted'),
          // Done: a complete score, or an abstention (abstention.server.ts).
          eb
            .or([
              eb.exists(
                eb
                  .selectFrom('JuryScore as sc')
                  .select(one)
                  .where('sc.jurorId', '=', jurorId)
                  .whereRef('sc.nominationId', '=', 'n.id')
                  .where('sc.complete', '=', true),
              ),
              eb.exists(
                eb
                  .selectFrom('JuryAbstention as ab')
                  .select(one)
                  .where('ab.jurorId', '=', jurorId)
                  .whereRef('ab.nominationId', '=', 'n.id'),
              ),
            ])
            .as('complete'),
        ])
        .where('n.editionId', '=', (eb) => eb.selectFrom('me').select('editionId'))
        // The jury pool (juryStatuses): shortlisted nominations, or eligible ones while none is shortlisted.
        .where('n.status', '=', (eb) =>
          eb
            .case()
            .when(
              eb.exists(
                eb
                  .selectFrom('Nomination as x')
                  .select(one)
                  .where('x.editionId', '=', eb.selectFrom('me').select('editionId'))
                  .where('x.status', '=', 'shortlisted'),
              ),
            )
            .then('shortlisted')
            .else('eligible')
            .end(),
        )
        // A round after the first: only the nominations promoted into the seat's round (canSeeNomination).
        .where((eb) =>
          eb.or([
            eb('s.roundPosition', '=', 1),
            eb.exists(
              eb
                .selectFrom('JuryRoundEntry as e')
                .select(one)
                .whereRef('e.roundId', '=', 's.roundId')
                .whereRef('e.nominationId', '=', 'n.id'),
            ),
          ]),
        )
        // Assigned to the juror when the category has assignments for them, else mode `all`.
        .where((eb) =>
          eb
            .case()
            .when(eb.ref('s.hasAssignments'))
            .then(
              eb.exists(
                eb
                  .selectFrom('JuryAssignment as a')
                  .select(one)
                  .where('a.jurorId', '=', jurorId)
                  .whereRef('a.nominationId', '=', 'n.id')
                  .whereRef('a.categoryId', '=', 's.categoryId'),
              ),
            )
            .else(eb('s.assignmentMode', '=', 'all'))
            .end(),
        ),
    )
}

/** The juror's nominations in the category of one nomination (`seat` then has at most one row). */
export function withNominationScope(jurorId: string, nominationId: string) {
  return jurorScope(jurorId, { categoryOf: nominationId })
}
