// An event's access codes: a new code (typed or generated; unlock, percent, fixed or free; its
// ticket, use limit and validity window), the list with uses and the link that pre-fills it, and
// deactivation.
import { getFormProps } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { usesLeft } from '#app/modules/access-codes/rules.ts'
import { codeFormSchema } from '#app/modules/access-codes/schema.ts'
import { createCode, deactivateCode, listCodes } from '#app/modules/access-codes/service.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EventPageHeader, eventPath } from '#app/modules/events/ui.tsx'
import { listTicketTypes } from '#app/modules/payments/tickets.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { formatShortDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { SelectField, TextField } from '#app/ui/forms.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { formatMoney, translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import { CODE_KINDS } from '#app/modules/access-codes/rules.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'accessCodes.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'code.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const [codes, tickets] = await Promise.all([listCodes(organisation.id, event.id), listTicketTypes(organisation.id, event.id)])
  return {
    org: organisation.slug,
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable, timeZone: event.timeZone },
    tickets: tickets.filter((t) => !t.archivedAt).map((t) => ({ id: t.id, name: t.name })),
    codes: codes.map((c) => ({
      id: c.id,
      code: c.code,
      kind: c.kind,
      amount: c.amount,
      ticketName: c.ticketName,
      uses: c.uses,
      maxUses: c.maxUses,
      left: usesLeft(c),
      validFrom: c.validFrom?.toISOString() ?? null,
      validUntil: c.validUntil?.toISOString() ?? null,
      active: !c.deactivatedAt,
      link: absoluteUrl(`/e/${event.slug}/register?code=${encodeURIComponent(c.code)}`),
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'code.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const formData = await request.formData()
  const actor = { actorUserId: user.id }
  if (formData.get('intent') === 'deactivate') {
    await deactivateCode(organisation.id, String(formData.get('codeId') ?? ''), actor)
    return redirectWithToast(request, eventPath(organisation.slug, event.id, 'codes'), {
      type: 'success',
      key: 'accessCodes.toast.deactivated',
    })
  }
  return submitForm(request, formData, codeFormSchema(event.timeZone), async (value) => {
    const created = await createCode(organisation.id, event.id, value, actor)
    return redirectWithToast(request, eventPath(organisation.slug, event.id, 'codes'), {
      type: 'success',
      key: 'accessCodes.toast.created',
      params: { code: created.code },
    })
  })
}

export default function EventCodes() {
  const t = useT()
  const locale = useLocale()
  const { org, event, tickets, codes } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const [form, fields] = useZodForm(codeFormSchema(event.timeZone), {
    id: 'new-code',
    lastResult: actionData?.result,
    defaultValue: { kind: 'percent' },
  })
  const errs = (f: { errors?: string[] }) => f.errors?.map((e) => t(e as MessageKey))
  const effect = (c: (typeof codes)[number]) =>
    c.kind === 'percent'
      ? `${t('accessCodes.kind.percent')} (${c.amount}\u202f%)`
      : c.kind === 'fixed'
        ? `${t('accessCodes.kind.fixed')} (${formatMoney(locale, c.amount)})`
        : t(`accessCodes.kind.${c.kind}` as MessageKey)
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={org} event={event} heading={t('accessCodes.title')} />
      <p>{t('accessCodes.intro')}</p>
      <section className="space-y-2" aria-labelledby="codes-list">
        <h2 id="codes-list" className="text-xl font-semibold">
          {t('accessCodes.list.title')}
        </h2>
        {codes.length === 0 ? (
          <p>{t('accessCodes.list.empty')}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">{t('accessCodes.field.code')}</th>
                <th scope="col">{t('accessCodes.field.kind')}</th>
                <th scope="col">{t('accessCodes.field.ticket')}</th>
                <th scope="col">{t('accessCodes.list.uses')}</th>
                <th scope="col">{t('accessCodes.field.validFrom')}</th>
                <th scope="col">{t('accessCodes.field.validUntil')}</th>
                <th scope="col">{t('accessCodes.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {codes.map((c) => (
                <tr key={c.id}>
                  <td>
                    <code>{c.code}</code>
                    <br />
                    <a href={c.link} className="text-xs underline">
                      {t('accessCodes.list.link')}
                    </a>
                  </td>
                  <td>{effect(c)}</td>
                  <td>{c.ticketName}</td>
                  <td>{c.maxUses === null ? `${c.uses} (${t('accessCodes.list.unlimited')})` : `${c.uses} / ${c.maxUses}`}</td>
                  <td>{c.validFrom ? formatShortDateTime(locale, c.validFrom, event.timeZone) : '—'}</td>
                  <td>{c.validUntil ? formatShortDateTime(locale, c.validUntil, event.timeZone) : '—'}</td>
                  <td>
                    {c.active ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="deactivate" />
                        <input type="hidden" name="codeId" value={c.id} />
                        {t('accessCodes.list.active')}{' '}
                        <button type="submit" className="btn-secondary">
                          {t('accessCodes.deactivate')}
                        </button>
                      </Form>
                    ) : (
                      t('accessCodes.list.inactive')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <h2 className="text-xl font-semibold">{t('accessCodes.create.title')}</h2>
        <TextField
          id={fields.code.id}
          name={fields.code.name}
          label={t('accessCodes.field.code')}
          help={t('accessCodes.field.codeHint')}
          errors={errs(fields.code)}
        />
        <SelectField
          id={fields.kind.id}
          name={fields.kind.name}
          label={t('accessCodes.field.kind')}
          defaultValue="percent"
          errors={errs(fields.kind)}
          options={CODE_KINDS.map((kind) => ({ value: kind, label: t(`accessCodes.kind.${kind}`) }))}
        />
        <TextField id={fields.amount.id} name={fields.amount.name} label={t('accessCodes.field.amount')} errors={errs(fields.amount)} />
        <SelectField
          id={fields.ticketTypeId.id}
          name={fields.ticketTypeId.name}
          label={t('accessCodes.field.ticket')}
          required
          errors={errs(fields.ticketTypeId)}
          options={tickets.map((ticket) => ({ value: ticket.id, label: ticket.name }))}
        />
        <TextField
          id={fields.maxUses.id}
          name={fields.maxUses.name}
          label={t('accessCodes.field.maxUses')}
          help={t('accessCodes.field.maxUsesHint')}
          inputMode="numeric"
          errors={errs(fields.maxUses)}
        />
        <TextField
          id={fields.validFrom.id}
          name={fields.validFrom.name}
          type="datetime-local"
          label={t('accessCodes.field.validFrom')}
          errors={errs(fields.validFrom)}
        />
        <TextField
          id={fields.validUntil.id}
          name={fields.validUntil.name}
          type="datetime-local"
          label={t('accessCodes.field.validUntil')}
          errors={errs(fields.validUntil)}
        />
        <button type="submit" className="btn-primary">
          {t('accessCodes.create.submit')}
        </button>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
