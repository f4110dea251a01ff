// One campaign. As a draft: subject and body in French and English with merge fields, the audience
// with its live count, the preview in both languages, a test to oneself, send now or schedule.
// Once sent: the counts and each recipient's state (with the SMTP error), and the reminder.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { DOCUMENTED_FIELDS } from '#app/modules/campaigns/merge-fields.ts'
import { campaignTargets, pickableContacts } from '#app/route-support/campaigns.server.ts'
import {
  campaignButtonSchemas,
  campaignDraftFormSchema,
  draftCampaignInput,
  type CampaignInput,
  type CampaignKind,
} from '#app/modules/campaigns/schema.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { sendCampaign } from '#app/composition/campaigns.server.ts'
import {
  audienceSize,
  campaignReport,
  cancelSchedule,
  createReminder,
  deleteCampaign,
  getCampaign,
  previewCampaign,
  scheduleCampaign,
  sendTestEmail,
  updateCampaign,
} from '#app/modules/campaigns/service.server.ts'
import { PROFILES, profileLabelKey } from '#app/shared/profiles.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { CheckboxField, FormErrorSummary, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { isLocale, localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${d?.campaign.name ?? translate(root?.locale ?? 'fr', 'campaigns.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'campaign.view')
  const locale = localeFromRequest(request)
  const campaign = await getCampaign(organisation.id, params.campaignId ?? '')
  if (!campaign) throw notFound()
  const editable = campaign.status === 'draft'
  const [targets, contacts, count, preview, report] = await Promise.all([
    campaignTargets(organisation.id),
    editable ? pickableContacts(organisation.id) : Promise.resolve([]),
    editable ? audienceSize(organisation.id, campaign.audience) : Promise.resolve({ total: 0, suppressed: 0 }),
    previewCampaign(organisation.id, campaign.id, undefined),
    campaign.status === 'draft' ? Promise.resolve(null) : campaignReport(organisation.id, campaign.id),
  ])
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    campaign: {
      id: campaign.id,
      name: campaign.name,
      kind: campaign.kind,
      status: campaign.status,
      eventId: campaign.eventId,
      editionId: campaign.editionId,
      subjectFr: campaign.subjectFr,
      bodyFr: campaign.bodyFr,
      subjectEn: campaign.subjectEn,
      bodyEn: campaign.bodyEn,
      audience: campaign.audience,
      trackOpens: campaign.trackOpens,
      parentId: campaign.parentId,
      scheduledAt: campaign.scheduledAt ? formatDateTime(locale, campaign.scheduledAt) : null,
      sentAt: campaign.sentAt ? formatDateTime(locale, campaign.sentAt) : null,
    },
    editable,
    targets,
    contacts,
    count,
    preview,
    report: report && {
      counts: report.counts,
      more: report.more,
      recipients: report.recipients.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        delivery: r.delivery,
        error: r.error,
        answer: r.unsubscribedAt
          ? 'unsubscribed'
          : r.registeredAt
            ? 'registered'
            : r.declinedAt
              ? 'declined'
              : r.clickedAt
                ? 'clicked'
                : 'none',
      })),
    },
  }
}

/** The permission each intent of the action needs. */
const INTENT_PERMISSIONS = {
  save: 'campaign.edit',
  test: 'campaign.edit',
  delete: 'campaign.edit',
  send: 'campaign.send',
  schedule: 'campaign.send',
  unschedule: 'campaign.send',
  remind: 'campaign.send',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'campaign.view')
  const locale = localeFromRequest(request)
  const campaign = await getCampaign(organisation.id, params.campaignId ?? '')
  if (!campaign) throw notFound()
  const formData = await request.formData()
  const intent = formData.get('intent')
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, intent))
  const here = `/o/${organisation.slug}/campaigns/${campaign.id}`
  const actor = { actorUserId: user.id }
  switch (intent) {
    case 'save':
    case 'test':
    case 'send':
    case 'schedule':
      return submitForm(request, formData, campaignDraftFormSchema, async (form) => {
        const value = { intent: form.intent, ...draftCampaignInput(form) }
        // Saving first: "send" and "test" send what is on the screen.
        if (campaign.status === 'draft') {
          const input: CampaignInput = {
            ...value.content,
            kind: campaign.kind as CampaignKind,
            eventId: campaign.eventId,
            editionId: campaign.editionId,
          }
          await updateCampaign(organisation.id, campaign.id, input, actor)
        }
        switch (value.intent) {
          case 'save':
            return redirectWithToast(request, here, { type: 'success', key: 'campaigns.toast.saved' })
          case 'test':
            await sendTestEmail(organisation.id, campaign.id, {
              email: user.email,
              name: user.name ?? null,
              locale: isLocale(user.locale) ? user.locale : locale,
              userId: user.id,
            })
            return redirectWithToast(request, here, { type: 'success', key: 'campaigns.toast.tested' })
          case 'send':
            await sendCampaign(campaign.id, new Date(), { request, actorUserId: user.id })
            return redirectWithToast(request, here, { type: 'success', key: 'campaigns.toast.sent' })
          case 'schedule':
            await scheduleCampaign(organisation.id, campaign.id, value.scheduledAt!, actor)
            return redirectWithToast(request, here, { type: 'success', key: 'campaigns.toast.scheduled' })
        }
      })
    case 'unschedule':
      return submitForm(request, formData, campaignButtonSchemas.unschedule, async () => {
        await cancelSchedule(organisation.id, campaign.id, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'campaigns.toast.unscheduled' })
      })
    case 'delete':
      return submitForm(request, formData, campaignButtonSchemas.delete, async () => {
        await deleteCampaign(organisation.id, campaign.id, actor)
        return redirectWithToast(request, `/o/${organisation.slug}/campaigns`, { type: 'success', key: 'campaigns.toast.deleted' })
      })
    case 'remind':
      return submitForm(request, formData, campaignButtonSchemas.remind, async () => {
        const reminder = await createReminder(campaign.id, { ...actor, organisationId: organisation.id })
        return redirectWithToast(request, `/o/${organisation.slug}/campaigns/${reminder.id}`, {
          type: 'success',
          key: 'campaigns.toast.reminder',
        })
      })
    default:
      throw new Response('Unknown intent', { status: 400 })
  }
}

const DRAFT_INTENTS: unknown[] = ['save', 'test', 'send', 'schedule']

const COUNT_KEYS = ['total', 'skipped', 'queued', 'sent', 'failed', 'bounced', 'clicked', 'registered', 'declined', 'unsubscribed'] as const

export default function CampaignPage() {
  const t = useT()
  const { organisation, campaign, editable, targets, contacts, count, preview, report } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const draftAnswer = DRAFT_INTENTS.includes(actionData?.result.initialValue?.intent)
  const [form, fields] = useZodForm(campaignDraftFormSchema, {
    id: 'campaign',
    lastResult: draftAnswer ? actionData?.result : undefined,
    defaultValue: {
      name: campaign.name,
      subjectFr: campaign.subjectFr,
      bodyFr: campaign.bodyFr,
      subjectEn: campaign.subjectEn,
      bodyEn: campaign.bodyEn,
      trackOpens: campaign.trackOpens ? 'on' : undefined,
      audience: {
        tags: campaign.audience.tags.join(', '),
        departements: campaign.audience.departements.join(', '),
        profiles: campaign.audience.profiles,
        attendeesOfEventIds: campaign.audience.attendeesOfEventIds,
        contactIds: campaign.audience.contactIds,
      },
    },
  })
  const audience = fields.audience.getFieldset()
  const message = (e: string) => t(e as MessageKey)
  const err = (errors: string[] | undefined) => errors?.map(message)
  const text = (f: { initialValue?: unknown }) => (typeof f.initialValue === 'string' ? f.initialValue : undefined)
  const list = (f: { initialValue?: unknown }) =>
    Array.isArray(f.initialValue) ? f.initialValue : typeof f.initialValue === 'string' ? [f.initialValue] : []
  // The buttons outside the draft form answer with a form error only.
  const buttonErrors = actionData && !draftAnswer ? (actionData.result.error?.[''] ?? undefined) : undefined
  // Jury invitations: "registered" means the juror joined the jury.
  const jury = campaign.kind === 'jury_invitation'
  const target =
    targets.events.find((e) => e.id === campaign.eventId)?.title ?? targets.editions.find((e) => e.id === campaign.editionId)?.title

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <p className="text-sm">
          <Link to={`/o/${organisation.slug}/campaigns`} className="link">
            {t('campaigns.back')}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{campaign.name}</h1>
        <p className="text-stone-700">
          {t(`campaigns.kind.${campaign.kind}` as MessageKey)}
          {target && <> · {target}</>} · <span data-testid="campaign-status">{t(`campaigns.status.${campaign.status}` as MessageKey)}</span>
          {campaign.sentAt && <> · {campaign.sentAt}</>}
        </p>
        {campaign.scheduledAt && campaign.status === 'scheduled' && <p>{t('campaigns.scheduledFor', { date: campaign.scheduledAt })}</p>}
      </header>

      <FormErrorSummary errors={buttonErrors ? err(buttonErrors) : undefined} />

      {editable ? (
        <Form method="post" {...getFormProps(form)} className="space-y-6">
          <FormErrorSummary
            links={summaryEntries(
              form,
              {
                name: fields.name.id,
                subjectFr: fields.subjectFr.id,
                bodyFr: fields.bodyFr.id,
                subjectEn: fields.subjectEn.id,
                bodyEn: fields.bodyEn.id,
                scheduledAt: fields.scheduledAt.id,
              },
              message,
            )}
          />
          <section className="card space-y-4" aria-labelledby="content-title">
            <h2 id="content-title" className="text-xl font-semibold">
              {t('campaigns.preview.title')}
            </h2>
            <TextField
              label={t('campaigns.field.name')}
              id={fields.name.id}
              key={fields.name.key}
              name={fields.name.name}
              required
              defaultValue={text(fields.name)}
              errors={err(fields.name.errors)}
              maxLength={200}
            />
            <TextField
              label={t('campaigns.field.subjectFr')}
              id={fields.subjectFr.id}
              key={fields.subjectFr.key}
              name={fields.subjectFr.name}
              defaultValue={text(fields.subjectFr)}
              errors={err(fields.subjectFr.errors)}
              maxLength={200}
            />
            <TextareaField
              label={t('campaigns.field.bodyFr')}
              id={fields.bodyFr.id}
              key={fields.bodyFr.key}
              name={fields.bodyFr.name}
              rows={8}
              defaultValue={text(fields.bodyFr)}
              errors={err(fields.bodyFr.errors)}
            />
            <TextField
              label={t('campaigns.field.subjectEn')}
              help={t('campaigns.field.enHelp')}
              id={fields.subjectEn.id}
              key={fields.subjectEn.key}
              name={fields.subjectEn.name}
              defaultValue={text(fields.subjectEn)}
              errors={err(fields.subjectEn.errors)}
              maxLength={200}
            />
            <TextareaField
              label={t('campaigns.field.bodyEn')}
              id={fields.bodyEn.id}
              key={fields.bodyEn.key}
              name={fields.bodyEn.name}
              rows={8}
              defaultValue={text(fields.bodyEn)}
              errors={err(fields.bodyEn.errors)}
            />
            <details className="text-sm">
              <summary className="cursor-pointer font-semibold">{t('campaigns.merge.title')}</summary>
              <p className="mt-2">{t('campaigns.merge.help')}</p>
              <ul className="mt-2 list-disc pl-6">
                {DOCUMENTED_FIELDS.map((f) => (
                  <li key={f.fr}>
                    <code>{`{{${f.fr}}}`}</code> / <code>{`{{${f.en}}}`}</code> — {t(`campaigns.merge.${f.value}` as MessageKey)}
                  </li>
                ))}
              </ul>
            </details>
            <CheckboxField
              label={t('campaigns.field.trackOpens')}
              key={fields.trackOpens.key}
              name={fields.trackOpens.name}
              defaultChecked={text(fields.trackOpens) === 'on'}
            />
          </section>

          <fieldset className="card space-y-4">
            <legend className="text-xl font-semibold">{t('campaigns.audience.title')}</legend>
            <p className="text-sm text-stone-700">{t('campaigns.audience.help')}</p>
            <TextField
              label={t('campaigns.audience.tags')}
              key={audience.tags.key}
              name={audience.tags.name}
              defaultValue={text(audience.tags)}
            />
            <TextField
              label={t('campaigns.audience.departements')}
              key={audience.departements.key}
              name={audience.departements.name}
              defaultValue={text(audience.departements)}
            />
            <fieldset>
              <legend className="label">{t('campaigns.audience.profiles')}</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {PROFILES.map((p) => (
                  <CheckboxField
                    key={p}
                    label={t(profileLabelKey(p))}
                    name={audience.profiles.name}
                    value={p}
                    defaultChecked={list(audience.profiles).includes(p)}
                  />
                ))}
              </div>
            </fieldset>
            {targets.events.some((e) => e.past) && (
              <fieldset>
                <legend className="label">{t('campaigns.audience.attendees')}</legend>
                {targets.events
                  .filter((e) => e.past)
                  .map((e) => (
                    <CheckboxField
                      key={e.id}
                      label={e.title}
                      name={audience.attendeesOfEventIds.name}
                      value={e.id}
                      defaultChecked={list(audience.attendeesOfEventIds).includes(e.id)}
                    />
                  ))}
              </fieldset>
            )}
            {contacts.length > 0 && (
              <fieldset>
                <legend className="label">{t('campaigns.audience.contacts')}</legend>
                <div className="max-h-72 space-y-1 overflow-y-auto rounded border border-stone-200 p-2">
                  {contacts.map((c) => (
                    <CheckboxField
                      key={c.id}
                      label={c.label}
                      name={audience.contactIds.name}
                      value={c.id}
                      defaultChecked={list(audience.contactIds).includes(c.id)}
                    />
                  ))}
                </div>
              </fieldset>
            )}
            <p role="status" className="font-semibold" data-testid="audience-count">
              {t('campaigns.audience.count', { count: count.total, suppressed: count.suppressed })}
            </p>
          </fieldset>

          <div className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="save" className="btn-secondary" disabled={busy}>
              {t('campaigns.save')}
            </button>
            <button type="submit" name="intent" value="test" className="btn-secondary" disabled={busy}>
              {t('campaigns.test')}
            </button>
            <button type="submit" name="intent" value="send" className="btn-primary" disabled={busy}>
              {t('campaigns.sendNow')}
            </button>
          </div>
          <div className="card flex flex-wrap items-end gap-3">
            <TextField
              label={t('campaigns.field.scheduledAt')}
              type="datetime-local"
              id={fields.scheduledAt.id}
              key={fields.scheduledAt.key}
              name={fields.scheduledAt.name}
              defaultValue={text(fields.scheduledAt)}
              errors={err(fields.scheduledAt.errors)}
            />
            <button type="submit" name="intent" value="schedule" className="btn-secondary" disabled={busy}>
              {t('campaigns.schedule')}
            </button>
          </div>
        </Form>
      ) : null}

      {campaign.status === 'scheduled' && (
        <Form method="post">
          <button type="submit" name="intent" value="unschedule" className="btn-secondary" disabled={busy}>
            {t('campaigns.unschedule')}
          </button>
        </Form>
      )}

      <section aria-labelledby="preview-title" className="space-y-4">
        <h2 id="preview-title" className="text-xl font-semibold">
          {t('campaigns.preview.title')}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          {(['fr', 'en'] as const).map((l) => (
            <article
              key={l}
              className="card space-y-2"
              lang={l}
              aria-label={t(l === 'fr' ? 'campaigns.preview.fr' : 'campaigns.preview.en')}
            >
              <h3 className="text-sm font-semibold uppercase text-stone-700">
                {t(l === 'fr' ? 'campaigns.preview.fr' : 'campaigns.preview.en')}
              </h3>
              <p className="font-semibold">{t('campaigns.preview.subject', { subject: preview[l].subject })}</p>
              {/* Rendered by the safe Markdown renderer; merged values are escaped. */}
              <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: preview[l].bodyHtml }} />
            </article>
          ))}
        </div>
      </section>

      {report && (
        <>
          <section aria-labelledby="counts-title" className="space-y-3">
            <h2 id="counts-title" className="text-xl font-semibold">
              {t('campaigns.counts.title')}
            </h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
              {[...COUNT_KEYS, ...(campaign.trackOpens ? (['opened'] as const) : [])].map((k) => (
                <div key={k} className="card py-2" data-testid={`count-${k}`}>
                  <dt className="text-sm text-stone-700">
                    {t(`campaigns.counts.${k === 'registered' && jury ? 'joined' : k}` as MessageKey)}
                  </dt>
                  <dd className="text-2xl font-bold">{report.counts[k]}</dd>
                </div>
              ))}
            </dl>
            {campaign.status === 'sent' && (
              <Form method="post" className="space-y-1">
                <p className="text-sm text-stone-700">{t('campaigns.remindHelp')}</p>
                <button type="submit" name="intent" value="remind" className="btn-secondary" disabled={busy}>
                  {t('campaigns.remind')}
                </button>
              </Form>
            )}
          </section>
          <section aria-labelledby="recipients-title" className="space-y-3">
            <h2 id="recipients-title" className="text-xl font-semibold">
              {t('campaigns.list.title')}
            </h2>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-stone-300">
                    <th scope="col" className="py-2 pr-4">
                      {t('campaigns.list.email')}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t('campaigns.list.name')}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t('campaigns.list.delivery')}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t('campaigns.list.answer')}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t('campaigns.list.error')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.recipients.map((r) => (
                    <tr key={r.id} className="border-b border-stone-200">
                      <td className="py-2 pr-4">{r.email}</td>
                      <td className="py-2 pr-4">{r.name}</td>
                      <td className="py-2 pr-4">{t(`campaigns.delivery.${r.delivery}` as MessageKey)}</td>
                      <td className="py-2 pr-4">
                        {t(`campaigns.answer.${r.answer === 'registered' && jury ? 'joined' : r.answer}` as MessageKey)}
                      </td>
                      <td className="py-2 pr-4 text-red-800">{r.error}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {report.more > 0 && <p>{t('campaigns.list.more', { count: report.more })}</p>}
          </section>
        </>
      )}

      {(campaign.status === 'draft' || campaign.status === 'cancelled') && (
        <Form method="post">
          <button type="submit" name="intent" value="delete" className="btn-danger" disabled={busy}>
            {t('campaigns.delete')}
          </button>
        </Form>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
