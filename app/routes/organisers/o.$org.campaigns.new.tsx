// Starting a campaign: its kind, what it is about (event or prize edition) and an internal name.
// `?eventId=` or `?editionId=` come from the event and prize pages' "Inviter / Envoyer un appel".
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { campaignTargets } from '#app/route-support/campaigns.server.ts'
import { CAMPAIGN_KINDS, newCampaignFormSchema, newCampaignInput } from '#app/modules/campaigns/schema.ts'
import { createCampaign } from '#app/modules/campaigns/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, SelectField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
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
  return submitForm(request, await request.formData(), newCampaignFormSchema, async (value) => {
    const campaign = await createCampaign(organisation.id, newCampaignInput(value), { actorUserId: user.id })
    return redirectWithToast(request, `/o/${organisation.slug}/campaigns/${campaign.id}`, {
      type: 'success',
      key: 'campaigns.toast.created',
    })
  })
}

export default function NewCampaign() {
  const t = useT()
  const { organisation, targets, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(newCampaignFormSchema, { id: 'new-campaign', lastResult: actionData?.result, defaultValue: defaults })
  const err = (errors: string[] | undefined) => errors?.map((e) => t(e as MessageKey))
  const initial = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link to={`/o/${organisation.slug}/campaigns`} className="link">
          {t('campaigns.back')}
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{t('campaigns.new')}</h1>
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <FormErrorSummary
          links={summaryEntries(
            form,
            { kind: fields.kind.id, eventId: fields.eventId.id, editionId: fields.editionId.id, name: fields.name.id },
            (e) => t(e as MessageKey),
          )}
        />
        <SelectField
          label={t('campaigns.field.kind')}
          id={fields.kind.id}
          key={fields.kind.key}
          name={fields.kind.name}
          required
          defaultValue={initial(fields.kind.initialValue)}
          errors={err(fields.kind.errors)}
          options={CAMPAIGN_KINDS.filter((k) => k !== 'jury_invitation').map((k) => ({
            value: k,
            label: t(`campaigns.kind.${k}` as MessageKey),
          }))}
        />
        <SelectField
          label={t('campaigns.field.event')}
          id={fields.eventId.id}
          key={fields.eventId.key}
          name={fields.eventId.name}
          defaultValue={initial(fields.eventId.initialValue)}
          errors={err(fields.eventId.errors)}
          placeholder={t('campaigns.field.none')}
          options={targets.events.map((e) => ({ value: e.id, label: e.title }))}
        />
        <SelectField
          label={t('campaigns.field.edition')}
          id={fields.editionId.id}
          key={fields.editionId.key}
          name={fields.editionId.name}
          defaultValue={initial(fields.editionId.initialValue)}
          errors={err(fields.editionId.errors)}
          placeholder={t('campaigns.field.none')}
          options={targets.editions.map((e) => ({ value: e.id, label: e.title }))}
        />
        <TextField
          label={t('campaigns.field.name')}
          id={fields.name.id}
          key={fields.name.key}
          name={fields.name.name}
          required
          defaultValue={initial(fields.name.initialValue)}
          errors={err(fields.name.errors)}
          maxLength={200}
        />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('campaigns.create')}
        </button>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
