// The organisation's email campaigns: status, recipients, and the way to start one.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireMembership } from '#app/modules/auth/session.server.ts'
import { listCampaigns } from '#app/modules/campaigns/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime, localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'campaigns.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireMembership(request, params.org, ['admin', 'organiser'])
  const locale = localeFromRequest(request)
  const campaigns = await listCampaigns(organisation.id)
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    campaigns: campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      status: c.status,
      recipients: c.recipients,
      date: formatDateTime(locale, c.sentAt ?? c.scheduledAt ?? c.createdAt),
    })),
  }
}

export default function Campaigns() {
  const t = useT()
  const { organisation, campaigns } = useLoaderData<typeof loader>()
  const base = `/o/${organisation.slug}/campaigns`
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-stone-700">
            <Link to={`/o/${organisation.slug}`} className="link">
              {organisation.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold tracking-tight">{t('campaigns.title')}</h1>
          <p className="mt-1 text-stone-700">{t('campaigns.intro')}</p>
        </div>
        <Link to={`${base}/new`} className="btn-primary">
          {t('campaigns.new')}
        </Link>
      </div>
      {campaigns.length === 0 ? (
        <p className="card">{t('campaigns.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">{t('campaigns.col.name')}</th>
                <th scope="col" className="py-2 pr-4">{t('campaigns.col.kind')}</th>
                <th scope="col" className="py-2 pr-4">{t('campaigns.col.status')}</th>
                <th scope="col" className="py-2 pr-4">{t('campaigns.col.recipients')}</th>
                <th scope="col" className="py-2 pr-4">{t('campaigns.col.date')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id} className="border-b border-stone-200">
                  <td className="py-2 pr-4">
                    <Link to={`${base}/${c.id}`} className="link">
                      {c.name}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{t(`campaigns.kind.${c.kind}` as MessageKey)}</td>
                  <td className="py-2 pr-4">{t(`campaigns.status.${c.status}` as MessageKey)}</td>
                  <td className="py-2 pr-4">{c.recipients}</td>
                  <td className="py-2 pr-4">{c.date}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
