// The call for nominations the organisers share: the public address of the prize and of its
// form, the calendar, and a ready-to-copy text in French (the prize's public language).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { EditionPageHeader, editionPath } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formatDate, formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'prizeReview.call.title')
  return [{ title: d ? `${title} — ${d.edition.title} — Essor` : `${title} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.manage')
  const locale = localeFromRequest(request)
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const publicUrl = absoluteUrl(`/prix/${edition.slug}`)
  const applyUrl = absoluteUrl(`/prix/${edition.slug}/candidater`)
  // The closing instant is exclusive (midnight at the end of the last day): the text names that last day.
  const lastDay = new Date(edition.submissionsCloseAt.getTime() - 1000)
  const fr = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate('fr', key, p)
  const text = [
    fr('prizeReview.call.template.intro', { organisation: organisation.name, title: edition.title }),
    fr('prizeReview.call.template.who'),
    edition.categories.length
      ? fr('prizeReview.call.template.categories', { categories: edition.categories.map((c) => c.name).join(', ') })
      : null,
    fr('prizeReview.call.template.dates', { opens: formatDate('fr', edition.submissionsOpenAt), closes: formatDate('fr', lastDay) }),
    fr('prizeReview.call.template.link', { url: publicUrl }),
  ]
    .filter(Boolean)
    .join('\n\n')
  return {
    org: organisation.slug,
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    published: edition.status === 'published',
    publicUrl,
    applyUrl,
    calendar: {
      opens: formatDateTime(locale, edition.submissionsOpenAt),
      closes: formatDateTime(locale, edition.submissionsCloseAt),
      announcement: edition.announcementAt ? formatDateTime(locale, edition.announcementAt) : null,
    },
    text,
  }
}

export default function CallForNominationsPage() {
  const { org, edition, published, publicUrl, applyUrl, calendar, text } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div>
      <EditionPageHeader orgSlug={org} edition={edition} heading={t('prizeReview.call.title')}>
        <p className="text-sm">
          <Link to={editionPath(org, edition.id, 'nominations')} className="link">
            {t('prizeReview.nav.nominations')}
          </Link>
        </p>
      </EditionPageHeader>
      <div className="space-y-6">
        <p>{t('prizeReview.call.intro')}</p>
        {!published && (
          <div role="status" className="rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-900">
            {t('prizeReview.call.notPublished')}
          </div>
        )}
        <section aria-labelledby="urls-title" className="card space-y-3">
          <h2 id="urls-title" className="text-xl font-semibold">
            {t('prizeReview.call.url')}
          </h2>
          <p>
            <a href={publicUrl} className="link break-all">
              {publicUrl}
            </a>
          </p>
          <p className="font-medium">{t('prizeReview.call.applyUrl')}</p>
          <p>
            <a href={applyUrl} className="link break-all">
              {applyUrl}
            </a>
          </p>
        </section>
        <section aria-labelledby="dates-title" className="card space-y-3">
          <h2 id="dates-title" className="text-xl font-semibold">
            {t('prizeReview.call.dates')}
          </h2>
          <dl className="space-y-2">
            <div className="grid gap-1 sm:grid-cols-3">
              <dt className="font-medium">{t('prizeReview.call.opens')}</dt>
              <dd className="sm:col-span-2">{calendar.opens}</dd>
            </div>
            <div className="grid gap-1 sm:grid-cols-3">
              <dt className="font-medium">{t('prizeReview.call.closes')}</dt>
              <dd className="sm:col-span-2">{calendar.closes}</dd>
            </div>
            {calendar.announcement && (
              <div className="grid gap-1 sm:grid-cols-3">
                <dt className="font-medium">{t('prizeReview.call.announcement')}</dt>
                <dd className="sm:col-span-2">{calendar.announcement}</dd>
              </div>
            )}
          </dl>
        </section>
        <section aria-labelledby="text-title" className="card space-y-3">
          <h2 id="text-title" className="text-xl font-semibold">
            {t('prizeReview.call.text')}
          </h2>
          <label htmlFor="call-text" className="label">
            {t('prizeReview.call.textHelp')}
          </label>
          <textarea id="call-text" className="input min-h-48 w-full" readOnly value={text} lang="fr" />
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
