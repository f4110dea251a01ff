// The jury's rounds: each round's jurors, dates and results (ex aequo places, the tie-break rule in
// force, a tie recorded as final), and the promotion of nominations into the next round from the
// previous round's results — top N per category, a score threshold or by hand, previewed first.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import {
  createRound,
  jurorRounds,
  listRounds,
  previewPromotion,
  promote,
  recordTieFinal,
  roundResults,
  seatJurorInRound,
} from '#app/modules/jury/rounds.server.ts'
import {
  newRoundFormSchema,
  promotionFormSchema,
  promotionRule,
  promotionRuleFromSearch,
  seatRoundFormSchema,
  tieFinalFormSchema,
} from '#app/modules/jury/round-schema.ts'
import { MethodNote } from '#app/modules/jury/ui.tsx'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { answerFor, loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { useFormErrors } from '#app/route-support/prize-forms.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { AppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'juryRounds.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

const fmtScore = (v: number | null) => (v === null ? '—' : v.toFixed(2))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.results')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const locale = localeFromRequest(request)
  const rounds = await listRounds(edition.id)
  const [jurors, results] = await Promise.all([jurorRounds(edition.id), Promise.all(rounds.map((r) => roundResults(edition.id, r.id)))])
  const asked = promotionRuleFromSearch(new URL(request.url).searchParams)
  const preview = asked ? await previewPromotion(edition.id, asked.to, asked.rule) : null
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, slug: edition.slug, title: edition.title, status: edition.status, editable: edition.editable },
    tieBreak: results[0]?.tieBreak ?? 'chair',
    normalise: results[0]?.normaliseScores ?? false,
    jurors,
    rounds: rounds.map((r, i) => ({
      id: r.id,
      position: r.position,
      name: r.name,
      opensAt: r.opensAt ? formatDateTime(locale, r.opensAt) : null,
      closesAt: r.closesAt ? formatDateTime(locale, r.closesAt) : null,
      categories: results[i]!.categories.map((c) => ({
        id: c.id,
        name: c.name,
        ties: results[i]!.ties[c.id] ?? [],
        rows: c.rows.map((row) => ({
          nominationId: row.nominationId,
          structureName: row.structureName,
          place: row.place,
          rank: row.rank,
          score: row.score,
          count: row.count,
        })),
      })),
    })),
    preview: preview && asked ? { ...preview, rule: asked.rule } : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'prize.results')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  const actor = { organisationId: organisation.id, userId: user.id }
  const here = new URL(request.url).pathname
  const intent = String(formData.get('intent') ?? '')
  if (intent === 'create')
    return answerFor(
      'create',
      submitForm(request, formData, newRoundFormSchema, async ({ intent: _, ...input }) => {
        await createRound(edition.id, input, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'juryRounds.created' })
      }),
    )
  if (intent === 'seat')
    return answerFor(
      'page',
      submitForm(request, formData, seatRoundFormSchema, async ({ jurorId, roundId }) => {
        await seatJurorInRound(edition.id, jurorId, roundId, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'juryRounds.seated' })
      }),
    )
  if (intent === 'tie')
    return answerFor(
      'page',
      submitForm(request, formData, tieFinalFormSchema, async ({ roundId, categoryId, place }) => {
        await recordTieFinal(edition.id, roundId, categoryId, place, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'juryRounds.tieRecorded' })
      }),
    )
  return answerFor(
    'page',
    submitForm(request, formData, promotionFormSchema, async (value) => {
      const rule = promotionRule(value)
      if (!rule) throw new AppError({ status: 400, code: 'rule', messageKey: 'juryRounds.error.kind' })
      const { promoted } = await promote(edition.id, value.to, rule, actor)
      return redirectWithToast(request, here, { type: 'success', key: 'juryRounds.promoted', params: { count: promoted } })
    }),
  )
}

export default function JuryRounds() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const busy = useNavigation().state === 'submitting'
  const pageErrors = useFormErrors('page')
  const createErrors = useFormErrors('create')
  return (
    <div>
      <EditionPageHeader orgSlug={d.organisation.slug} edition={d.edition} heading={t('juryRounds.title')} />
      <div className="space-y-10">
        <FormErrorSummary errors={[...pageErrors, ...createErrors].map((m) => t(m as MessageKey))} />
        <section aria-labelledby="method-title" className="card space-y-2">
          <h2 id="method-title" className="text-lg font-semibold">
            {t('juryRounds.method')}
          </h2>
          <MethodNote id="method" normalise={d.normalise} tieBreak={d.tieBreak} />
          <p className="text-sm text-stone-700">{t('juryRounds.exAequo')}</p>
        </section>

        {d.rounds.map((round, i) => (
          <section key={round.id} aria-labelledby={`round-${round.id}`} className="space-y-4">
            <h2 id={`round-${round.id}`} className="text-xl font-semibold">
              {t('juryRounds.roundHeading', { position: round.position, name: round.name })}
            </h2>
            {(round.opensAt || round.closesAt) && (
              <p className="text-sm text-stone-700">
                {t('juryRounds.dates', { opens: round.opensAt ?? '—', closes: round.closesAt ?? '—' })}
              </p>
            )}
            <p className="text-sm">
              {t('juryRounds.jurorsOf', {
                names:
                  d.jurors
                    .filter((j) => j.roundId === round.id)
                    .map((j) => j.name)
                    .join(', ') || t('juryRounds.noJuror'),
              })}
            </p>
            {round.categories.map((c) => (
              <div key={c.id} className="space-y-2">
                <h3 className="text-lg font-semibold">{c.name}</h3>
                {c.rows.length === 0 ? (
                  <p>{t('juryRounds.empty')}</p>
                ) : (
                  <table className="table">
                    <caption className="sr-only">{t('juryRounds.tableCaption', { round: round.name, category: c.name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('juryRounds.place')}</th>
                        <th scope="col">{t('juryRounds.rank')}</th>
                        <th scope="col">{t('juryRounds.nomination')}</th>
                        <th scope="col">{t('juryRounds.score')}</th>
                        <th scope="col">{t('juryRounds.count')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.rows.map((row) => {
                        const tie = c.ties.find((x) => x.nominationIds.includes(row.nominationId))
                        return (
                          <tr key={row.nominationId}>
                            <td>{row.place === null ? '—' : tie ? t('juryRounds.placeExAequo', { place: row.place }) : row.place}</td>
                            <td>{row.rank ?? '—'}</td>
                            <th scope="row">{row.structureName}</th>
                            <td>{fmtScore(row.score)}</td>
                            <td>{row.count}</td>
                          </tr>
                        )
                      })}
                    </tbody>
                  </table>
                )}
                {c.ties.map((tie) => (
                  <Form key={tie.place} method="post" className="flex flex-wrap items-center gap-2 text-sm">
                    <span>
                      {t('juryRounds.tie', {
                        place: tie.place,
                        names: tie.nominationIds.map((id) => c.rows.find((r) => r.nominationId === id)?.structureName ?? '').join(', '),
                      })}
                    </span>
                    {tie.final ? (
                      <strong>{t('juryRounds.tieFinal')}</strong>
                    ) : (
                      <>
                        <input type="hidden" name="intent" value="tie" />
                        <input type="hidden" name="roundId" value={round.id} />
                        <input type="hidden" name="categoryId" value={c.id} />
                        <input type="hidden" name="place" value={tie.place} />
                        <button type="submit" className="btn-secondary" disabled={busy}>
                          {t('juryRounds.recordTie', { place: tie.place })}
                        </button>
                      </>
                    )}
                  </Form>
                ))}
              </div>
            ))}

            {i > 0 && (
              <Form method="get" className="card space-y-3" aria-labelledby={`promote-${round.id}`}>
                <h3 id={`promote-${round.id}`} className="text-lg font-semibold">
                  {t('juryRounds.promoteInto', { name: round.name, from: d.rounds[i - 1]!.name })}
                </h3>
                <input type="hidden" name="to" value={round.id} />
                <fieldset className="space-y-2">
                  <legend className="font-medium">{t('juryRounds.rule')}</legend>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="kind" value="top" defaultChecked />
                    {t('juryRounds.rule.top')}
                  </label>
                  <TextField
                    name="perCategory"
                    id={`perCategory-${round.id}`}
                    type="number"
                    min={1}
                    label={t('juryRounds.perCategory')}
                    className="max-w-24"
                  />
                  <label className="flex items-center gap-2">
                    <input type="radio" name="kind" value="threshold" />
                    {t('juryRounds.rule.threshold')}
                  </label>
                  <TextField
                    name="minScore"
                    id={`minScore-${round.id}`}
                    type="number"
                    step="0.01"
                    label={t('juryRounds.minScore')}
                    className="max-w-24"
                  />
                  <label className="flex items-center gap-2">
                    <input type="radio" name="kind" value="manual" />
                    {t('juryRounds.rule.manual')}
                  </label>
                  <fieldset className="ml-6 space-y-1">
                    <legend className="text-sm">{t('juryRounds.pick')}</legend>
                    {d.rounds[i - 1]!.categories.flatMap((c) =>
                      c.rows.map((row) => (
                        <label key={row.nominationId} className="flex items-center gap-2 text-sm">
                          <input type="checkbox" name="nominationIds" value={row.nominationId} />
                          {c.name} — {row.structureName}
                        </label>
                      )),
                    )}
                  </fieldset>
                </fieldset>
                <button type="submit" className="btn-secondary">
                  {t('juryRounds.preview')}
                </button>
              </Form>
            )}

            {d.preview && d.preview.to.id === round.id && (
              <Form method="post" className="card space-y-3" aria-labelledby="preview-title">
                <h3 id="preview-title" className="text-lg font-semibold">
                  {t('juryRounds.previewTitle', { count: d.preview.selected.length, name: round.name })}
                </h3>
                <ul className="list-disc pl-6">
                  {d.preview.selected.map((s) => (
                    <li key={s.nominationId}>
                      {s.categoryName} — {s.structureName} ({fmtScore(s.score)}){s.already ? ` ${t('juryRounds.already')}` : ''}
                    </li>
                  ))}
                </ul>
                <input type="hidden" name="intent" value="promote" />
                <input type="hidden" name="to" value={round.id} />
                <input type="hidden" name="kind" value={d.preview.rule.kind} />
                {d.preview.rule.kind === 'top' && <input type="hidden" name="perCategory" value={d.preview.rule.perCategory} />}
                {d.preview.rule.kind === 'threshold' && <input type="hidden" name="minScore" value={d.preview.rule.minScore} />}
                {d.preview.rule.kind === 'manual' &&
                  d.preview.rule.nominationIds.map((id) => <input key={id} type="hidden" name="nominationIds" value={id} />)}
                <button type="submit" className="btn-primary" disabled={busy}>
                  {t('juryRounds.confirm')}
                </button>
              </Form>
            )}
          </section>
        ))}

        <section aria-labelledby="seats-title" className="card space-y-3">
          <h2 id="seats-title" className="text-lg font-semibold">
            {t('juryRounds.seats')}
          </h2>
          {d.jurors.map((j) => (
            <Form key={j.id} method="post" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="seat" />
              <input type="hidden" name="jurorId" value={j.id} />
              <label className="flex flex-col text-sm">
                {t('juryRounds.jurorRound', { name: j.name })}
                <select name="roundId" defaultValue={j.roundId} className="input">
                  {d.rounds.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t('juryRounds.seat')}
              </button>
            </Form>
          ))}
        </section>

        <Form method="post" className="card space-y-3" aria-labelledby="new-round-title">
          <h2 id="new-round-title" className="text-lg font-semibold">
            {t('juryRounds.new')}
          </h2>
          <input type="hidden" name="intent" value="create" />
          <TextField name="name" id="round-name" label={t('juryRounds.name')} required />
          <TextField name="opensAt" id="round-opens" type="datetime-local" label={t('juryRounds.opensAt')} />
          <TextField name="closesAt" id="round-closes" type="datetime-local" label={t('juryRounds.closesAt')} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('juryRounds.create')}
          </button>
        </Form>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
