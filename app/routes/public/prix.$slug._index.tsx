// A prize edition's public page: presentation, categories, calendar (Paris time), who may apply,
// the rules, and the way to apply while submissions are open.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { legalFormLabelKey, submissionWindow } from '#app/modules/prizes/rules.ts'
import { getPublicEdition } from '#app/modules/prizes/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return []
  const { edition } = data
  return [
    { title: `${edition.title} — ${edition.organisation}` },
    { name: 'description', content: edition.summary },
  ]
}

/** The dates that are set, in the calendar's order. */
function calendarRows(rows: [MessageKey, string | null][]) {
  return rows.flatMap(([key, value]) => (value === null ? [] : [{ key, value }]))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = await getPublicEdition(params.slug ?? '')
  if (!edition) throw notFound()
  const locale = localeFromRequest(request)
  const at = (d: Date | null) => (d ? formatDateTime(locale, d) : null)
  return {
    edition: {
      slug: edition.slug,
      title: edition.title,
      organisation: edition.organisation.name,
      summary: edition.description.replace(/[#*_>`[\]()!-]/g, '').replace(/\s+/g, ' ').trim().slice(0, 200),
      descriptionHtml: edition.descriptionHtml,
      rulesHtml: edition.rulesHtml,
      window: submissionWindow(edition),
      publicVoteEnabled: edition.publicVoteEnabled,
      calendar: calendarRows([
        ['prize.field.submissionsOpenAt', at(edition.submissionsOpenAt)],
        ['prize.field.submissionsCloseAt', at(edition.submissionsCloseAt)],
        ['prize.field.juryStartsAt', at(edition.juryStartsAt)],
        ['prize.field.juryEndsAt', at(edition.juryEndsAt)],
        ['prize.field.voteOpensAt', edition.publicVoteEnabled ? at(edition.voteOpensAt) : null],
        ['prize.field.voteClosesAt', edition.publicVoteEnabled ? at(edition.voteClosesAt) : null],
        ['prize.field.announcementAt', at(edition.announcementAt)],
      ]),
      opens: at(edition.submissionsOpenAt)!,
      closes: at(edition.submissionsCloseAt)!,
      legalForms: edition.eligibleLegalForms.map((f) => translate(locale, legalFormLabelKey(f))),
      minAgeYears: edition.minAgeYears,
      departements: edition.eligibleDepartements,
      categories: edition.categories,
    },
  }
}

export default function PublicPrize() {
  const t = useT()
  const { edition } = useLoaderData<typeof loader>()
  const markdownClasses = 'prose mt-3 max-w-3xl space-y-3 [&_a]:text-brand-700 [&_a]:underline [&_h3]:text-xl [&_h3]:font-semibold [&_h4]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6'
  return (
    <article className="space-y-8" aria-labelledby="prize-title">
      <header className="space-y-3">
        <p className="text-sm font-medium text-stone-700">
          <Link to="/prix" className="link">
            {t('prizes.public.listTitle')}
          </Link>{' '}
          · {edition.organisation}
        </p>
        <h1 id="prize-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          {edition.title}
        </h1>
      </header>

      <section aria-labelledby="apply-title" className="card space-y-3">
        <h2 id="apply-title" className="text-xl font-semibold">
          {t('prizes.public.applyTitle')}
        </h2>
        <p>{t(`prizes.public.window.${edition.window}`, { opens: edition.opens, closes: edition.closes })}</p>
        {edition.window === 'open' && (
          <p>
            <Link to={`/prix/${edition.slug}/candidater`} className="btn-primary px-6 py-3 text-base">
              {t('prizes.public.apply')}
            </Link>
          </p>
        )}
        {edition.publicVoteEnabled && (
          <p>
            <Link to={`/prix/${edition.slug}/vote`} className="btn-secondary">
              {t('votes.admin.title')}
            </Link>
          </p>
        )}
      </section>

      {edition.descriptionHtml && (
        <section aria-labelledby="about-title">
          <h2 id="about-title" className="text-2xl font-semibold">
            {t('prizes.public.about')}
          </h2>
          {/* Rendered by markdown.server.ts: raw HTML escaped, only http(s)/mailto links. */}
          <div className={markdownClasses} dangerouslySetInnerHTML={{ __html: edition.descriptionHtml }} />
        </section>
      )}

      {edition.categories.length > 0 && (
        <section aria-labelledby="categories-title">
          <h2 id="categories-title" className="text-2xl font-semibold">
            {t('prizes.public.categories')}
          </h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {edition.categories.map((c) => (
              <li key={c.id} className="card space-y-1">
                <h3 className="text-lg font-semibold">{c.name}</h3>
                <p className="text-sm text-stone-700">{t('prizes.public.awards', { count: c.awards })}</p>
                {c.description && <p className="whitespace-pre-line">{c.description}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title" className="text-2xl font-semibold">
          {t('prizes.summary.calendar')}
        </h2>
        <p className="text-sm text-stone-700">{t('prize.field.timesHelp')}</p>
        <dl className="mt-3 grid gap-3 sm:grid-cols-2">
          {edition.calendar.map((row) => (
            <div key={row.key}>
              <dt className="text-sm font-semibold text-stone-700">{t(row.key)}</dt>
              <dd className="mt-1">{row.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="eligibility-title">
        <h2 id="eligibility-title" className="text-2xl font-semibold">
          {t('prizes.public.eligibility')}
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>{edition.legalForms.length ? t('prizes.public.legalForms', { forms: edition.legalForms.join(', ') }) : t('prizes.public.anyLegalForm')}</li>
          {edition.minAgeYears > 0 && <li>{t('prizes.public.minAge', { years: edition.minAgeYears })}</li>}
          <li>{edition.departements.length ? t('prizes.public.departements', { list: edition.departements.join(', ') }) : t('prizes.public.anywhere')}</li>
        </ul>
      </section>

      {edition.rulesHtml && (
        <section aria-labelledby="rules-title">
          <h2 id="rules-title" className="text-2xl font-semibold">
            {t('prizes.public.rules')}
          </h2>
          <div className={markdownClasses} dangerouslySetInnerHTML={{ __html: edition.rulesHtml }} />
        </section>
      )}
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
