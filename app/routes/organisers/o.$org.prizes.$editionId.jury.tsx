// The organisers' jury page of an edition: invite jurors (an emailed personal link), see who joined,
// resend a link, change seats and chairs, remove a juror who drops out; conflicts of interest
// (declared or recorded here) and the likely ones to ask about.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CONFLICT_KINDS, conflictKindLabelKey, MAX_CONFLICT_NOTE_LENGTH, warningReasonLabelKey } from '#app/modules/jury/conflict-rules.ts'
import { likelyConflicts, listConflicts, recordConflict } from '#app/modules/jury/conflicts.server.ts'
import { JUROR_LIMITS } from '#app/modules/jury/juror-rules.ts'
import { reassignFromJuror } from '#app/modules/jury/assignment.server.ts'
import { juryCampaignOf } from '#app/modules/jury/invitation-campaign.server.ts'
import { inviteJuror, listJurors, removeJuror, resendInvitation, updateJurorSeats } from '#app/modules/jury/jurors.server.ts'
import { listNominations } from '#app/modules/nominations/review.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ChoiceGroup, FormErrorSummary, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'jury.admin.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'jury.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const locale = localeFromRequest(request)
  const [campaign, jurors, conflicts, warnings, nominations] = await Promise.all([
    juryCampaignOf(organisation.id, edition.id),
    listJurors(organisation.id, edition.id),
    listConflicts(organisation.id, edition.id),
    likelyConflicts(organisation.id, edition.id),
    listNominations(organisation.id, edition.id),
  ])
  return {
    organisation: { slug: organisation.slug },
    edition: {
      id: edition.id,
      title: edition.title,
      status: edition.status,
      editable: edition.editable,
      juryStartsAt: edition.juryStartsAt ? formatDateTime(locale, edition.juryStartsAt) : null,
      juryEndsAt: edition.juryEndsAt ? formatDateTime(locale, edition.juryEndsAt) : null,
    },
    categories: edition.categories.map((c) => ({ id: c.id, name: c.name })),
    /** The invitations' tracking page (the edition's jury invitation campaign), once someone was invited. */
    trackingUrl: campaign ? `/o/${organisation.slug}/campaigns/${campaign}` : null,
    jurors: jurors.map((j) => ({
      ...j,
      invitedAt: formatDateTime(locale, j.invitedAt),
      joinedAt: j.joinedAt ? formatDateTime(locale, j.joinedAt) : null,
      removedAt: j.removedAt ? formatDateTime(locale, j.removedAt) : null,
      seats: j.seats.map((s) => ({ ...s, submittedAt: s.submittedAt ? formatDateTime(locale, s.submittedAt) : null })),
    })),
    conflicts: conflicts.map((c) => ({ ...c, createdAt: formatDateTime(locale, c.createdAt) })),
    warnings,
    nominations: nominations.nominations
      .filter((n) => n.status !== 'draft' && n.status !== 'withdrawn')
      .map((n) => ({ id: n.id, label: `${n.structureName || n.projectTitle} (${n.category?.name ?? ''})` })),
  }
}

type ActionResult = {
  intent: string
  jurorId?: string
  error?: string
  fields: Record<string, string[]>
  values?: Record<string, string | string[]>
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'jury.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const locale = localeFromRequest(request)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const jurorId = String(form.get('jurorId') ?? '')
  const actor = { actorUserId: user.id, request }
  const here = new URL(request.url).pathname
  const strings = (name: string) => form.getAll(name).map(String)
  try {
    switch (intent) {
      case 'invite': {
        const result = await inviteJuror(
          organisation.id,
          edition.id,
          {
            name: String(form.get('name') ?? ''),
            email: String(form.get('email') ?? ''),
            organisationName: String(form.get('organisationName') ?? ''),
            locale: String(form.get('locale') ?? 'fr'),
            categoryIds: strings('categoryIds'),
            chairCategoryIds: strings('chairCategoryIds'),
          },
          actor,
        )
        return redirectWithToast(request, here, { type: 'success', key: result.reinvited ? 'jury.toast.reinvited' : 'jury.toast.invited' })
      }
      case 'resend':
        await resendInvitation(organisation.id, edition.id, jurorId, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'jury.toast.resent' })
      case 'seats':
        await updateJurorSeats(organisation.id, edition.id, jurorId, strings('categoryIds'), strings('chairCategoryIds'), actor)
        return redirectWithToast(request, here, { type: 'success', key: 'jury.toast.seats' })
      case 'remove':
        await removeJuror(organisation.id, edition.id, jurorId, actor, (tx, id) => reassignFromJuror(tx, id, actor.actorUserId ?? null))
        return redirectWithToast(request, here, { type: 'success', key: 'jury.toast.removed' })
      case 'conflict':
        await recordConflict(
          organisation.id,
          edition.id,
          jurorId,
          String(form.get('nominationId') ?? ''),
          { kind: String(form.get('kind') ?? ''), note: String(form.get('note') ?? '') },
          actor,
        )
        return redirectWithToast(request, here, { type: 'success', key: 'jury.toast.conflictRecorded' })
      default:
        return data<ActionResult>({ intent, error: translate(locale, 'jury.error.unknownIntent'), fields: {} }, { status: 400 })
    }
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error
    const fields = Object.fromEntries(
      Object.entries(error.fields ?? {}).map(([k, keys]) => [k, keys.map((key) => translate(locale, key as MessageKey, error.params))]),
    )
    const values = Object.fromEntries(
      ['name', 'email', 'organisationName', 'locale', 'note', 'kind', 'nominationId', 'jurorId'].map((k) => [k, String(form.get(k) ?? '')]),
    )
    return data<ActionResult>(
      {
        intent,
        jurorId,
        error: error.messageKey ? translate(locale, error.messageKey, error.params) : error.code,
        fields,
        values: { ...values, categoryIds: strings('categoryIds'), chairCategoryIds: strings('chairCategoryIds') },
      },
      { status: error.status },
    )
  }
}

export default function EditionJury() {
  const t = useT()
  const { organisation, edition, categories, trackingUrl, jurors, conflicts, warnings, nominations } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const busy = useNavigation().state === 'submitting'
  const inviteResult = result?.intent === 'invite' ? result : undefined
  const conflictResult = result?.intent === 'conflict' ? result : undefined
  const v = (k: string) => {
    const value = inviteResult?.values?.[k]
    return typeof value === 'string' ? value : ''
  }
  const categoryOptions = categories.map((c) => ({ value: c.id, label: c.name }))
  const activeJurors = jurors.filter((j) => !j.removedAt)

  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} heading={t('jury.admin.title')} />
      <div className="space-y-8">
        {edition.juryEndsAt && (
          <p>
            {edition.juryStartsAt
              ? t('jury.join.period', { starts: edition.juryStartsAt, ends: edition.juryEndsAt })
              : t('jury.join.deadline', { ends: edition.juryEndsAt })}
          </p>
        )}
        {result?.error && result.intent !== 'invite' && result.intent !== 'conflict' && (
          <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {result.error}
          </div>
        )}

        <section aria-labelledby="jurors-title" className="space-y-4">
          <h2 id="jurors-title" className="text-xl font-semibold">
            {t('jury.admin.jurors', { count: activeJurors.length })}
          </h2>
          {trackingUrl && (
            <p>
              <Link to={trackingUrl} className="link">
                {t('jury.admin.tracking')}
              </Link>
            </p>
          )}
          {jurors.length === 0 ? (
            <p className="card">{t('jury.admin.noJurors')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
                <caption className="sr-only">{t('jury.admin.jurorsCaption')}</caption>
                <thead>
                  <tr className="border-b border-stone-300">
                    <th scope="col" className="py-2 pr-3">
                      {t('jury.admin.col.juror')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('jury.admin.col.categories')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('jury.admin.col.status')}
                    </th>
                    <th scope="col" className="py-2">
                      {t('jury.admin.col.actions')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {jurors.map((j) => (
                    <tr key={j.id} className="border-b border-stone-200 align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <span className="font-medium">{j.name}</span>
                        <br />
                        <span className="text-stone-700">{j.email}</span>
                        {j.organisationName && (
                          <>
                            <br />
                            <span className="text-stone-700">{j.organisationName}</span>
                          </>
                        )}
                      </th>
                      <td className="py-2 pr-3">
                        <ul>
                          {j.seats.map((s) => (
                            <li key={s.categoryId}>
                              {s.name}
                              {s.isChair && <strong> — {t('jury.chair')}</strong>}
                              {s.submittedAt && <span className="text-stone-700"> — {t('jury.admin.submitted')}</span>}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="py-2 pr-3">
                        {j.declined
                          ? t('jury.admin.declined')
                          : j.removedAt
                            ? t('jury.admin.removedAt', { date: j.removedAt })
                            : j.joinedAt
                              ? t('jury.admin.joinedAt', { date: j.joinedAt })
                              : t('jury.admin.invitedAt', { date: j.invitedAt })}
                      </td>
                      <td className="space-y-2 py-2">
                        {!j.removedAt && (
                          <>
                            <div className="flex flex-wrap gap-2">
                              <Form method="post">
                                <input type="hidden" name="jurorId" value={j.id} />
                                <button type="submit" name="intent" value="resend" className="btn-secondary" disabled={busy}>
                                  {t('jury.admin.resend')}
                                  <span className="sr-only"> — {j.name}</span>
                                </button>
                              </Form>
                              <Form method="post">
                                <input type="hidden" name="jurorId" value={j.id} />
                                <button type="submit" name="intent" value="remove" className="btn-danger" disabled={busy}>
                                  {t('jury.admin.remove')}
                                  <span className="sr-only"> — {j.name}</span>
                                </button>
                              </Form>
                            </div>
                            <details>
                              <summary className="link cursor-pointer">
                                {t('jury.admin.changeSeats')}
                                <span className="sr-only"> — {j.name}</span>
                              </summary>
                              <Form method="post" className="mt-2 space-y-3">
                                <input type="hidden" name="jurorId" value={j.id} />
                                <ChoiceGroup
                                  legend={t('jury.admin.categories')}
                                  name="categoryIds"
                                  type="checkbox"
                                  options={categoryOptions}
                                  defaultValue={j.seats.map((s) => s.categoryId)}
                                  errors={result?.intent === 'seats' && result.jurorId === j.id ? result.fields.categoryIds : undefined}
                                />
                                <ChoiceGroup
                                  legend={t('jury.admin.chairOf')}
                                  name="chairCategoryIds"
                                  type="checkbox"
                                  options={categoryOptions}
                                  defaultValue={j.seats.filter((s) => s.isChair).map((s) => s.categoryId)}
                                  errors={
                                    result?.intent === 'seats' && result.jurorId === j.id ? result.fields.chairCategoryIds : undefined
                                  }
                                />
                                <button type="submit" name="intent" value="seats" className="btn-secondary" disabled={busy}>
                                  {t('jury.admin.saveSeats')}
                                </button>
                              </Form>
                            </details>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="invite-title" className="card space-y-4">
          <h2 id="invite-title" className="text-xl font-semibold">
            {t('jury.admin.invite')}
          </h2>
          <p className="text-sm text-stone-700">{t('jury.admin.inviteHelp')}</p>
          <Form method="post" className="space-y-4">
            <FormErrorSummary errors={inviteResult?.error ? [inviteResult.error] : undefined} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label={t('jury.admin.name')}
                name="name"
                id="juror-name"
                required
                maxLength={JUROR_LIMITS.name}
                defaultValue={v('name')}
                errors={inviteResult?.fields.name}
                autoComplete="off"
              />
              <TextField
                label={t('jury.admin.email')}
                name="email"
                id="juror-email"
                type="email"
                required
                defaultValue={v('email')}
                errors={inviteResult?.fields.email}
                autoComplete="off"
              />
              <TextField
                label={t('jury.admin.organisation')}
                help={t('jury.admin.organisationHelp')}
                name="organisationName"
                id="juror-organisation"
                maxLength={JUROR_LIMITS.organisationName}
                defaultValue={v('organisationName')}
                errors={inviteResult?.fields.organisationName}
              />
              <SelectField
                label={t('jury.admin.language')}
                name="locale"
                id="juror-locale"
                defaultValue={v('locale') || 'fr'}
                options={[
                  { value: 'fr', label: 'Français' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </div>
            <ChoiceGroup
              legend={t('jury.admin.categories')}
              name="categoryIds"
              type="checkbox"
              required
              options={categoryOptions}
              defaultValue={inviteResult?.values?.categoryIds as string[] | undefined}
              errors={inviteResult?.fields.categoryIds}
            />
            <ChoiceGroup
              legend={t('jury.admin.chairOf')}
              help={t('jury.admin.chairHelp')}
              name="chairCategoryIds"
              type="checkbox"
              options={categoryOptions}
              defaultValue={inviteResult?.values?.chairCategoryIds as string[] | undefined}
              errors={inviteResult?.fields.chairCategoryIds}
            />
            <button type="submit" name="intent" value="invite" className="btn-primary" disabled={busy}>
              {t('jury.admin.inviteSubmit')}
            </button>
          </Form>
        </section>

        <section aria-labelledby="warnings-title" className="space-y-3">
          <h2 id="warnings-title" className="text-xl font-semibold">
            {t('jury.admin.warnings')}
          </h2>
          {warnings.length === 0 ? (
            <p>{t('jury.admin.noWarnings')}</p>
          ) : (
            <ul className="card list-disc space-y-1 pl-8">
              {warnings.map((w) => (
                <li key={`${w.jurorId}-${w.nominationId}`}>
                  {t('jury.admin.warning', { juror: w.jurorName, nomination: w.structureName })} (
                  {w.reasons.map((r) => t(warningReasonLabelKey(r))).join(', ')})
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="conflicts-title" className="space-y-4">
          <h2 id="conflicts-title" className="text-xl font-semibold">
            {t('jury.admin.conflicts')}
          </h2>
          {conflicts.length === 0 ? (
            <p>{t('jury.admin.noConflicts')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
                <caption className="sr-only">{t('jury.admin.conflicts')}</caption>
                <thead>
                  <tr className="border-b border-stone-300">
                    <th scope="col" className="py-2 pr-3">
                      {t('jury.admin.col.juror')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('jury.admin.col.nomination')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('jury.conflict.kind')}
                    </th>
                    <th scope="col" className="py-2">
                      {t('jury.admin.col.declared')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {conflicts.map((c) => (
                    <tr key={c.id} className="border-b border-stone-200 align-top">
                      <td className="py-2 pr-3">{c.juror.name}</td>
                      <td className="py-2 pr-3">
                        {c.nomination.structureName} <span className="text-stone-700">({c.nomination.categoryName})</span>
                      </td>
                      <td className="py-2 pr-3">
                        {t(conflictKindLabelKey(c.kind))}
                        {c.note && <span className="block whitespace-pre-line text-stone-700">{c.note}</span>}
                      </td>
                      <td className="py-2">
                        {t(c.declaredBy === 'juror' ? 'jury.admin.byJuror' : 'jury.admin.byOrganiser')} — {c.createdAt}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {activeJurors.length > 0 && nominations.length > 0 && (
            <Form method="post" className="card space-y-4">
              <h3 className="text-lg font-semibold">{t('jury.admin.recordConflict')}</h3>
              <FormErrorSummary errors={conflictResult?.error ? [conflictResult.error] : undefined} />
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField
                  label={t('jury.admin.col.juror')}
                  name="jurorId"
                  id="conflict-juror"
                  required
                  placeholder=""
                  defaultValue={conflictResult?.jurorId ?? ''}
                  options={activeJurors.map((j) => ({ value: j.id, label: j.name }))}
                  errors={conflictResult?.fields.jurorId}
                />
                <SelectField
                  label={t('jury.admin.col.nomination')}
                  name="nominationId"
                  id="conflict-nomination"
                  required
                  placeholder=""
                  options={nominations.map((n) => ({ value: n.id, label: n.label }))}
                  errors={conflictResult?.fields.nominationId}
                />
                <SelectField
                  label={t('jury.conflict.kind')}
                  name="kind"
                  id="conflict-kind"
                  required
                  options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(conflictKindLabelKey(k)) }))}
                  errors={conflictResult?.fields.kind}
                />
              </div>
              <TextareaField
                label={t('jury.conflict.note')}
                name="note"
                id="conflict-note"
                maxLength={MAX_CONFLICT_NOTE_LENGTH}
                rows={2}
                errors={conflictResult?.fields.note}
              />
              <button type="submit" name="intent" value="conflict" className="btn-secondary" disabled={busy}>
                {t('jury.admin.recordSubmit')}
              </button>
            </Form>
          )}
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
