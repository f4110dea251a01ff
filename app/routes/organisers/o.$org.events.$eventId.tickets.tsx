// An event's ticket types (free, paid, reduced: price, quota, sale window, order, archive) and its
// payment settings (accepted methods, card hold, refund deadline and fee), for organisers.
import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { actionForIntent, can } from '#app/modules/auth/permissions.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { EventPageHeader, Notice } from '#app/modules/events/ui.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'
import { cardAvailability } from '#app/modules/payments/card-availability.server.ts'
import {
  centsToEuroInput,
  paymentSettingsFormSchema,
  ticketButtonSchema,
  TICKET_KINDS,
  TICKET_LIMITS,
  ticketFormSchema,
} from '#app/modules/payments/ticket-schema.ts'
import {
  createTicketType,
  deleteTicketType,
  getPaymentSettings,
  listTicketTypes,
  moveTicketType,
  setTicketTypeArchived,
  updatePaymentSettings,
  updateTicketType,
} from '#app/modules/payments/tickets.server.ts'
import { getLegalDetails } from '#app/modules/organisations/legal.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ChoiceGroup, FormErrorSummary, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { formatMoney, translate, type MessageKey } from '#app/utils/i18n.ts'
import { formatLocalDateTime, formatDateTime } from '#app/shared/time.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'paymentsAdmin.tickets.title')}${d ? ` : ${d.event.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, role } = await requirePermission(request, params.org, 'ticket.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const [tickets, settings, legal] = await Promise.all([
    listTicketTypes(organisation.id, event.id),
    getPaymentSettings(organisation.id, event.id),
    getLegalDetails(organisation.id),
  ])
  const local = (d: Date | null) => (d ? formatLocalDateTime(d, event.timeZone) : '')
  return {
    organisation: { slug: organisation.slug },
    isAdmin: can(role, 'settings.legal'),
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable, timeZone: event.timeZone },
    card: cardAvailability(),
    hasBankDetails: Boolean(legal.iban && legal.bankAccountHolder),
    tickets: tickets.map((t) => ({
      id: t.id,
      kind: t.kind,
      name: t.name,
      nameEn: t.nameEn ?? '',
      description: t.description ?? '',
      priceCents: t.priceCents,
      quota: t.quota,
      sold: t.sold,
      registrations: t.registrations,
      salesStartAt: t.salesStartAt?.toISOString() ?? null,
      salesEndAt: t.salesEndAt?.toISOString() ?? null,
      salesStartLocal: local(t.salesStartAt),
      salesEndLocal: local(t.salesEndAt),
      archived: Boolean(t.archivedAt),
    })),
    settings: {
      methods: [
        settings.acceptsCard && 'card',
        settings.acceptsTransfer && 'transfer',
        settings.acceptsPurchaseOrder && 'purchase_order',
      ].filter((m): m is string => Boolean(m)),
      paymentHoldMinutes: String(settings.paymentHoldMinutes),
      refundDeadline: local(settings.refundDeadline),
      refundFee: settings.refundFeeCents ? centsToEuroInput(settings.refundFeeCents) : '',
    },
  }
}

type Result = FormReply & { formKey: string }

/** The permission each intent of the action needs. */
const INTENT_PERMISSIONS = {
  'ticket.create': 'ticket.manage',
  'ticket.update': 'ticket.manage',
  'ticket.delete': 'ticket.manage',
  'ticket.archive': 'ticket.manage',
  'ticket.restore': 'ticket.manage',
  'ticket.move': 'ticket.manage',
  'settings.save': 'payment.configure',
} as const

function isFormReply(r: unknown): r is { data: FormReply; init: ResponseInit | null } {
  return typeof r === 'object' && r !== null && !(r instanceof Response) && 'data' in r && 'init' in r
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'ticket.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, intent))
  const ticketId = String(formData.get('ticketId') ?? '')
  const actor = { actorUserId: user.id }
  // Which form shows the reply; the one-button forms report at the top of the page.
  const formKey =
    intent === 'ticket.create'
      ? 'ticket-new'
      : intent === 'ticket.update'
        ? `ticket-${ticketId}`
        : intent === 'settings.save'
          ? 'settings'
          : 'page'
  const done = (key: MessageKey) => redirectWithToast(request, new URL(request.url).pathname, { type: 'success', key })
  const answer = async <R,>(reply: Promise<R>) => {
    const r = await reply
    return isFormReply(r) ? data<Result>({ ...r.data, formKey }, r.init ?? undefined) : r
  }

  switch (intent) {
    case 'ticket.create':
    case 'ticket.update':
      return answer(
        submitForm(request, formData, ticketFormSchema(event.timeZone), async (value) => {
          if (intent === 'ticket.create') await createTicketType(organisation.id, event.id, value, actor)
          else await updateTicketType(organisation.id, event.id, ticketId, value, actor)
          return done(intent === 'ticket.create' ? 'paymentsAdmin.toast.ticketCreated' : 'paymentsAdmin.toast.ticketUpdated')
        }),
      )
    case 'settings.save':
      return answer(
        submitForm(request, formData, paymentSettingsFormSchema(event.timeZone), async (value) => {
          await updatePaymentSettings(organisation.id, event.id, value, actor)
          return done('paymentsAdmin.toast.settingsSaved')
        }),
      )
    default:
      return answer(
        submitForm(request, formData, ticketButtonSchema, async (value) => {
          switch (value.intent) {
            case 'ticket.delete':
              await deleteTicketType(organisation.id, event.id, value.ticketId, actor)
              return done('paymentsAdmin.toast.ticketDeleted')
            case 'ticket.archive':
            case 'ticket.restore':
              await setTicketTypeArchived(organisation.id, event.id, value.ticketId, value.intent === 'ticket.archive', actor)
              return done(value.intent === 'ticket.archive' ? 'paymentsAdmin.toast.ticketArchived' : 'paymentsAdmin.toast.ticketRestored')
            case 'ticket.move':
              await moveTicketType(organisation.id, event.id, value.ticketId, value.direction, actor)
              return done('paymentsAdmin.toast.ticketMoved')
          }
        }),
      )
  }
}

function useResult(formKey: string) {
  const result = useActionData<Result>()
  return result && result.formKey === formKey ? result.result : undefined
}

type TicketRow = ReturnType<typeof useLoaderData<typeof loader>>['tickets'][number]

function TicketForm({ formKey, ticket }: { formKey: string; ticket?: TicketRow }) {
  const t = useT()
  const lastResult = useResult(formKey)
  const busy = useNavigation().state === 'submitting'
  const { event } = useLoaderData<typeof loader>()
  const [form, fields] = useZodForm(ticketFormSchema(event.timeZone), {
    id: formKey,
    lastResult,
    defaultValue: {
      kind: ticket?.kind ?? 'paid',
      name: ticket?.name ?? '',
      nameEn: ticket?.nameEn ?? '',
      description: ticket?.description ?? '',
      price: ticket && ticket.priceCents > 0 ? centsToEuroInput(ticket.priceCents) : '',
      quota: ticket?.quota == null ? '' : String(ticket.quota),
      salesStartAt: ticket?.salesStartLocal ?? '',
      salesEndAt: ticket?.salesEndLocal ?? '',
    },
  })
  const tr = (e: string) => t(e as MessageKey)
  const names = ['kind', 'price', 'name', 'nameEn', 'description', 'quota', 'salesStartAt', 'salesEndAt'] as const
  const v = Object.fromEntries(names.map((n) => [n, fields[n].defaultValue ?? ''])) as Record<(typeof names)[number], string>
  // The service's names: the price is checked as priceCents.
  const errorNames = ['kind', 'priceCents', 'name', 'nameEn', 'description', 'quota', 'salesStartAt', 'salesEndAt'] as const
  const e = Object.fromEntries(errorNames.map((n) => [n, form.allErrors[n]?.map(tr)])) as Record<
    (typeof errorNames)[number],
    string[] | undefined
  >
  const ids = Object.fromEntries(errorNames.map((n) => [n, `${formKey}-${n === 'priceCents' ? 'price' : n}`]))
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value={ticket ? 'ticket.update' : 'ticket.create'} />
      {ticket && <input type="hidden" name="ticketId" value={ticket.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t('paymentsAdmin.tickets.kind')}
          name="kind"
          id={`${formKey}-kind`}
          defaultValue={v.kind}
          required
          options={TICKET_KINDS.map((k) => ({ value: k, label: t(`paymentsAdmin.tickets.kind.${k}`) }))}
          errors={e.kind}
        />
        <TextField
          label={t('paymentsAdmin.tickets.price')}
          name="price"
          id={`${formKey}-price`}
          inputMode="decimal"
          autoComplete="off"
          defaultValue={v.price}
          help={t('paymentsAdmin.tickets.priceHelp')}
          errors={e.priceCents}
        />
      </div>
      <TextField
        label={t('paymentsAdmin.tickets.name')}
        name="name"
        id={`${formKey}-name`}
        defaultValue={v.name}
        required
        maxLength={TICKET_LIMITS.name}
        help={t('paymentsAdmin.tickets.nameHelp')}
        errors={e.name}
      />
      <TextField
        label={t('paymentsAdmin.tickets.nameEn')}
        name="nameEn"
        id={`${formKey}-nameEn`}
        lang="en"
        defaultValue={v.nameEn}
        maxLength={TICKET_LIMITS.name}
        errors={e.nameEn}
      />
      <TextareaField
        label={t('paymentsAdmin.tickets.description')}
        name="description"
        id={`${formKey}-description`}
        defaultValue={v.description}
        rows={2}
        maxLength={TICKET_LIMITS.description}
        help={t('paymentsAdmin.tickets.descriptionHelp')}
        errors={e.description}
      />
      <TextField
        label={t('paymentsAdmin.tickets.quota')}
        name="quota"
        id={`${formKey}-quota`}
        type="number"
        inputMode="numeric"
        min={Math.max(1, ticket?.sold ?? 1)}
        defaultValue={v.quota}
        help={
          ticket && ticket.sold > 0 ? t('paymentsAdmin.tickets.quotaFloor', { sold: ticket.sold }) : t('paymentsAdmin.tickets.quotaHelp')
        }
        errors={e.quota}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('paymentsAdmin.tickets.salesStart')}
          name="salesStartAt"
          id={`${formKey}-salesStartAt`}
          type="datetime-local"
          defaultValue={v.salesStartAt}
          errors={e.salesStartAt}
        />
        <TextField
          label={t('paymentsAdmin.tickets.salesEnd')}
          name="salesEndAt"
          id={`${formKey}-salesEndAt`}
          type="datetime-local"
          defaultValue={v.salesEndAt}
          errors={e.salesEndAt}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {ticket ? t('events.form.save') : t('paymentsAdmin.tickets.add')}
      </button>
    </Form>
  )
}

function SalesWindow({ ticket, timeZone }: { ticket: TicketRow; timeZone: string }) {
  const t = useT()
  const locale = useLocale()
  const date = (iso: string) => formatDateTime(locale, iso, timeZone)
  if (ticket.salesStartAt && ticket.salesEndAt)
    return <>{t('paymentsAdmin.tickets.salesBetween', { from: date(ticket.salesStartAt), to: date(ticket.salesEndAt) })}</>
  if (ticket.salesStartAt) return <>{t('paymentsAdmin.tickets.salesFrom', { date: date(ticket.salesStartAt) })}</>
  if (ticket.salesEndAt) return <>{t('paymentsAdmin.tickets.salesUntil', { date: date(ticket.salesEndAt) })}</>
  return null
}

function SettingsForm() {
  const t = useT()
  const { settings, card, event } = useLoaderData<typeof loader>()
  const lastResult = useResult('settings')
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(paymentSettingsFormSchema(event.timeZone), { id: 'settings', lastResult, defaultValue: settings })
  const tr = (m: string) => t(m as MessageKey)
  const v = {
    paymentHoldMinutes: fields.paymentHoldMinutes.defaultValue,
    refundDeadline: fields.refundDeadline.defaultValue,
    refundFee: fields.refundFee.defaultValue,
  }
  const errorNames = ['methods', 'paymentHoldMinutes', 'refundDeadline', 'refundFeeCents'] as const
  const e = Object.fromEntries(errorNames.map((n) => [n, form.allErrors[n]?.map(tr)])) as Record<
    (typeof errorNames)[number],
    string[] | undefined
  >
  const methods = fields.methods.defaultOptions ?? (fields.methods.defaultValue ? [fields.methods.defaultValue] : [])
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      {/* The methods are a group of boxes without one id to link to. */}
      <FormErrorSummary
        errors={e.methods}
        links={summaryEntries(
          form,
          { paymentHoldMinutes: 'settings-hold', refundDeadline: 'settings-refundDeadline', refundFeeCents: 'settings-refundFee' },
          tr,
        )}
      />
      <input type="hidden" name="intent" value="settings.save" />
      <ChoiceGroup
        legend={t('paymentsAdmin.settings.methods')}
        help={t('paymentsAdmin.settings.methodsHelp')}
        name="methods"
        type="checkbox"
        defaultValue={methods}
        errors={e.methods}
        options={[
          {
            value: 'card',
            label: t('paymentsAdmin.settings.card'),
            hint: card.available ? undefined : t('paymentsAdmin.settings.cardUnavailableShort'),
          },
          { value: 'transfer', label: t('paymentsAdmin.settings.transfer') },
          { value: 'purchase_order', label: t('paymentsAdmin.settings.purchaseOrder') },
        ]}
      />
      <TextField
        label={t('paymentsAdmin.settings.hold')}
        name="paymentHoldMinutes"
        id="settings-hold"
        type="number"
        inputMode="numeric"
        min={TICKET_LIMITS.holdMinutesMin}
        max={TICKET_LIMITS.holdMinutesMax}
        defaultValue={v.paymentHoldMinutes}
        help={t('paymentsAdmin.settings.holdHelp')}
        errors={e.paymentHoldMinutes}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={t('paymentsAdmin.settings.refundDeadline')}
          name="refundDeadline"
          id="settings-refundDeadline"
          type="datetime-local"
          defaultValue={v.refundDeadline}
          help={t('paymentsAdmin.settings.refundDeadlineHelp')}
          errors={e.refundDeadline}
        />
        <TextField
          label={t('paymentsAdmin.settings.refundFee')}
          name="refundFee"
          id="settings-refundFee"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={v.refundFee}
          help={t('paymentsAdmin.settings.refundFeeHelp')}
          errors={e.refundFeeCents}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {t('paymentsAdmin.settings.save')}
      </button>
    </Form>
  )
}

export default function Tickets() {
  const t = useT()
  const locale = useLocale()
  const { organisation, isAdmin, event, card, hasBankDetails, tickets } = useLoaderData<typeof loader>()
  const result = useActionData<Result>()
  const pageErrors = result?.formKey === 'page' ? Object.values(result.result.error ?? {}).flatMap((m) => m ?? []) : []
  const active = tickets.filter((x) => !x.archived)
  return (
    <div>
      <EventPageHeader orgSlug={organisation.slug} event={event} heading={t('paymentsAdmin.tickets.title')} />
      <div className="space-y-6">
        <p className="text-stone-700">{t('paymentsAdmin.tickets.intro')}</p>
        {!event.editable && <Notice tone="info">{t('events.error.readOnly')}</Notice>}
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />

        <section aria-labelledby="tickets-title" className="card space-y-4">
          <h2 id="tickets-title" className="text-xl font-semibold">
            {t('paymentsAdmin.tickets.listTitle')}
          </h2>
          {tickets.length === 0 ? (
            <p className="text-stone-700">{t('paymentsAdmin.tickets.empty')}</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-md border border-stone-200">
              {tickets.map((ticket) => {
                const i = active.findIndex((a) => a.id === ticket.id)
                return (
                  <li key={ticket.id} className={`space-y-2 p-3 ${ticket.archived ? 'bg-stone-50' : ''}`}>
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h3 className="font-semibold">{ticket.name}</h3>
                      <p className="font-semibold">
                        {ticket.priceCents === 0 ? t('paymentsAdmin.tickets.kind.free') : formatMoney(locale, ticket.priceCents)}
                      </p>
                    </div>
                    <p className="text-sm text-stone-700">
                      {t(`paymentsAdmin.tickets.kind.${ticket.kind}` as MessageKey)} ·{' '}
                      {ticket.quota === null
                        ? t('paymentsAdmin.tickets.sold', { sold: ticket.sold })
                        : t('paymentsAdmin.tickets.soldOfQuota', { sold: ticket.sold, quota: ticket.quota })}
                      {(ticket.salesStartAt || ticket.salesEndAt) && (
                        <>
                          {' · '}
                          <SalesWindow ticket={ticket} timeZone={event.timeZone} />
                        </>
                      )}
                    </p>
                    {ticket.description && <p className="whitespace-pre-line text-sm">{ticket.description}</p>}
                    {ticket.archived && <p className="text-sm font-medium text-stone-800">{t('paymentsAdmin.tickets.archived')}</p>}
                    {event.editable && (
                      <div className="flex flex-wrap items-start gap-2">
                        {!ticket.archived && i > 0 && (
                          <InlineActionForm
                            intent="ticket.move"
                            fields={{ ticketId: ticket.id, direction: 'up' }}
                            label="↑"
                            accessibleLabel={t('paymentsAdmin.tickets.moveUp', { name: ticket.name })}
                          />
                        )}
                        {!ticket.archived && i < active.length - 1 && (
                          <InlineActionForm
                            intent="ticket.move"
                            fields={{ ticketId: ticket.id, direction: 'down' }}
                            label="↓"
                            accessibleLabel={t('paymentsAdmin.tickets.moveDown', { name: ticket.name })}
                          />
                        )}
                        {ticket.archived ? (
                          <InlineActionForm
                            intent="ticket.restore"
                            fields={{ ticketId: ticket.id }}
                            label={t('paymentsAdmin.tickets.restore')}
                            accessibleLabel={t('paymentsAdmin.tickets.restoreNamed', { name: ticket.name })}
                          />
                        ) : (
                          <InlineActionForm
                            intent="ticket.archive"
                            fields={{ ticketId: ticket.id }}
                            label={t('paymentsAdmin.tickets.archive')}
                            accessibleLabel={t('paymentsAdmin.tickets.archiveNamed', { name: ticket.name })}
                          />
                        )}
                        {ticket.registrations === 0 && ticket.sold === 0 ? (
                          <InlineActionForm
                            intent="ticket.delete"
                            fields={{ ticketId: ticket.id }}
                            label={t('paymentsAdmin.tickets.delete')}
                            accessibleLabel={t('paymentsAdmin.tickets.deleteNamed', { name: ticket.name })}
                            danger
                          />
                        ) : (
                          <p className="w-full text-sm text-stone-700">
                            {t('paymentsAdmin.tickets.heldNote', { count: ticket.registrations })}
                          </p>
                        )}
                        <details
                          key={`${ticket.name}|${ticket.priceCents}|${ticket.quota}|${ticket.kind}|${ticket.salesStartAt}|${ticket.salesEndAt}|${ticket.description}`}
                          className="w-full"
                          open={result?.formKey === `ticket-${ticket.id}`}
                        >
                          <summary className="link cursor-pointer text-sm">
                            {t('paymentsAdmin.tickets.edit', { name: ticket.name })}
                          </summary>
                          <div className="mt-3">
                            <TicketForm formKey={`ticket-${ticket.id}`} ticket={ticket} />
                          </div>
                        </details>
                      </div>
                    )}
                  </li>
                )
              })}
            </ul>
          )}
        </section>

        {event.editable && (
          <section aria-labelledby="new-ticket-title" className="card space-y-3">
            <h2 id="new-ticket-title" className="text-xl font-semibold">
              {t('paymentsAdmin.tickets.newTitle')}
            </h2>
            {/* Keyed by the count so that, once saved, the form comes back empty. */}
            <TicketForm key={tickets.length} formKey="ticket-new" />
          </section>
        )}

        <section aria-labelledby="payment-settings-title" className="card space-y-4">
          <h2 id="payment-settings-title" className="text-xl font-semibold">
            {t('paymentsAdmin.settings.title')}
          </h2>
          {!card.available && (
            <Notice tone="warning">
              {card.missing.length > 0
                ? t('paymentsAdmin.settings.cardUnavailable', { missing: card.missing.join(locale === 'fr' ? ' et ' : ' and ') })
                : t('paymentsAdmin.settings.cardMisconfigured')}
            </Notice>
          )}
          {!hasBankDetails && (
            <Notice tone="info">
              <p>{t('paymentsAdmin.settings.noBankDetails')}</p>
              {isAdmin && (
                <p className="mt-1">
                  <Link to={`/o/${organisation.slug}/settings`} className="link">
                    {t('paymentsAdmin.settings.noBankDetailsLink')}
                  </Link>
                </p>
              )}
            </Notice>
          )}
          {event.editable ? <SettingsForm /> : null}
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
