// The organisers' jury page of an edition: invite jurors (an emailed personal link), see who joined,
// resend a link, change seats and chairs, remove a juror who drops out; conflicts of interest
// (declared or recorded here) and the likely ones to ask about.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CONFLICT_KINDS, conflictKindLabelKey, MAX_CONFLICT_NOTE_LENGTH, warningReasonLabelKey } from '#app/modules/jury/conflict-rules.ts'
import { likelyConflicts, listConflicts, recordConflict } from '#app/modules/jury/conflicts.server.ts'
import { JUROR_LIMITS } from '#app/modules/jury/juror-rules.ts'
import { reassignFromJuror } from '#app/modules/jury/assignment.server.ts'
import { juryCampaignOf } from '#app/modules/jury/invitation-campaign.server.ts'
import { inviteJuror, listJurors, removeJuror, resendInvitation, updateJurorSeats } from '#app/modules/jury/jurors.server.ts'
import { listNominations } from '#app/modules/nominations/review.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { answerFor, loadOrganiserEdition, type KeyedFormReply } from '#app/route-support/prizes.server.ts'
import { useFormErrors, useFormResult } from '#app/route-support/prize-forms.tsx'
import { inviteJurorFormSchema, jurorButtonSchema, jurorSeatsFormSchema, recordConflictFormSchema } from '#app/modules/jury/admin-schema.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ChoiceGroup, FormErrorSummary, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
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

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'jury.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const actor = { actorUserId: user.id, request }
  const here = new URL(request.url).pathname
  const done = (key: MessageKey) => redirectWithToast(request, here, { type: 'success', key })
  switch (intent) {
    case 'invite':
      return answerFor(
        'invite',
        submitForm(request, formData, inviteJurorFormSchema, async (value) => {
          const result = await inviteJuror(organisation.id, edition.id, value, actor)
          return done(result.reinvited ? 'jury.toast.reinvited' : 'jury.toast.invited')
        }),
      )
    case 'seats':
      return answerFor(
        `seats-${String(formData.get('jurorId') ?? '')}`,
        submitForm(request, formData, jurorSeatsFormSchema, async (value) => {
          await updateJurorSeats(organisation.id, edition.id, value.jurorId, value.categoryIds, value.chairCategoryIds, actor)
          return done('jury.toast.seats')
        }),
      )
    case 'conflict':
      return answerFor(
        'conflict',
        submitForm(request, formData, recordConflictFormSchema, async (value) => {
          await recordConflict(organisation.id, edition.id, value.jurorId, value.nominationId, value, actor)
          return done('jury.toast.conflictRecorded')
        }),
      )
    default:
      return answerFor(
        'page',
        submitForm(request, formData, jurorButtonSchema, async (value) => {
          if (value.intent === 'resend') {
            await resendInvitation(organisation.id, edition.id, value.jurorId, actor)
            return done('jury.toast.resent')
          }
          await removeJuror(organisation.id, edition.id, value.jurorId, actor, (tx, id) =>
            reassignFromJuror(tx, id, actor.actorUserId ?? null),
          )
          return done('jury.toast.removed')
        }),
      )
  }
}

type CategoryOption = { value: string; label: string }

function InviteForm({ categoryOptions }: { categoryOptions: CategoryOption[] }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(inviteJurorFormSchema, {
    id: 'invite',
    lastResult: useFormResult('invite'),
    defaultValue: { locale: 'fr' },
  })
  const tr = (m: string) => t(m as MessageKey)
  const ids = {
    name: 'juror-name',
    email: 'juror-email',
    organisationName: 'juror-organisation',
    categoryIds: 'juror-categories-0',
    chairCategoryIds: 'juror-chairs-0',
  }
  const list = (f: { defaultOptions?: string[]; defaultValue?: string }) => f.defaultOptions ?? (f.defaultValue ? [f.defaultValue] : [])
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value="invite" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('jury.admin.name')}
          name="name"
          id="juror-name"
          required
          maxLength={JUROR_LIMITS.name}
          defaultValue={fields.name.defaultValue ?? ''}
          errors={fields.name.errors?.map(tr)}
          autoComplete="off"
        />
        <TextField
          label={t('jury.admin.email')}
          name="email"
          id="juror-email"
          type="email"
          required
          defaultValue={fields.email.defaultValue ?? ''}
          errors={fields.email.errors?.map(tr)}
          autoComplete="off"
        />
        <TextField
          label={t('jury.admin.organisation')}
          help={t('jury.admin.organisationHelp')}
          name="organisationName"
          id="juror-organisation"
          maxLength={JUROR_LIMITS.organisationName}
          defaultValue={fields.organisationName.defaultValue ?? ''}
          errors={fields.organisationName.errors?.map(tr)}
        />
        <SelectField
          label={t('jury.admin.language')}
          name="locale"
          id="juror-locale"
          defaultValue={fields.locale.defaultValue || 'fr'}
          options={[
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
        />
      </div>
      <ChoiceGroup
        id="juror-categories"
        legend={t('jury.admin.categories')}
        name="categoryIds"
        type="checkbox"
        required
        options={categoryOptions}
        defaultValue={list(fields.categoryIds)}
        errors={fields.categoryIds.errors?.map(tr)}
      />
      <ChoiceGroup
        id="juror-chairs"
        legend={t('jury.admin.chairOf')}
        help={t('jury.admin.chairHelp')}
        name="chairCategoryIds"
        type="checkbox"
        options={categoryOptions}
        defaultValue={list(fields.chairCategoryIds)}
        errors={fields.chairCategoryIds.errors?.map(tr)}
      />
      <button type="submit" className="btn-primary" disabled={busy}>
        {t('jury.admin.inviteSubmit')}
      </button>
    </Form>
  )
}

function SeatsForm({
  juror,
  categoryOptions,
}: {
  juror: { id: string; seats: { categoryId: string; isChair: boolean }[] }
  categoryOptions: CategoryOption[]
}) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const formKey = `seats-${juror.id}`
  const [form, fields] = useZodForm(jurorSeatsFormSchema, {
    id: formKey,
    lastResult: useFormResult(formKey),
    defaultValue: {
      categoryIds: juror.seats.map((s) => s.categoryId),
      chairCategoryIds: juror.seats.filter((s) => s.isChair).map((s) => s.categoryId),
    },
  })
  const tr = (m: string) => t(m as MessageKey)
  const ids = { categoryIds: `${formKey}-categories-0`, chairCategoryIds: `${formKey}-chairs-0` }
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2 space-y-3">
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value="seats" />
      <input type="hidden" name="jurorId" value={juror.id} />
      <ChoiceGroup
        id={`${formKey}-categories`}
        legend={t('jury.admin.categories')}
        name="categoryIds"
        type="checkbox"
        options={categoryOptions}
        defaultValue={juror.seats.map((s) => s.categoryId)}
        errors={fields.categoryIds.errors?.map(tr)}
      />
      <ChoiceGroup
        id={`${formKey}-chairs`}
        legend={t('jury.admin.chairOf')}
        name="chairCategoryIds"
        type="checkbox"
        options={categoryOptions}
        defaultValue={juror.seats.filter((s) => s.isChair).map((s) => s.categoryId)}
        errors={fields.chairCategoryIds.errors?.map(tr)}
      />
      <button type="submit" className="btn-secondary" disabled={busy}>
        {t('jury.admin.saveSeats')}
      </button>
    </Form>
  )
}

function ConflictForm({ jurors, nominations }: { jurors: { id: string; name: string }[]; nominations: { id: string; label: string }[] }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(recordConflictFormSchema, { id: 'conflict', lastResult: useFormResult('conflict') })
  const tr = (m: string) => t(m as MessageKey)
  const ids = { jurorId: 'conflict-juror', nominationId: 'conflict-nomination', kind: 'conflict-kind', note: 'conflict-note' }
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4">
      <h3 className="text-lg font-semibold">{t('jury.admin.recordConflict')}</h3>
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value="conflict" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('jury.admin.col.juror')}
          name="jurorId"
          id="conflict-juror"
          required
          placeholder=""
          defaultValue={fields.jurorId.defaultValue ?? ''}
          options={jurors.map((j) => ({ value: j.id, label: j.name }))}
          errors={fields.jurorId.errors?.map(tr)}
        />
        <SelectField
          label={t('jury.admin.col.nomination')}
          name="nominationId"
          id="conflict-nomination"
          required
          placeholder=""
          defaultValue={fields.nominationId.defaultValue ?? ''}
          options={nominations.map((n) => ({ value: n.id, label: n.label }))}
          errors={fields.nominationId.errors?.map(tr)}
        />
        <SelectField
          label={t('jury.conflict.kind')}
          name="kind"
          id="conflict-kind"
          required
          defaultValue={fields.kind.defaultValue ?? ''}
          options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(conflictKindLabelKey(k)) }))}
          errors={fields.kind.errors?.map(tr)}
        />
      </div>
      <TextareaField
        label={t('jury.conflict.note')}
        name="note"
        id="conflict-note"
        maxLength={MAX_CONFLICT_NOTE_LENGTH}
        rows={2}
        defaultValue={fields.note.defaultValue ?? ''}
        errors={fields.note.errors?.map(tr)}
      />
      <button type="submit" className="btn-secondary" disabled={busy}>
        {t('jury.admin.recordSubmit')}
      </button>
    </Form>
  )
}

export default function EditionJury() {
  const t = useT()
  const { organisation, edition, categories, trackingUrl, jurors, conflicts, warnings, nominations } = useLoaderData<typeof loader>()
  const result = useActionData<KeyedFormReply>()
  const pageErrors = useFormErrors('page')
  const busy = useNavigation().state === 'submitting'
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
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />

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
                            <details open={result?.formKey === `seats-${j.id}`}>
                              <summary className="link cursor-pointer">
                                {t('jury.admin.changeSeats')}
                                <span className="sr-only"> — {j.name}</span>
                              </summary>
                              <SeatsForm juror={j} categoryOptions={categoryOptions} />
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
          {/* Keyed by the count so that, once someone is invited, the form comes back empty. */}
          <InviteForm key={jurors.length} categoryOptions={categoryOptions} />
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
            <ConflictForm key={conflicts.length} jurors={activeJurors} nominations={nominations} />
          )}
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
