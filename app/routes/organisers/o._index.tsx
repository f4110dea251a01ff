// /o: the target of the organisation switcher (a GET form with ?slug=, so it works without
// JavaScript) and, without a slug, the organisation chooser where staff of several organisations
// land after signing in.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireUser } from '#app/modules/auth/session.server.ts'
import { membershipsOf, SLUG_PATTERN } from '#app/modules/organisations/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { OrganisationCards } from '#app/ui/organisation-cards.tsx'
import { translate, type Locale } from '#app/utils/i18n.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'chooser.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const slug = new URL(request.url).searchParams.get('slug')
  if (slug !== null) throw redirect(SLUG_PATTERN.test(slug) ? `/o/${slug}` : '/account')
  const { user } = await requireUser(request)
  const memberships = await membershipsOf(user.id)
  if (memberships.length === 0) throw redirect('/account')
  if (memberships.length === 1) throw redirect(`/o/${memberships[0]!.organisation.slug}`)
  return { organisations: memberships.map((m) => ({ slug: m.organisation.slug, name: m.organisation.name, role: m.role })) }
}

export default function OrganisationChooser() {
  const t = useT()
  const { organisations } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="chooser-title" className="mx-auto max-w-2xl space-y-4">
      <h1 id="chooser-title" className="text-3xl font-bold tracking-tight">
        {t('chooser.title')}
      </h1>
      <p className="text-stone-700">{t('chooser.intro')}</p>
      <OrganisationCards organisations={organisations} className="grid gap-3 sm:grid-cols-2" />
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
