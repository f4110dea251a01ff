// An event's certificates for its organisers: the wording (per event, with merge fields, default
// per kind) with a PDF preview, the attendees who came with their hours and whether theirs was
// sent, one button that sends to those not yet sent (or again to everyone), and the downloads.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { formatHours, MERGE_FIELDS } from '#app/modules/attendance/certificate-rules.ts'
import { certificateTemplateSchema, CERTIFICATE_LIMITS, sendCertificatesSchema } from '#app/modules/attendance/certificate-schema.ts'
import { certificateOverview, saveCertificateTemplate, sendCertificates } from '#app/modules/attendance/certificates.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EventPageHeader, eventPath, Notice } from '#app/modules/events/ui.tsx'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { formatShortDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'certificates.title')}${d ? ` : ${d.event.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'certificate.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const overview = await certificateOverview(event.id)
  return {
    org: organisation.slug,
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable, timeZone: event.timeZone },
    kind: overview.kind,
    plannedMinutes: overview.plannedMinutes,
    ended: overview.ended,
    notSent: overview.notSent,
    template: {
      title: overview.template?.title ?? '',
      body: overview.template?.body ?? '',
      titleEn: overview.template?.titleEn ?? '',
      bodyEn: overview.template?.bodyEn ?? '',
      signatoryName: overview.template?.signatoryName ?? '',
      signatoryRole: overview.template?.signatoryRole ?? '',
    },
    attendees: overview.attendees.map((a) => ({ ...a, sentAt: a.sentAt?.toISOString() ?? null })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'certificate.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const formData = await request.formData()
  const back = eventPath(organisation.slug, event.id, 'certificates')
  if (formData.get('intent') === 'send') {
    return submitForm(request, formData, sendCertificatesSchema, async (value) => {
      const result = await sendCertificates(event.id, { resendAll: value.resendAll === 'yes' })
      return redirectWithToast(request, back, {
        type: result.sent ? 'success' : 'info',
        key: 'certificates.toast.sent',
        params: { count: result.sent, already: result.alreadySent },
      })
    })
  }
  return submitForm(request, formData, certificateTemplateSchema, async ({ intent: _, ...value }) => {
    await saveCertificateTemplate(event.id, value)
    return redirectWithToast(request, back, { type: 'success', key: 'certificates.toast.saved' })
  })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function WordingForm({ data }: { data: LoaderData }) {
  const t = useT()
  const reply = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(certificateTemplateSchema, {
    id: 'certificate-wording',
    lastResult: reply?.result,
    defaultValue: data.template,
  })
  const err = (errors: string[] | undefined) => errors?.map((e) => t(e as MessageKey))
  const initial = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const pdf = `${eventPath(data.org, data.event.id, 'certificates.pdf')}`
  const textField = (name: 'title' | 'titleEn' | 'signatoryName' | 'signatoryRole', max: number) => (
    <TextField
      label={t(`certificates.field.${name}`)}
      id={fields[name].id}
      key={fields[name].key}
      name={fields[name].name}
      defaultValue={initial(fields[name].initialValue)}
      errors={err(fields[name].errors)}
      maxLength={max}
    />
  )
  const bodyField = (name: 'body' | 'bodyEn') => (
    <TextareaField
      label={t(`certificates.field.${name}`)}
      id={fields[name].id}
      key={fields[name].key}
      name={fields[name].name}
      defaultValue={initial(fields[name].initialValue)}
      errors={err(fields[name].errors)}
      maxLength={CERTIFICATE_LIMITS.body}
      rows={5}
    />
  )
  return (
    <section aria-labelledby="wording-title" className="card space-y-4">
      <h2 id="wording-title" className="text-xl font-semibold">
        {t('certificates.wording.title')}
      </h2>
      <p className="text-sm text-stone-700">{t('certificates.wording.help', { fields: MERGE_FIELDS.map((f) => `{{${f}}}`).join(' ') })}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormErrorSummary
          links={summaryEntries(
            form,
            { title: fields.title.id, body: fields.body.id, titleEn: fields.titleEn.id, bodyEn: fields.bodyEn.id },
            (e) => t(e as MessageKey),
          )}
        />
        <input type="hidden" name="intent" value="template" />
        {textField('title', CERTIFICATE_LIMITS.title)}
        {bodyField('body')}
        {textField('titleEn', CERTIFICATE_LIMITS.title)}
        {bodyField('bodyEn')}
        <div className="grid gap-4 sm:grid-cols-2">
          {textField('signatoryName', CERTIFICATE_LIMITS.signatory)}
          {textField('signatoryRole', CERTIFICATE_LIMITS.signatory)}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('certificates.save')}
          </button>
          <a href={`${pdf}?preview=fr`} className="link" target="_blank" rel="noreferrer">
            {t('certificates.preview')}
          </a>
          <a href={`${pdf}?preview=en`} className="link" target="_blank" rel="noreferrer">
            {t('certificates.previewEn')}
          </a>
        </div>
      </Form>
    </section>
  )
}

export default function Certificates() {
  const t = useT()
  const locale = useLocale()
  const data = useLoaderData<typeof loader>()
  const busy = useNavigation().state === 'submitting'
  const { org, event, attendees } = data
  const pdf = eventPath(org, event.id, 'certificates.pdf')
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={org} event={event} heading={t('certificates.title')} />
      <div className="space-y-1 text-stone-700">
        <p>{t(`certificates.kind.${data.kind}`)}</p>
        <p>{t('certificates.planned', { hours: formatHours(data.plannedMinutes, locale) })}</p>
        <p className="text-sm">{t('certificates.source')}</p>
      </div>
      <WordingForm data={data} />
      <section aria-labelledby="send-title" className="card space-y-4">
        <h2 id="send-title" className="text-xl font-semibold">
          {t('certificates.send.title')}
        </h2>
        {attendees.length === 0 ? (
          <p>{t('certificates.send.none')}</p>
        ) : (
          <>
            {!data.ended && <Notice tone="warning">{t('certificates.send.notEnded')}</Notice>}
            <div className="flex flex-wrap items-center gap-4">
              {data.notSent > 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="send" />
                  <button type="submit" className="btn-primary" disabled={busy}>
                    {t('certificates.send.button', { count: data.notSent })}
                  </button>
                </Form>
              ) : (
                <p data-testid="certificates-all-sent">{t('certificates.send.allSent')}</p>
              )}
              {data.notSent < attendees.length && (
                <Form method="post">
                  <input type="hidden" name="intent" value="send" />
                  <input type="hidden" name="resendAll" value="yes" />
                  <button type="submit" className="btn-secondary" disabled={busy}>
                    {t('certificates.send.resendAll', { count: attendees.length })}
                  </button>
                </Form>
              )}
              <a href={pdf} className="link" download>
                {t('certificates.downloadAll')}
              </a>
            </div>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t('certificates.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="py-2 pr-4">
                      {t('certificates.col.name')}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t('certificates.col.hours')}
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      {t('certificates.col.status')}
                    </th>
                    <th scope="col" className="py-2">
                      {t('certificates.col.pdf')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {attendees.map((a) => (
                    <tr key={a.registrationId} className="border-t border-stone-200" data-testid="certificate-row">
                      <th scope="row" className="py-2 pr-4 font-medium">
                        {a.name}
                        <span className="block text-stone-600">{a.email}</span>
                      </th>
                      <td className="py-2 pr-4 tabular-nums">{formatHours(a.minutes, locale)}</td>
                      <td className="py-2 pr-4">
                        {a.sentAt
                          ? t('certificates.status.sent', { date: formatShortDateTime(locale, a.sentAt, event.timeZone) })
                          : t('certificates.status.notSent')}
                      </td>
                      <td className="py-2">
                        <a
                          href={`${pdf}?registrationId=${a.registrationId}`}
                          className="link"
                          aria-label={t('certificates.download.label', { name: a.name })}
                          download
                        >
                          {t('certificates.download')}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
