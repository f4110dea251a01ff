// A sibling of the list (the "_" after "nominations"), not its child: the list has no <Outlet>.
// One nomination for the edition's organisers: everything submitted, the attachments (downloaded
// through a staff-only route), the automatic check against the edition's rules, and the review:
// confirm eligible, declare ineligible with a reason (emailed to the contact), shortlist.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { MAX_REASON_LENGTH, nominationStatusLabelKey } from '#app/modules/nominations/statuses.ts'
import {
  canDecide,
  confirmEligible,
  declareIneligible,
  getNominationForReview,
  shortlist,
  unshortlist,
} from '#app/modules/nominations/review.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { answerFor, loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { useFormErrors, useFormResult } from '#app/route-support/prize-forms.tsx'
import { declareIneligibleFormSchema, reviewButtonSchema } from '#app/modules/nominations/schema.ts'
import { eligibilityOf, LEGAL_FORMS, legalFormLabelKey, reasonLabelKey } from '#app/modules/prizes/rules.ts'
import { AttachmentList, EditionPageHeader, editionPath } from '#app/modules/prizes/ui.tsx'
import { answerText } from '#app/modules/registrations/export-format.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextareaField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { formatDate, formatDateTime } from '#app/shared/time.ts'
import { formatMoney, localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { notFound } from '#app/utils/http.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { Detail } from '#app/ui/detail.tsx'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = d?.nomination.structureName || translate(root?.locale ?? 'fr', 'prizeReview.list.title')
  return [{ title: `${title} — Essor` }]
}

async function loadNomination(organisationId: string, editionId: string, nominationId: string | undefined) {
  try {
    return await getNominationForReview(organisationId, editionId, nominationId ?? '')
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    throw error
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'nomination.review')
  const locale = localeFromRequest(request)
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const n = await loadNomination(organisation.id, edition.id, params.nominationId)
  const rules = eligibilityOf(n, edition)
  const path = editionPath(organisation.slug, edition.id, `nominations/${n.id}`)
  return {
    org: organisation.slug,
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    nomination: {
      id: n.id,
      status: n.status,
      structureName: n.structureName,
      siret: n.siret,
      legalForm:
        n.legalForm && (LEGAL_FORMS as readonly string[]).includes(n.legalForm)
          ? translate(locale, legalFormLabelKey(n.legalForm))
          : n.legalForm,
      creationDate: n.creationDate ? formatDate(locale, n.creationDate) : null,
      address: [n.address, [n.postalCode, n.town].filter(Boolean).join(' ')].filter(Boolean).join(', '),
      departement: n.departement,
      employees: n.employees,
      volunteers: n.volunteers,
      budget: n.budgetCents === null ? null : formatMoney(locale, n.budgetCents),
      contactName: `${n.contactFirstName} ${n.contactLastName}`.trim(),
      contactEmail: n.contactEmail,
      contactPhone: n.contactPhone,
      locale: n.locale,
      category: n.category?.name ?? null,
      projectTitle: n.projectTitle,
      projectDescription: n.projectDescription,
      impact: n.impact,
      submittedAt: n.submittedAt ? formatDateTime(locale, n.submittedAt) : null,
      reviewedAt: n.reviewedAt ? formatDateTime(locale, n.reviewedAt) : null,
      eligibilityReason: n.eligibilityReason,
      answers: edition.questions.map((q) => ({ id: q.id, label: q.label, answer: answerText(n.answers[q.id], locale) })),
      attachments: n.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size, href: `${path}/attachments/${a.id}` })),
    },
    rules: { eligible: rules.eligible, reasons: rules.reasons.map((r) => translate(locale, reasonLabelKey(r))) },
    can: {
      confirmEligible: canDecide('confirmEligible', n.status),
      declareIneligible: canDecide('declareIneligible', n.status),
      shortlist: canDecide('shortlist', n.status),
      unshortlist: canDecide('unshortlist', n.status),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'nomination.review')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const nominationId = params.nominationId ?? ''
  const formData = await request.formData()
  const here = editionPath(organisation.slug, edition.id, `nominations/${nominationId}`)
  const actor = { actorUserId: user.id }
  const done = (intent: string) => redirectWithToast(request, here, { type: 'success', key: `prizeReview.toast.${intent}` as MessageKey })
  if (formData.get('intent') === 'declareIneligible') {
    return answerFor(
      'declare',
      submitForm(request, formData, declareIneligibleFormSchema, async ({ reason }) => {
        await declareIneligible(organisation.id, edition.id, nominationId, reason, actor)
        return done('declareIneligible')
      }),
    )
  }
  return answerFor(
    'page',
    submitForm(request, formData, reviewButtonSchema, async ({ intent }) => {
      const decide = { confirmEligible, shortlist, unshortlist }[intent]
      await decide(organisation.id, edition.id, nominationId, actor)
      return done(intent)
    }),
  )
}

/** Declaring the nomination ineligible, with the reason emailed to its contact. */
function DeclareIneligibleForm() {
  const t = useT()
  const busy = useNavigation().state !== 'idle'
  const [form, fields] = useZodForm(declareIneligibleFormSchema, { id: 'declare', lastResult: useFormResult('declare') })
  const tr = (m: string) => t(m as MessageKey)
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-200 pt-4">
      <FormErrorSummary links={summaryEntries(form, { reason: 'ineligible-reason' }, tr)} />
      <input type="hidden" name="intent" value="declareIneligible" />
      <TextareaField
        label={t('prizeReview.action.reasonLabel')}
        name="reason"
        id="ineligible-reason"
        required
        maxLength={MAX_REASON_LENGTH}
        defaultValue={fields.reason.defaultValue ?? ''}
        errors={fields.reason.errors?.map(tr)}
      />
      <button type="submit" className="btn-danger" disabled={busy}>
        {t('prizeReview.action.declareIneligible')}
      </button>
    </Form>
  )
}

export default function NominationPage() {
  const { org, edition, nomination: n, rules, can } = useLoaderData<typeof loader>()
  const pageErrors = useFormErrors('page')
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const t = useT()
  const dash = '—'
  return (
    <div>
      <EditionPageHeader orgSlug={org} edition={edition} heading={n.structureName || t('prizeReview.unnamed')}>
        <p className="text-sm">
          <Link to={editionPath(org, edition.id, 'nominations')} className="link">
            <span aria-hidden="true">← </span>
            {t('prizeReview.detail.back')}
          </Link>
        </p>
      </EditionPageHeader>

      <div className="space-y-6">
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />

        <section aria-labelledby="review-title" className="card space-y-4">
          <h2 id="review-title" className="text-xl font-semibold">
            {t('prizeReview.detail.review')}
          </h2>
          <p>
            <span className="font-medium">{t('prizeReview.col.status')} : </span>
            {t(nominationStatusLabelKey(n.status))}
            {n.reviewedAt && <span className="text-stone-600"> — {t('prizeReview.detail.reviewedAt', { date: n.reviewedAt })}</span>}
          </p>
          {n.eligibilityReason && (
            <div>
              <p className="font-medium">{t('prizeReview.detail.reason')}</p>
              <p className="whitespace-pre-line">{n.eligibilityReason}</p>
            </div>
          )}
          <div>
            <p className="font-medium">{t('prizeReview.detail.autoEligibility')}</p>
            {rules.eligible ? (
              <p>{t('prizeReview.detail.autoEligible')}</p>
            ) : (
              <ul className="list-disc pl-6">
                {rules.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </div>
          {!can.confirmEligible && !can.declareIneligible && !can.shortlist && !can.unshortlist ? (
            <p>{t('prizeReview.detail.notReviewable')}</p>
          ) : (
            <div className="flex flex-wrap gap-3">
              {can.confirmEligible && (
                <Form method="post">
                  <input type="hidden" name="intent" value="confirmEligible" />
                  <button type="submit" className="btn-primary" disabled={busy}>
                    {t('prizeReview.action.confirmEligible')}
                  </button>
                </Form>
              )}
              {can.shortlist && (
                <Form method="post">
                  <input type="hidden" name="intent" value="shortlist" />
                  <button type="submit" className="btn-primary" disabled={busy}>
                    {t('prizeReview.action.shortlist')}
                  </button>
                </Form>
              )}
              {can.unshortlist && (
                <Form method="post">
                  <input type="hidden" name="intent" value="unshortlist" />
                  <button type="submit" className="btn-secondary" disabled={busy}>
                    {t('prizeReview.action.unshortlist')}
                  </button>
                </Form>
              )}
            </div>
          )}
          {can.declareIneligible && <DeclareIneligibleForm />}
        </section>

        <section aria-labelledby="structure-title" className="card space-y-4">
          <h2 id="structure-title" className="text-xl font-semibold">
            {t('prizeReview.detail.structure')}
          </h2>
          <dl className="space-y-3">
            <Detail label={t('prizeReview.field.siret')}>{n.siret || dash}</Detail>
            <Detail label={t('prizeReview.field.legalForm')}>{n.legalForm || dash}</Detail>
            <Detail label={t('prizeReview.field.creationDate')}>{n.creationDate ?? dash}</Detail>
            <Detail label={t('prizeReview.field.address')}>{n.address || dash}</Detail>
            <Detail label={t('prizeReview.field.departement')}>{n.departement || dash}</Detail>
            <Detail label={t('prizeReview.field.employees')}>{n.employees ?? dash}</Detail>
            <Detail label={t('prizeReview.field.volunteers')}>{n.volunteers ?? dash}</Detail>
            <Detail label={t('prizeReview.field.budget')}>{n.budget ?? dash}</Detail>
          </dl>
        </section>

        <section aria-labelledby="contact-title" className="card space-y-4">
          <h2 id="contact-title" className="text-xl font-semibold">
            {t('prizeReview.detail.contact')}
          </h2>
          <dl className="space-y-3">
            <Detail label={t('prizeReview.field.name')}>{n.contactName || dash}</Detail>
            <Detail label={t('prizeReview.field.email')}>
              <a href={`mailto:${n.contactEmail}`} className="link">
                {n.contactEmail}
              </a>
            </Detail>
            <Detail label={t('prizeReview.field.phone')}>{n.contactPhone || dash}</Detail>
            <Detail label={t('prizeReview.field.locale')}>{n.locale}</Detail>
            <Detail label={t('prizeReview.field.submittedAt')}>{n.submittedAt ?? dash}</Detail>
          </dl>
        </section>

        <section aria-labelledby="project-title" className="card space-y-4">
          <h2 id="project-title" className="text-xl font-semibold">
            {t('prizeReview.detail.project')}
          </h2>
          <dl className="space-y-3">
            <Detail label={t('prizeReview.col.category')}>{n.category ?? t('prizeReview.noCategory')}</Detail>
            <Detail label={t('prizeReview.field.title')}>{n.projectTitle || dash}</Detail>
            <Detail label={t('prizeReview.field.description')}>{n.projectDescription || dash}</Detail>
            <Detail label={t('prizeReview.field.impact')}>{n.impact || dash}</Detail>
          </dl>
        </section>

        {n.answers.length > 0 && (
          <section aria-labelledby="answers-title" className="card space-y-4">
            <h2 id="answers-title" className="text-xl font-semibold">
              {t('prizeReview.detail.answers')}
            </h2>
            <dl className="space-y-3">
              {n.answers.map((a) => (
                <Detail key={a.id} label={a.label}>
                  {a.answer || dash}
                </Detail>
              ))}
            </dl>
          </section>
        )}

        <section aria-labelledby="attachments-title" className="card space-y-4">
          <h2 id="attachments-title" className="text-xl font-semibold">
            {t('prizeReview.detail.attachments')}
          </h2>
          <AttachmentList attachments={n.attachments} empty={t('prizeReview.detail.noAttachments')} />
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
