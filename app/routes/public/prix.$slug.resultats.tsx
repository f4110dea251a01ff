// The public results of a prize edition once published: laureates and mentions per category.
// Before publication the page does not exist (404).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { publicResults } from '#app/modules/jury/deliberation.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { formatDate } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  if (!d) return []
  return [{ title: `${translate(root?.locale ?? 'fr', 'juryAdmin.public.title', { title: d.edition.title })} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const results = await publicResults(params.slug ?? '')
  if (!results) throw notFound()
  const locale = localeFromRequest(request)
  return {
    edition: { slug: results.slug, title: results.title, organisation: results.organisation.name, publishedAt: formatDate(locale, results.resultsPublishedAt!) },
    categories: results.categories,
  }
}

export default function PrizeResultsPage() {
  const t = useT()
  const { edition, categories } = useLoaderData<typeof loader>()
  return (
    <article className="space-y-8" aria-labelledby="results-title">
      <header className="space-y-2">
        <p className="text-sm font-medium text-stone-700">
          <Link to={`/prix/${edition.slug}`} className="link">{t('juryAdmin.public.back')}</Link> · {edition.organisation}
        </p>
        <h1 id="results-title" className="text-3xl font-bold tracking-tight sm:text-4xl">{t('juryAdmin.public.title', { title: edition.title })}</h1>
        <p>{t('juryAdmin.public.intro', { date: edition.publishedAt })}</p>
      </header>
      {categories.map((c) => (
        <section key={c.id} aria-labelledby={`cat-${c.id}`} className="space-y-3">
          <h2 id={`cat-${c.id}`} className="text-2xl font-semibold">{c.name}</h2>
          {c.awards.length === 0 ? (
            <p>{t('juryAdmin.public.none')}</p>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {c.awards.map((a) => (
                <li key={a.id} className="card space-y-1">
                  <p className={`text-sm font-semibold uppercase ${a.decision === 'laureate' ? 'text-brand-700' : 'text-stone-700'}`}>
                    {a.decision === 'laureate' ? t('juryAdmin.public.laureate') : t('juryAdmin.public.mention')}
                  </p>
                  <h3 className="text-lg font-semibold">{a.structureName}</h3>
                  {a.projectTitle && <p>{a.projectTitle}</p>}
                  {a.town && <p className="text-sm text-stone-700">{a.town}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
