// Starting a campaign: its kind, what it is about (event or prize edition) and an internal name.
// `?eventId=` or `?editionId=` come from the event and prize pages' "Inviter / Envoyer un appel".
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { campaignTargets } from '#app/route-support/campaigns.server.ts'
import { appErrorToFieldErrors, type FieldErrorMap } from '#app/utils/form-errors.ts'
import { formValues } from '#app/utils/route-forms.server.ts'
import { CAMPAIGN_KINDS } from '#app/modules/campaigns/schema.ts'
import { createCampaign } from '#app/modules/campaigns/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, SelectField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'campaigns.new')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'campaign.edit')
  const url = new URL(request.url)
  const targets = await campaignTargets(organisation.id)
  const eventId = url.searchParams.get('eventId') ?? ''
  const editionId = url.searchParams.get('editionId') ?? ''
  const kind = url.searchParams.get('kind') ?? (editionId ? 'nomination_call' : 'event_invitation')
  const title = targets.events.find((e) => e.id === eventId)?.title ?? targets.editions.find((e) => e.id === editionId)?.title ?? ''
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    targets,
    defaults: { kind, eventId, editionId, name: title },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'campaign.edit')
  const locale = localeFromRequest(request)
  const formData = await request.formData()
  const str = (k: string) => (typeof formData.get(k) === 'string' ? (formData.get(k) as string) : '')
  const kind = str('kind')
  try {
    const campaign = await createCampaign(
      organisation.id,
      {
        kind: kind as never,
        eventId: kind === 'event_invitation' || kind === 'announcement' ? str('eventId') || null : null,
        editionId: kind === 'nomination_call' || kind === 'jury_invitation' ? str('editionId') || null : null,
        name: str('name'),
      },
      { actorUserId: user.id },
    )
    return redirectWithToast(request, `/o/${organisation.slug}/campaigns/${campaign.id}`, {
      type: 'success',
      key: 'campaigns.toast.created',
    })
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error
    return data<{ errors: FieldErrorMap; values: Record<string, string> }>(
      { errors: appErrorToFieldErrors(locale, error), values: formValues(formData) },
      { status: error.status },
    )
  }
}

export default function NewCampaign() {
  const t = useT()
  const { organisation, targets, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const values = { ...defaults, ...actionData?.values }
  const errors = actionData?.errors ?? {}
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link to={`/o/${organisation.slug}/campaigns`} className="link">
          {t('campaigns.back')}
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{t('campaigns.new')}</h1>
      <Form method="post" className="card space-y-4" noValidate>
        <FormErrorSummary errors={errors._form} />
        <SelectField
          label={t('campaigns.field.kind')}
          name="kind"
          required
          defaultValue={values.kind}
          errors={errors.kind}
          options={CAMPAIGN_KINDS.filter((k) => k !== 'jury_invitation').map((k) => ({
            value: k,
            label: t(`campaigns.kind.${k}` as MessageKey),
          }))}
        />
        <SelectField
          label={t('campaigns.field.event')}
          name="eventId"
          defaultValue={values.eventId}
          errors={errors.eventId}
          placeholder={t('campaigns.field.none')}
          options={targets.events.map((e) => ({ value: e.id, label: e.title }))}
        />
        <SelectField
          label={t('campaigns.field.edition')}
          name="editionId"
          defaultValue={values.editionId}
          errors={errors.editionId}
          placeholder={t('campaigns.field.none')}
          options={targets.editions.map((e) => ({ value: e.id, label: e.title }))}
        />
        <TextField label={t('campaigns.field.name')} name="name" required defaultValue={values.name} errors={errors.name} maxLength={200} />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('campaigns.create')}
        </button>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
