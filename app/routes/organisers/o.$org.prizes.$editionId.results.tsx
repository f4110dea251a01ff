// The organisers' results and deliberation page, made for a shared screen: per category the
// ranked table (scores, SD and disagreement flags, jurors' scores and comments, conflicts, the
// public vote), the method in words, the decision on each nomination with its rationale, and
// the publication of the results once every category is validated by its chair.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { publishResults, recordDecision, unvalidatedCategories } from '#app/modules/jury/deliberation.server.ts'
import { computeResults } from '#app/modules/jury/results.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { attempt, intOrNull } from '#app/utils/route-forms.server.ts'
import { allErrors, MethodNote, RankedTable } from '#app/modules/jury/ui.tsx'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ErrorList } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'
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
  const locale = localeFromRequest(request)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, intent))
  const actor = { organisationId: organisation.id, userId: user.id }
  const here = new URL(request.url).pathname
  if (intent === 'publish') {
    let already = false
    const failed = await attempt(locale, intent, edition.id, async () => {
      already = (await publishResults(edition.id, actor)).already
    })
    if (failed) return data(failed.failed, { status: failed.status })
    return redirectWithToast(request, here, {
      type: already ? 'info' : 'success',
      key: already ? 'juryAdmin.results.alreadyPublished' : 'juryAdmin.results.publishedToast',
    })
  }
  const nominationId = String(form.get('nominationId') ?? '')
  const failed = await attempt(locale, 'decision', nominationId, () =>
    recordDecision(
      edition.id,
      nominationId,
      { decision: String(form.get('decision') ?? ''), rationale: String(form.get('rationale') ?? ''), rank: intOrNull(form.get('rank')) },
      actor,
    ),
  )
  if (failed) return data(failed.failed, { status: failed.status })
  return redirectWithToast(request, `${here}#result-${nominationId}`, { type: 'success', key: 'juryAdmin.results.saved' })
}

export default function EditionResults() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  return (
    <div>
      <EditionPageHeader orgSlug={d.organisation.slug} edition={d.edition} heading={t('juryAdmin.results.title')} />
      <div className="space-y-10">
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
                decisionForm={!c.lockedAt}
                errors={failed?.intent === 'decision' ? { nominationId: failed.id, messages: allErrors(failed.errors) } : null}
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
              </Link>
            </p>
          ) : (
            <Form method="post" className="space-y-2">
              <p id="publish-help" className="text-sm text-stone-700">
                {t('juryAdmin.results.publishHelp')}
              </p>
              <input type="hidden" name="intent" value="publish" />
              <ErrorList id="publish-error" errors={failed?.intent === 'publish' ? allErrors(failed.errors) : null} />
              <button type="submit" className="btn-primary" aria-describedby="publish-help" disabled={!d.canPublish}>
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
