// Staff dashboard of one organisation. Events and the rest arrive with later issues.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { API_TOKEN_ROLES } from '#app/modules/auth/api-token.server.ts'
import { ANY_STAFF_ROLE, requireMembership } from '#app/modules/auth/session.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.organisation.name} — Essor` : 'Essor' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, role } = await requireMembership(request, params.org, ANY_STAFF_ROLE)
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    role,
    canManageTokens: API_TOKEN_ROLES.includes(role),
  }
}

export default function OrganisationDashboard() {
  const t = useT()
  const { organisation, role, canManageTokens } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{organisation.name}</h1>
        <p className="mt-2 text-stone-700">{t('auth.org.yourRole', { role: t(`auth.role.${role}` as MessageKey) })}</p>
      </header>
      <p className="text-stone-700">{t('auth.org.soon')}</p>
      {canManageTokens && (
        <nav aria-label={organisation.name}>
          <ul className="flex flex-wrap gap-3">
            <li>
              <Link to={`/o/${organisation.slug}/tokens`} className="btn-secondary">
                {t('auth.org.apiTokens')}
              </Link>
            </li>
          </ul>
        </nav>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
