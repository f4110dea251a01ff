// The organisers' view of the public vote: the tally (always visible to them), the log of every
// vote with hashed address and network to spot fraud, and voiding a vote with a reason.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { voteWindow } from '#app/modules/prizes/rules.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { answerFor, loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { useFormResult } from '#app/route-support/prize-forms.tsx'
import { voidVoteFormSchema } from '#app/modules/votes/schema.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { VOID_REASON_MAX } from '#app/modules/votes/rules.ts'
import { tally, voidVote, voteAudit } from '#app/modules/votes/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ErrorList, FormErrorSummary } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'votes.admin.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'vote.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const locale = localeFromRequest(request)
  const [results, log] = await Promise.all([tally(edition.id, { forOrganiser: true }), voteAudit(edition.id)])
  return {
    organisation: { slug: organisation.slug },
    edition: {
      id: edition.id,
      title: edition.title,
      status: edition.status,
      editable: edition.editable,
      publicVoteEnabled: edition.publicVoteEnabled,
      opensAt: edition.voteOpensAt ? formatDateTime(locale, edition.voteOpensAt) : null,
      closesAt: edition.voteClosesAt ? formatDateTime(locale, edition.voteClosesAt) : null,
      window: voteWindow(edition),
    },
    results,
    log: log.map((v) => ({ ...v, createdAt: formatDateTime(locale, v.createdAt) })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'vote.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  return answerFor(
    `void-${String(formData.get('voteId') ?? '')}`,
    submitForm(request, formData, voidVoteFormSchema, async ({ voteId, reason }) => {
      await voidVote(voteId, reason, { organisationId: organisation.id, editionId: edition.id, actorUserId: user.id })
      return redirectWithToast(request, new URL(request.url).pathname, { type: 'success', key: 'votes.admin.voided' })
    }),
  )
}

/** Voiding one vote of the log, with its reason: its own form, so its errors show in its row. */
function VoidVoteForm({ voteId }: { voteId: string }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const formKey = `void-${voteId}`
  const [form, fields] = useZodForm(voidVoteFormSchema, { id: formKey, lastResult: useFormResult(formKey) })
  const tr = (m: string) => t(m as MessageKey)
  const inputId = `reason-${voteId}`
  const errors = fields.reason.errors?.map(tr)
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <FormErrorSummary links={summaryEntries(form, { reason: inputId }, tr)} />
      <div className="flex flex-wrap items-start gap-2">
        <input type="hidden" name="voteId" value={voteId} />
        <div>
          <label htmlFor={inputId} className="sr-only">
            {t('votes.admin.reason')}
          </label>
          <input
            id={inputId}
            name="reason"
            className="input"
            placeholder={t('votes.admin.reason')}
            maxLength={VOID_REASON_MAX}
            required
            defaultValue={fields.reason.defaultValue ?? ''}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? `${inputId}-error` : undefined}
          />
          <ErrorList id={`${inputId}-error`} errors={errors} />
        </div>
        <button type="submit" className="btn-danger" disabled={busy}>
          {t('votes.admin.void')}
        </button>
      </div>
    </Form>
  )
}

export default function EditionVotes() {
  const t = useT()
  const { organisation, edition, results, log } = useLoaderData<typeof loader>()

  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} heading={t('votes.admin.title')} />
      <div className="space-y-8">
        {!edition.publicVoteEnabled || !edition.window ? (
          <p className="card">{t('votes.admin.disabled')}</p>
        ) : (
          <p>
            {t('votes.admin.window', {
              opens: edition.opensAt ?? '',
              closes: edition.closesAt ?? '',
              state: t(`votes.admin.state.${edition.window}` as MessageKey),
            })}
          </p>
        )}

        <section aria-labelledby="tally-title" className="space-y-3">
          <h2 id="tally-title" className="text-xl font-semibold">
            {t('votes.admin.tally')}
          </h2>
          {edition.window !== 'closed' && <p className="text-stone-700">{t('votes.admin.tallyHidden')}</p>}
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">
                  {t('votes.admin.nomination')}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t('votes.admin.votes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.rows.map((r) => (
                <tr key={r.nominationId} className="border-b border-stone-200">
                  <td className="py-2 pr-4">
                    {r.structureName}
                    {r.projectTitle ? ` — ${r.projectTitle}` : ''}
                  </td>
                  <td className="py-2 text-right font-semibold">{r.votes}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="font-semibold">{t('votes.admin.total', { count: results.total })}</p>
        </section>

        <section aria-labelledby="audit-title" className="space-y-3">
          <h2 id="audit-title" className="text-xl font-semibold">
            {t('votes.admin.audit')}
          </h2>
          <p className="text-stone-700">{t('votes.admin.auditHelp')}</p>
          {log.length === 0 ? (
            <p>{t('votes.admin.noVotes')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-stone-300">
                    <th scope="col" className="py-2 pr-3">
                      {t('votes.admin.time')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('votes.admin.nomination')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('votes.admin.address')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('votes.admin.domain')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('votes.admin.network')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('votes.admin.networkVotes')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('votes.admin.status')}
                    </th>
                    <th scope="col" className="py-2">
                      {t('votes.admin.action')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {log.map((v) => {
                    return (
                      <tr key={v.id} className="border-b border-stone-200 align-top">
                        <td className="py-2 pr-3 whitespace-nowrap">{v.createdAt}</td>
                        <td className="py-2 pr-3">{v.nominationName}</td>
                        <td className="py-2 pr-3 font-mono">{v.addressHash}</td>
                        <td className="py-2 pr-3">{v.emailDomain}</td>
                        <td className="py-2 pr-3 font-mono">{v.networkHash}</td>
                        <td className="py-2 pr-3 text-right">{v.networkVotes}</td>
                        <td className="py-2 pr-3">
                          {t(`votes.admin.status.${v.status}` as MessageKey)}
                          {v.voidReason && <span className="block text-stone-700">{v.voidReason}</span>}
                        </td>
                        <td className="py-2">{v.status !== 'voided' && <VoidVoteForm voteId={v.id} />}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
