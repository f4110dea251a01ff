// The organisation's email campaigns: status, recipients, and the way to start one.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { listCampaigns } from '#app/modules/campaigns/service.server.ts'
import { getCampaignRate, MAX_CAMPAIGN_RATE_PER_MINUTE, setCampaignRate } from '#app/modules/organisations/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { getEnv } from '#app/utils/env.server.ts'
import { campaignRateFormSchema } from '#app/modules/campaigns/schema.ts'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'campaigns.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'campaign.view')
  const locale = localeFromRequest(request)
  const [campaigns, rate] = await Promise.all([listCampaigns(organisation.id), getCampaignRate(organisation.id)])
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    rate: { own: rate, default: getEnv().EMAIL_CAMPAIGN_RATE_PER_MINUTE, max: MAX_CAMPAIGN_RATE_PER_MINUTE },
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

/** The organisation's sending rate: how many campaign emails leave per minute (empty: the default). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'campaign.send')
  return submitForm(request, await request.formData(), campaignRateFormSchema, async ({ ratePerMinute }) => {
    await setCampaignRate(organisation.id, ratePerMinute, { actorUserId: user.id })
    return redirectWithToast(request, new URL(request.url).pathname, { type: 'success', key: 'campaigns.rate.saved' })
  })
}

function SendingRate({ own, fallback, max }: { own: number | null; fallback: number; max: number }) {
  const t = useT()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(campaignRateFormSchema, {
    id: 'sending-rate',
    lastResult: actionData?.result,
    defaultValue: { ratePerMinute: own === null ? '' : String(own) },
  })
  const translateError = (e: string) => t(e as MessageKey, { max })
  const errors = fields.ratePerMinute.errors?.map(translateError)
  return (
    <section aria-labelledby="rate-title" className="card space-y-3">
      <h2 id="rate-title" className="text-xl font-semibold">
        {t('campaigns.rate.title')}
      </h2>
      <p className="text-sm text-stone-700">{t('campaigns.rate.help', { fallback })}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <FormErrorSummary links={summaryEntries(form, { ratePerMinute: 'ratePerMinute' }, translateError)} />
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="ratePerMinute" className="label">
              {t('campaigns.rate.label')}
            </label>
            <input
              id="ratePerMinute"
              key={fields.ratePerMinute.key}
              name={fields.ratePerMinute.name}
              type="number"
              inputMode="numeric"
              min={0}
              max={max}
              className="input w-40"
              defaultValue={typeof fields.ratePerMinute.initialValue === 'string' ? fields.ratePerMinute.initialValue : undefined}
              placeholder={String(fallback)}
              aria-invalid={errors ? true : undefined}
              aria-describedby={errors ? 'ratePerMinute-error' : undefined}
            />
            {errors && (
              <p id="ratePerMinute-error" className="field-error">
                {errors.join(' ')}
              </p>
            )}
          </div>
          <button type="submit" className="btn-secondary" disabled={busy}>
            {t('campaigns.rate.save')}
          </button>
        </div>
      </Form>
    </section>
  )
}

export default function Campaigns() {
  const t = useT()
  const { organisation, campaigns, rate } = useLoaderData<typeof loader>()
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
                <th scope="col" className="py-2 pr-4">
                  {t('campaigns.col.name')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('campaigns.col.kind')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('campaigns.col.status')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('campaigns.col.recipients')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('campaigns.col.date')}
                </th>
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
      <SendingRate own={rate.own} fallback={rate.default} max={rate.max} />
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
