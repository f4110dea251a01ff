// An edition's summary for organisers: calendar, eligibility, categories, and the lifecycle
// actions (publish, archive, copy to another year). Archiving asks for confirmation first
// (a page state, so it works without JavaScript).
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { answerFor, loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { useFormErrors, useFormResult } from '#app/route-support/prize-forms.tsx'
import { legalFormLabelKey, submissionWindow } from '#app/modules/prizes/rules.ts'
import { copyFormSchema, editionButtonSchema, PRIZE_LIMITS } from '#app/modules/prizes/schema.ts'
import { archiveEdition, copyEdition, publishBlock, publishEdition } from '#app/modules/prizes/service.server.ts'
import { EditionPageHeader, editionPath } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { Detail } from '#app/ui/detail.tsx'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${d?.edition.title ?? translate(root?.locale ?? 'fr', 'prizes.list.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.view')
  const locale = localeFromRequest(request)
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const at = (d: Date | null) => (d ? formatDateTime(locale, d) : null)
  return {
    organisation: { slug: organisation.slug },
    confirmArchive: new URL(request.url).searchParams.get('confirm') === 'archive' && edition.status !== 'archived',
    publishBlock: publishBlock(edition),
    edition: {
      id: edition.id,
      slug: edition.slug,
      title: edition.title,
      year: edition.year,
      status: edition.status,
      editable: edition.editable,
      window: submissionWindow(edition),
      calendar: {
        submissionsOpenAt: at(edition.submissionsOpenAt),
        submissionsCloseAt: at(edition.submissionsCloseAt),
        juryStartsAt: at(edition.juryStartsAt),
        juryEndsAt: at(edition.juryEndsAt),
        announcementAt: at(edition.announcementAt),
        voteOpensAt: edition.publicVoteEnabled ? at(edition.voteOpensAt) : null,
        voteClosesAt: edition.publicVoteEnabled ? at(edition.voteClosesAt) : null,
      },
      legalForms: edition.eligibleLegalForms,
      minAgeYears: edition.minAgeYears,
      departements: edition.eligibleDepartements,
      nominationCount: edition.nominationCount,
      categories: edition.categories.map((c) => ({
        id: c.id,
        name: c.name,
        awards: c.awards,
        criteria: c.criteria.length,
        scale: `${c.scaleMin}–${c.scaleMax}`,
      })),
      questions: edition.questions.length,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'prize.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  const here = editionPath(organisation.slug, edition.id)
  const actor = { actorUserId: user.id, request }
  if (formData.get('intent') === 'copy') {
    return answerFor(
      'copy',
      submitForm(request, formData, copyFormSchema, async (value) => {
        const copy = await copyEdition(organisation.id, edition.id, value, actor)
        return redirectWithToast(request, editionPath(organisation.slug, copy.id), {
          type: 'success',
          key: 'prizes.toast.copied',
          params: { year: copy.year },
        })
      }),
    )
  }
  return answerFor(
    'page',
    submitForm(request, formData, editionButtonSchema, async (value) => {
      if (value.intent === 'publish') await publishEdition(organisation.id, edition.id, actor)
      else await archiveEdition(organisation.id, edition.id, actor)
      return redirectWithToast(request, here, {
        type: 'success',
        key: value.intent === 'publish' ? 'prizes.toast.published' : 'prizes.toast.archived',
      })
    }),
  )
}

function CopyForm({ year }: { year: number }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(copyFormSchema, {
    id: 'copy',
    lastResult: useFormResult('copy'),
    defaultValue: { year: String(year + 1) },
  })
  const tr = (e: string) => t(e as MessageKey)
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={summaryEntries(form, { year: 'copy-year' }, tr)} />
      <input type="hidden" name="intent" value="copy" />
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          name="year"
          id="copy-year"
          type="number"
          inputMode="numeric"
          min={PRIZE_LIMITS.yearMin}
          max={PRIZE_LIMITS.yearMax}
          label={t('prize.field.year')}
          defaultValue={String(fields.year.defaultValue ?? '')}
          required
          errors={fields.year.errors?.map(tr)}
          className="max-w-40"
        />
        <button type="submit" className="btn-secondary" disabled={busy}>
          {t('prizes.copy.submit')}
        </button>
      </div>
    </Form>
  )
}

export default function EditionSummary() {
  const t = useT()
  const { organisation, edition, confirmArchive, publishBlock: block } = useLoaderData<typeof loader>()
  const pageErrors = useFormErrors('page')
  const busy = useNavigation().state === 'submitting'
  const base = editionPath(organisation.slug, edition.id)
  const c = edition.calendar
  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} />
      <div className="space-y-6">
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />

        {confirmArchive && (
          <section aria-labelledby="confirm-title" className="card space-y-4 border-amber-700">
            <h2 id="confirm-title" className="text-xl font-semibold">
              {t('prizes.confirm.archive.title')}
            </h2>
            <p>{t('prizes.confirm.archive.body')}</p>
            <Form method="post" action={base} className="flex flex-wrap gap-3">
              <input type="hidden" name="intent" value="archive" />
              <button type="submit" className="btn-danger" disabled={busy}>
                {t('prizes.confirm.archive.submit')}
              </button>
              <Link to={base} className="btn-secondary">
                {t('prizes.confirm.back')}
              </Link>
            </Form>
          </section>
        )}

        <section aria-labelledby="status-title" className="card space-y-3">
          <h2 id="status-title" className="text-xl font-semibold">
            {t('prizes.summary.status')}
          </h2>
          <p>{t(`prizes.summary.window.${edition.window}` as MessageKey)}</p>
          {edition.status === 'published' && (
            <p>
              <Link to={`/prix/${edition.slug}`} className="link">
                {t('prizes.summary.publicPage')}
              </Link>
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            {edition.status === 'draft' && (
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <button
                  type="submit"
                  className="btn-primary"
                  disabled={busy || Boolean(block)}
                  aria-describedby={block ? 'publish-block' : undefined}
                >
                  {t('prizes.summary.publish')}
                </button>
              </Form>
            )}
            {edition.status !== 'archived' && !confirmArchive && (
              <Link to={`${base}?confirm=archive`} className="btn-secondary">
                {t('prizes.summary.archive')}
              </Link>
            )}
          </div>
          {edition.status === 'draft' && block && (
            <p id="publish-block" className="text-sm text-stone-700">
              {t(block)}
            </p>
          )}
        </section>

        <section aria-labelledby="calendar-title" className="card space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="calendar-title" className="text-xl font-semibold">
              {t('prizes.summary.calendar')}
            </h2>
            {edition.editable && (
              <Link to={`${base}/edit`} className="btn-secondary">
                {t('prizes.summary.edit')}
              </Link>
            )}
            <Link to={`/o/${organisation.slug}/campaigns/new?editionId=${edition.id}`} className="btn-secondary">
              {t('campaigns.start')}
            </Link>
          </div>
          <p className="text-sm text-stone-700">{t('prize.field.timesHelp')}</p>
          <dl className="space-y-3">
            <Detail label={t('prize.field.submissionsOpenAt')}>{c.submissionsOpenAt}</Detail>
            <Detail label={t('prize.field.submissionsCloseAt')}>{c.submissionsCloseAt}</Detail>
            <Detail label={t('prize.field.juryStartsAt')}>{c.juryStartsAt ?? t('prizes.summary.notSet')}</Detail>
            <Detail label={t('prize.field.juryEndsAt')}>{c.juryEndsAt ?? t('prizes.summary.notSet')}</Detail>
            <Detail label={t('prize.field.announcementAt')}>{c.announcementAt ?? t('prizes.summary.notSet')}</Detail>
            {c.voteOpensAt && <Detail label={t('prize.field.voteOpensAt')}>{c.voteOpensAt}</Detail>}
            {c.voteClosesAt && <Detail label={t('prize.field.voteClosesAt')}>{c.voteClosesAt}</Detail>}
          </dl>
        </section>

        <section aria-labelledby="eligibility-title" className="card space-y-4">
          <h2 id="eligibility-title" className="text-xl font-semibold">
            {t('prizes.form.eligibility')}
          </h2>
          <dl className="space-y-3">
            <Detail label={t('prize.field.eligibleLegalForms')}>
              {edition.legalForms.length
                ? edition.legalForms.map((f) => t(legalFormLabelKey(f))).join(', ')
                : t('prizes.summary.anyLegalForm')}
            </Detail>
            <Detail label={t('prize.field.minAgeYears')}>{edition.minAgeYears}</Detail>
            <Detail label={t('prize.field.eligibleDepartements')}>
              {edition.departements.length ? edition.departements.join(', ') : t('prizes.summary.anywhere')}
            </Detail>
          </dl>
        </section>

        <section aria-labelledby="categories-title" className="card space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="categories-title" className="text-xl font-semibold">
              {t('prizes.nav.categories')}
            </h2>
            <Link to={`${base}/categories`} className="btn-secondary">
              {t('prizes.summary.manageCategories')}
            </Link>
          </div>
          {edition.categories.length === 0 ? (
            <p>{t('prizes.categories.empty')}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {edition.categories.map((cat) => (
                <li key={cat.id}>
                  {t('prizes.summary.categoryLine', { name: cat.name, awards: cat.awards, criteria: cat.criteria, scale: cat.scale })}
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm text-stone-700">
            {t('prizes.summary.counts', { questions: edition.questions, nominations: edition.nominationCount })}
          </p>
        </section>

        <section aria-labelledby="copy-title" className="card space-y-3">
          <h2 id="copy-title" className="text-xl font-semibold">
            {t('prizes.copy.title')}
          </h2>
          <p>{t('prizes.copy.intro')}</p>
          <CopyForm year={edition.year} />
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
