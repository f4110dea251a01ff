import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listOrganisations } from '#app/modules/organisations/service.server.ts'
import { useRootData } from '#app/root.tsx'
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'

export async function loader(_: LoaderFunctionArgs) {
  const organisations = await listOrganisations()
  return { organisations: organisations.map((o) => ({ slug: o.slug, name: o.name, region: o.region })) }
}

export default function Home() {
  const { organisations } = useLoaderData<typeof loader>()
  const root = useRootData()
  const t = useT()
  const mine = root?.organisations ?? []
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title">
        <h1 id="home-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          {t('home.title')}
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-stone-700">{t('home.intro')}</p>
      </section>
      {mine.length > 0 && (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title" className="text-xl font-semibold">
            {t('home.yourOrganisations')}
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {mine.map((o) => (
              <li key={o.slug} className="card">
                <Link to={`/o/${o.slug}`} className="link font-semibold">
                  {o.name}
                </Link>
                <p className="text-sm text-stone-600">{t(`home.role.${o.role}` as MessageKey)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="orgs-title">
        <h2 id="orgs-title" className="text-xl font-semibold">
          {t('home.organisations')}
        </h2>
        {organisations.length === 0 ? (
          <p className="mt-3 text-stone-700">{t('home.empty')}</p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {organisations.map((o) => (
              <li key={o.slug} className="card">
                <p className="font-semibold">{o.name}</p>
                {o.region && <p className="text-sm text-stone-600">{o.region}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
