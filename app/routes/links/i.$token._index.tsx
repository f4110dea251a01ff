// A campaign recipient's personal link: records the first click, then leads to the registration
// form (prefilled), the call for nominations, or, for an announcement, a simple page.
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { followInvitation, getInvitation } from '#app/modules/campaigns/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin', 'X-Robots-Tag': 'noindex' }

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'campaigns.invite.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const next = await followInvitation(token)
  if (!next) throw notFound()
  if (next.to) throw redirect(next.to, { headers: PRIVATE })
  const invitation = await getInvitation(token)
  if (!invitation) throw notFound()
  return data({ organisationName: invitation.organisationName, title: invitation.targetTitle }, { headers: PRIVATE })
}

export default function InvitationLanding() {
  const t = useT()
  const { organisationName, title } = useLoaderData<typeof loader>()
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('campaigns.announcement.title', { organisation: organisationName })}</h1>
      {title && <p className="text-lg">{title}</p>}
      <p>
        <Link to="/" className="link">
          {t('app.name')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
