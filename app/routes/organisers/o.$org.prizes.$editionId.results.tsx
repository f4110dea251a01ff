// The organisers' results and deliberation page, made for a shared screen: per category the
// ranked table (scores, SD and disagreement flags, jurors' scores and comments, conflicts, the
// public vote), the method in words, the decision on each nomination with its rationale, and
// the publication of the results once every category is validated by its chair.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { publishResults, recordDecision, unvalidatedCategories } from '#app/modules/jury/deliberation.server.ts'
import { computeResults } from '#app/modules/jury/results.server.ts'
import { decisionFormSchema, resultsButtonSchema } from '#app/modules/jury/admin-schema.ts'
import { answerFor, loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { useFormErrors, useFormResult } from '#app/route-support/prize-forms.tsx'
import { DECISIONS, RATIONALE_MAX } from '#app/modules/jury/rules.ts'
import { decisionLabelKey, MethodNote, RankedTable, type ResultRowView } from '#app/modules/jury/ui.tsx'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'juryAdmin.results.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.results')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const locale = localeFromRequest(request)
  const [results, pending] = await Promise.all([computeResults(edition.id), unvalidatedCategories(edition.id)])
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, slug: edition.slug, title: edition.title, status: edition.status, editable: edition.editable },
    normalise: results.normaliseScores,
    tieBreak: results.tieBreak,
    showVotes: results.publicVoteEnabled,
    publishedAt: results.resultsPublishedAt ? formatDateTime(locale, results.resultsPublishedAt) : null,
    canPublish: pending.length === 0 && !results.resultsPublishedAt,
    categories: results.categories.map((c) => ({
      id: c.id,
      name: c.name,
      chairs: c.chairs.map((x) => x.name),
      lockedAt: c.decisionsLockedAt ? formatDateTime(locale, c.decisionsLockedAt) : null,
      rows: c.rows.map(({ contactEmail: _e, locale: _l, ...r }) => r),
    })),
  }
}

/** The permission each intent of the action needs. */
const INTENT_PERMISSIONS = {
  publish: 'prize.publishResults',
  decision: 'prize.results',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'prize.results')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, String(formData.get('intent') ?? '')))
  const actor = { organisationId: organisation.id, userId: user.id }
  const here = new URL(request.url).pathname
  if (formData.get('intent') === 'decision') {
    const nominationId = String(formData.get('nominationId') ?? '')
    return answerFor(
      `decide-${nominationId}`,
      submitForm(request, formData, decisionFormSchema, async ({ intent: _, nominationId, ...decision }) => {
        await recordDecision(edition.id, nominationId, decision, actor)
        return redirectWithToast(request, `${here}#result-${nominationId}`, { type: 'success', key: 'juryAdmin.results.saved' })
      }),
    )
  }
  return answerFor(
    'page',
    submitForm(request, formData, resultsButtonSchema, async () => {
      const { already } = await publishResults(edition.id, actor)
      return redirectWithToast(request, here, {
        type: already ? 'info' : 'success',
        key: already ? 'juryAdmin.results.alreadyPublished' : 'juryAdmin.results.publishedToast',
      })
    }),
  )
}

/** The decision on one nomination: its own Conform form, so its errors show in its row. */
function DecisionForm({ row }: { row: ResultRowView }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const formKey = `decide-${row.nominationId}`
  const [form, fields] = useZodForm(decisionFormSchema, {
    id: formKey,
    lastResult: useFormResult(formKey),
    defaultValue: {
      decision: (row.decision?.decision as (typeof DECISIONS)[number] | undefined) ?? undefined,
      rank: row.decision?.rank ?? row.rank ?? undefined,
      rationale: row.decision?.rationale ?? '',
    },
  })
  const tr = (m: string) => t(m as MessageKey)
  const id = (name: string) => `${name}-${row.nominationId}`
  const ids = { decision: id('decision'), rank: id('rank'), rationale: id('rationale') }
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="space-y-2"
      aria-label={`${t('juryAdmin.results.decision')} : ${row.structureName}`}
    >
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value="decision" />
      <input type="hidden" name="nominationId" value={row.nominationId} />
      <SelectField
        name="decision"
        id={ids.decision}
        label={t('juryAdmin.results.decision')}
        defaultValue={fields.decision.defaultValue ?? ''}
        placeholder={t('juryAdmin.results.decision.none')}
        options={DECISIONS.map((d) => ({ value: d, label: t(decisionLabelKey(d)) }))}
        errors={fields.decision.errors?.map(tr)}
      />
      <TextField
        name="rank"
        id={ids.rank}
        type="number"
        min={1}
        inputMode="numeric"
        label={t('juryAdmin.results.finalRank')}
        defaultValue={fields.rank.defaultValue ?? ''}
        errors={fields.rank.errors?.map(tr)}
        className="max-w-24"
      />
      <TextareaField
        name="rationale"
        id={ids.rationale}
        label={t('juryAdmin.results.rationale')}
        maxLength={RATIONALE_MAX}
        defaultValue={fields.rationale.defaultValue ?? ''}
        errors={fields.rationale.errors?.map(tr)}
      />
      <button type="submit" className="btn-secondary" disabled={busy}>
        {t('juryAdmin.results.save')}
      </button>
    </Form>
  )
}

export default function EditionResults() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const pageErrors = useFormErrors('page')
  const busy = useNavigation().state === 'submitting'
  return (
    <div>
      <EditionPageHeader orgSlug={d.organisation.slug} edition={d.edition} heading={t('juryAdmin.results.title')} />
      <div className="space-y-10">
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />
        <section aria-labelledby="method-title" className="card space-y-2">
          <h2 id="method-title" className="text-lg font-semibold">
            {t('juryAdmin.results.method')}
          </h2>
          <MethodNote id="method" normalise={d.normalise} tieBreak={d.tieBreak} />
        </section>
        {d.categories.length === 0 && <p>{t('juryAdmin.results.empty')}</p>}
        {d.categories.map((c) => (
          <section key={c.id} aria-labelledby={`cat-${c.id}`} className="space-y-3">
            <h2 id={`cat-${c.id}`} className="text-xl font-semibold">
              {c.name}
            </h2>
            <p className={c.lockedAt ? 'font-semibold text-green-900' : 'text-stone-700'}>
              {c.lockedAt
                ? t('juryAdmin.results.validated', { date: c.lockedAt })
                : t('juryAdmin.results.notValidated', { chairs: c.chairs.join(', ') || t('juryAdmin.results.noChair') })}
            </p>
            {c.rows.length === 0 ? (
              <p>{t('juryAdmin.results.empty')}</p>
            ) : (
              <RankedTable
                rows={c.rows}
                normalise={d.normalise}
                showVotes={d.showVotes}
                decisionForm={c.lockedAt ? undefined : (row) => <DecisionForm row={row} />}
              />
            )}
          </section>
        ))}
        <section aria-labelledby="publish-title" className="card space-y-3">
          <h2 id="publish-title" className="text-lg font-semibold">
            {t('juryAdmin.results.publish')}
          </h2>
          {d.publishedAt ? (
            <p className="font-semibold">
              {t('juryAdmin.results.published', { date: d.publishedAt })}{' '}
              <Link className="link" to={`/prix/${d.edition.slug}/resultats`}>
                {t('juryAdmin.results.publicPage')}
              </Link>{' '}
              <Link className="link" to={`/o/${d.organisation.slug}/prizes/${d.edition.id}/feedback`}>
                {t('juryFeedback.nav')}
              </Link>
            </p>
          ) : (
            <Form method="post" className="space-y-2">
              <p id="publish-help" className="text-sm text-stone-700">
                {t('juryAdmin.results.publishHelp')}
              </p>
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="btn-primary" aria-describedby="publish-help" disabled={busy || !d.canPublish}>
                {t('juryAdmin.results.publish')}
              </button>
            </Form>
          )}
        </section>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
