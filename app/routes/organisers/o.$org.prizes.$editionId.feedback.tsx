// Feedback to nominees: per nomination, the jurors' comments with a « share » choice for each,
// and once the results are published « Envoyer les retours », sent once per nominee.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { feedbackOverview, sendFeedback, setCommentShared } from '#app/modules/jury/feedback.server.ts'
import { feedbackFormSchema } from '#app/modules/jury/feedback-schema.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { answerFor, loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { useFormErrors } from '#app/route-support/prize-forms.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'juryFeedback.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.results')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const locale = localeFromRequest(request)
  const overview = await feedbackOverview(edition.id)
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, slug: edition.slug, title: edition.title, status: edition.status, editable: edition.editable },
    published: overview.resultsPublishedAt !== null,
    nominations: overview.nominations.map((n) => ({ ...n, sentAt: n.sentAt ? formatDateTime(locale, n.sentAt) : null })),
  }
}

/** Sharing is part of the deliberation; sending writes to every nominee, like publishing. */
const INTENT_PERMISSIONS = { share: 'prize.results', send: 'prize.publishResults' } as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'prize.results')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, String(formData.get('intent') ?? '')))
  const actor = { organisationId: organisation.id, userId: user.id }
  const here = new URL(request.url).pathname
  return answerFor(
    'page',
    submitForm(request, formData, feedbackFormSchema, async (value) => {
      if (value.intent === 'share') {
        await setCommentShared(edition.id, value.scoreId, value.shared === 'true', actor)
        return redirectWithToast(request, here, { type: 'success', key: 'juryFeedback.sharedToast' })
      }
      await sendFeedback(edition.id, actor)
      return redirectWithToast(request, here, { type: 'success', key: 'juryFeedback.sentToast' })
    }),
  )
}

export default function EditionFeedback() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const pageErrors = useFormErrors('page')
  const busy = useNavigation().state === 'submitting'
  return (
    <div>
      <EditionPageHeader orgSlug={d.organisation.slug} edition={d.edition} heading={t('juryFeedback.title')} />
      <div className="space-y-8">
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />
        <p>{t('juryFeedback.intro')}</p>
        <section aria-labelledby="send-title" className="card space-y-2">
          <h2 id="send-title" className="text-lg font-semibold">
            {t('juryFeedback.send')}
          </h2>
          {d.published ? (
            <Form method="post">
              <input type="hidden" name="intent" value="send" />
              <button type="submit" className="btn-primary" disabled={busy}>
                {t('juryFeedback.send')}
              </button>
            </Form>
          ) : (
            <p>{t('juryFeedback.notPublished')}</p>
          )}
        </section>
        {d.nominations.map((n) => (
          <section key={n.id} aria-labelledby={`fb-${n.id}`} className="space-y-2">
            <h2 id={`fb-${n.id}`} className="text-lg font-semibold">
              {n.structureName} — {n.categoryName}
            </h2>
            <p className="text-sm text-stone-700">{n.sentAt ? t('juryFeedback.sentAt', { date: n.sentAt }) : t('juryFeedback.notSent')}</p>
            {n.comments.length === 0 ? (
              <p>{t('juryFeedback.noComments')}</p>
            ) : (
              <ul className="space-y-2">
                {n.comments.map((c) => (
                  <li key={c.scoreId} className="card space-y-1">
                    <p className="text-sm font-semibold">
                      {c.jurorName}
                      {c.shared ? ` · ${t('juryFeedback.shared')}` : ''}
                    </p>
                    <p className="whitespace-pre-line">{c.comment}</p>
                    <Form method="post">
                      <input type="hidden" name="intent" value="share" />
                      <input type="hidden" name="scoreId" value={c.scoreId} />
                      <input type="hidden" name="shared" value={c.shared ? 'false' : 'true'} />
                      <button type="submit" className="btn-secondary" disabled={busy}>
                        {c.shared ? t('juryFeedback.unshare') : t('juryFeedback.share')}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
