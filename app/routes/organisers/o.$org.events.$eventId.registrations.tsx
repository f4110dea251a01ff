// Organisers' list of an event's registrations: search and filters (a GET form), counts, per-row
// cancel and workshop moves, adding a person by hand, and links to the CSV / XLSX exports.
// Events with tickets also show each row's ticket and payment, the payments summary, and the
// buttons to mark a bank transfer or purchase order paid, cancel it, or record a manual refund.
import { addByHand, cancelByOrganiser } from '#app/composition/registrations.server.ts'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useId } from 'react'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { isEditable } from '#app/modules/events/service.server.ts'
import { EventPageHeader } from '#app/modules/events/ui.tsx'
import { cancelPending, markPaid, markRefunded, MANUAL_METHODS, paymentsSummary } from '#app/modules/payments/admin.server.ts'
import {
  currentPayment,
  paymentState,
  paymentStateTone,
  receiptNumberText,
  type PaymentLike,
  type PaymentState,
} from '#app/modules/payments/admin-view.ts'
import {
  filtersFromSearchParams,
  listRegistrations,
  moveToWorkshops,
  requireOrganisationEvent,
} from '#app/modules/registrations/admin.server.ts'
import { parseAnswers } from '#app/shared/questions.ts'
import { answerText, CHECKED_IN_FILTER } from '#app/modules/registrations/export-format.ts'
import { formErrorMessage } from '#app/shared/form-message.ts'
import { formContextOf, toRegistrationInput, type FormContext } from '#app/modules/registrations/form.ts'
import { PROFILES, isProfile } from '#app/shared/profiles.ts'
import { holdsSeat, REGISTRATION_STATUSES } from '#app/modules/registrations/rules.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { CheckboxField, ChoiceGroup, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { replyWithAppError, type FormReply } from '#app/utils/submission.server.ts'
import { registrationSubmission, submittedFromPayload } from '#app/route-support/registration-submission.ts'
import { ErrorSummary, fieldId } from '#app/route-support/registration-form.tsx'
import { getFormProps, useForm } from '@conform-to/react'
import { httpError, orHttpError } from '#app/utils/http.server.ts'
import { formatMoney, isLocale, localeFromRequest, translate, type Locale, type MessageKey, type Translate } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { formatShortDateTime, formatTime } from '#app/shared/time.ts'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'attendees.title')
  return [{ title: data ? `${title} — ${data.event.title} — Essor` : `${title} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'registration.view')
  const event = await orHttpError(requireOrganisationEvent(organisation.id, params.eventId))
  const filters = filtersFromSearchParams(new URL(request.url).searchParams)
  const ticketed = event.ticketTypes.length > 0
  const [list, summary] = await Promise.all([listRegistrations(event.id, filters), ticketed ? paymentsSummary(event.id) : null])
  const ctx = formContextOf(event)
  const seats = new Map(event.workshops.map((w) => [w.id, { capacity: w.capacity, seatsTaken: w.seatsTaken }]))
  return {
    org: organisation.slug,
    event: {
      id: event.id,
      title: event.title,
      timeZone: event.timeZone,
      capacity: event.capacity,
      seatsTaken: event.seatsTaken,
      status: event.status,
      editable: isEditable(event.status),
    },
    ticketed,
    summary,
    form: ctx,
    workshopSeats: Object.fromEntries(seats),
    filters: { q: filters.q ?? '', status: filters.status ?? '', profile: filters.profile ?? '', workshop: filters.workshopId ?? '' },
    counts: list.counts,
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    rows: list.rows.map((r) => {
      const answers = parseAnswers(r.answers)
      return {
        id: r.id,
        firstName: r.firstName,
        lastName: r.lastName,
        email: r.email,
        organisationName: r.organisationName,
        organisationType: r.organisationType,
        phone: r.phone,
        status: r.status,
        source: r.source,
        ticketCode: r.ticketCode,
        accessibilityNeeds: r.accessibilityNeeds,
        dietaryNeeds: r.dietaryNeeds,
        createdAt: r.createdAt.toISOString(),
        checkedInAt: r.checkedInAt?.toISOString() ?? null,
        answers: ctx.questions
          .map((q) => ({ label: q.label, value: answers[q.id] }))
          .filter((a) => a.value !== undefined && a.value !== ''),
        workshops: r.workshops.map((w) => ({ slotId: w.slotId, workshopId: w.workshopId, title: w.workshop.title })),
        ticket: r.ticketType?.name ?? null,
        holdExpiresAt: r.holdExpiresAt?.toISOString() ?? null,
        payment: paymentRow(currentPayment(r.payments)),
      }
    }),
  }
}

function paymentRow(p: PaymentLike | null) {
  if (!p) return null
  const state = paymentState(p)
  return {
    id: p.id,
    method: p.method,
    state,
    amountCents: p.amountCents,
    reference: p.reference,
    purchaseOrderNumber: p.purchaseOrderNumber,
    receiptNumber: p.receiptNumber,
    refundCents: p.refundCents,
    // What the organiser may do with it here: only transfers and purchase orders are theirs to settle.
    manual: MANUAL_METHODS.includes(p.method),
  }
}

type AddReply = { intent: 'add' } & FormReply

const INTENT_PERMISSIONS = {
  cancel: 'registration.cancel',
  'payment.markPaid': 'payment.markPaid',
  'payment.cancel': 'payment.cancel',
  'payment.markRefunded': 'payment.markRefunded',
  move: 'registration.move',
  add: 'registration.add',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'registration.view')
  const event = await orHttpError(requireOrganisationEvent(organisation.id, params.eventId))
  const url = new URL(request.url)
  url.searchParams.delete('index')
  const back = url.pathname + url.search
  const formData = await request.formData()
  const intent = formData.get('intent')
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, intent))
  const registrationId = String(formData.get('registrationId') ?? '')

  try {
    if (intent === 'cancel') {
      const { cancelled } = await cancelByOrganiser(event.id, registrationId, { actorUserId: user.id, request })
      return redirectWithToast(
        request,
        back,
        cancelled ? { type: 'success', key: 'attendees.toast.cancelled' } : { type: 'info', key: 'attendees.toast.alreadyCancelled' },
      )
    }

    if (intent === 'payment.markPaid' || intent === 'payment.cancel' || intent === 'payment.markRefunded') {
      const paymentId = String(formData.get('paymentId') ?? '')
      const actor = { organisationId: organisation.id, userId: user.id, request }
      const opts = { eventId: event.id }
      if (intent === 'payment.markPaid') {
        const { outcome } = await markPaid(paymentId, actor, opts)
        return redirectWithToast(
          request,
          back,
          outcome === 'confirmed'
            ? { type: 'success', key: 'paymentsAdmin.toast.markedPaid' }
            : outcome === 'seat_lost'
              ? { type: 'error', key: 'paymentsAdmin.toast.seatLost' }
              : { type: 'info', key: 'paymentsAdmin.toast.alreadyPaid' },
        )
      }
      if (intent === 'payment.cancel') {
        const cancelled = await cancelPending(paymentId, actor, opts)
        return redirectWithToast(
          request,
          back,
          cancelled
            ? { type: 'success', key: 'paymentsAdmin.toast.paymentCancelled' }
            : { type: 'info', key: 'paymentsAdmin.toast.alreadyCancelled' },
        )
      }
      const refunded = await markRefunded(paymentId, actor, opts)
      return redirectWithToast(
        request,
        back,
        refunded
          ? { type: 'success', key: 'paymentsAdmin.toast.markedRefunded' }
          : { type: 'info', key: 'paymentsAdmin.toast.alreadyRefunded' },
      )
    }

    if (intent === 'move') {
      const choices: Record<string, string> = {}
      for (const slot of event.slots) {
        const value = formData.get(`workshop.${slot.id}`)
        if (typeof value === 'string') choices[slot.id] = value
      }
      const { changed } = await moveToWorkshops(event.id, registrationId, choices, { actorUserId: user.id })
      return redirectWithToast(
        request,
        back,
        changed ? { type: 'success', key: 'attendees.toast.moved' } : { type: 'info', key: 'attendees.toast.unchanged' },
      )
    }
  } catch (error) {
    if (isAppError(error)) {
      return redirectWithToast(request, back, { type: 'error', key: error.messageKey ?? 'error.500.title', params: error.params })
    }
    throw error
  }

  if (intent === 'add') {
    const submission = registrationSubmission(formData, formContextOf(event))
    const personLocale = formData.get('personLocale')
    const locale: Locale = isLocale(personLocale) ? personLocale : localeFromRequest(request)
    const failed = (status: number, result: FormReply['result']) => data<AddReply>({ intent: 'add', result }, { status })
    if (submission.status !== 'success') return failed(400, submission.reply())
    try {
      const values = submission.value.registration
      const ignoreCapacity = formData.get('ignoreCapacity') === 'on'
      const result = await addByHand(event.id, toRegistrationInput(values, locale), { actorUserId: user.id, request, ignoreCapacity })
      const name = `${values.firstName} ${values.lastName}`
      const key: MessageKey =
        result.outcome === 'confirmed'
          ? 'attendees.toast.added'
          : result.outcome === 'waitlisted'
            ? 'attendees.toast.addedWaitlisted'
            : result.outcome === 'pending_payment'
              ? 'paymentsAdmin.toast.addedPendingPayment'
              : 'attendees.toast.duplicate'
      return redirectWithToast(request, back, { type: result.outcome === 'duplicate' ? 'info' : 'success', key, params: { name } })
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error
      return failed(error.status, replyWithAppError(submission, request, error))
    }
  }

  throw httpError(400, 'Unknown intent')
}

// ---------------------------------------------------------------------------------------------

type LoaderData = Awaited<ReturnType<typeof loader>>
type Row = LoaderData['rows'][number]

function statusText(t: Translate, status: string) {
  if (status === 'pending_payment') return t('paymentsAdmin.status.pending_payment')
  // applied / refused: applications of an event that selects its participants (admission).
  return [...REGISTRATION_STATUSES, 'applied', 'refused'].includes(status) ? t(`attendees.status.${status}` as MessageKey) : status
}

function profileText(t: Translate, profile: string) {
  return isProfile(profile) ? t(`profile.${profile}`) : profile
}

function useFormatters(timeZone: string) {
  const locale = useLocale()
  return { dateTime: (iso: string) => formatShortDateTime(locale, iso, timeZone), time: (iso: string) => formatTime(locale, iso, timeZone) }
}

function StatusBadge({ row, timeZone }: { row: Row; timeZone: string }) {
  const t = useT()
  const f = useFormatters(timeZone)
  const colours: Record<string, string> = {
    confirmed: 'bg-brand-50 text-brand-800 border-brand-700',
    waitlisted: 'bg-amber-50 text-amber-900 border-amber-700',
    offered: 'bg-sky-50 text-sky-900 border-sky-700',
    cancelled: 'bg-stone-100 text-stone-700 border-stone-400',
    pending_payment: 'bg-amber-50 text-amber-900 border-amber-700',
  }
  return (
    <span className="flex flex-col items-start gap-1">
      <span
        className={`rounded border px-2 py-0.5 text-xs font-semibold ${colours[row.status] ?? 'bg-white text-stone-800 border-stone-400'}`}
      >
        {statusText(t, row.status)}
      </span>
      {row.checkedInAt && <span className="text-xs text-stone-700">{t('attendees.checkedInAt', { time: f.time(row.checkedInAt) })}</span>}
    </span>
  )
}

function Counts({
  counts,
  capacity,
  seatsTaken,
  ticketed,
}: {
  counts: LoaderData['counts']
  capacity: number | null
  seatsTaken: number
  ticketed: boolean
}) {
  const t = useT()
  const items: [MessageKey, number | string][] = [
    ['attendees.count.confirmed', counts.confirmed ?? 0],
    ...(ticketed || counts.pending_payment
      ? [['paymentsAdmin.count.pendingPayment', counts.pending_payment ?? 0] as [MessageKey, number]]
      : []),
    ['attendees.count.waitlisted', counts.waitlisted ?? 0],
    ['attendees.count.offered', counts.offered ?? 0],
    ['attendees.count.cancelled', counts.cancelled ?? 0],
    ['attendees.count.checkedIn', `${counts.checkedIn} / ${counts.confirmed ?? 0}`],
    [
      'attendees.count.seats',
      capacity === null ? t('attendees.count.seatsUnlimited', { taken: seatsTaken }) : `${seatsTaken} / ${capacity}`,
    ],
  ]
  return (
    <dl className={`grid grid-cols-2 gap-3 sm:grid-cols-3 ${items.length > 6 ? 'lg:grid-cols-7' : 'lg:grid-cols-6'}`}>
      {items.map(([key, value]) => (
        <div key={key} className="rounded-md border border-stone-200 bg-white px-3 py-2">
          <dt className="text-xs text-stone-700">{t(key)}</dt>
          <dd className="text-lg font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function PaymentsSummaryBox({ summary }: { summary: NonNullable<LoaderData['summary']> }) {
  const t = useT()
  const locale = useLocale()
  const items: [MessageKey, { count: number; cents: number } | null, number][] = [
    ['paymentsAdmin.summary.paid', summary.paid, summary.paid.cents],
    ['paymentsAdmin.summary.pending', summary.pending, summary.pending.cents],
    ['paymentsAdmin.summary.refunded', summary.refunded, summary.refunded.cents],
    ['paymentsAdmin.summary.toRefund', summary.toRefund, summary.toRefund.cents],
    ['paymentsAdmin.summary.net', null, summary.netCents],
  ]
  return (
    <section aria-labelledby="payments-summary-title" className="space-y-2">
      <h2 id="payments-summary-title" className="text-xl font-semibold">
        {t('paymentsAdmin.summary.title')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {items.map(([key, group, cents]) => (
          <div key={key} className="rounded-md border border-stone-200 bg-white px-3 py-2">
            <dt className="text-xs text-stone-700">{t(key)}</dt>
            <dd className="text-lg font-semibold">{formatMoney(locale, cents)}</dd>
            {group && <dd className="text-xs text-stone-700">{t('paymentsAdmin.summary.count', { count: group.count })}</dd>}
          </div>
        ))}
      </dl>
    </section>
  )
}

function Filters({ filters, form, ticketed }: { filters: LoaderData['filters']; form: FormContext; ticketed: boolean }) {
  const t = useT()
  const location = useLocation()
  const workshopId = useId()
  return (
    <Form
      method="get"
      role="search"
      aria-label={t('attendees.filters.label')}
      className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      <TextField
        label={t('attendees.filters.q')}
        name="q"
        type="search"
        defaultValue={filters.q}
        className="sm:col-span-2 lg:col-span-2"
        help={t('attendees.filters.qHelp')}
      />
      <SelectField
        label={t('attendees.filters.status')}
        name="status"
        defaultValue={filters.status}
        placeholder={t('attendees.filters.all')}
        options={[
          // "Payment pending" only means something on an event with tickets.
          ...REGISTRATION_STATUSES.filter((s) => ticketed || s !== 'pending_payment').map((s) => ({ value: s, label: statusText(t, s) })),
          { value: CHECKED_IN_FILTER, label: t('attendees.filters.checkedIn') },
        ]}
      />
      <SelectField
        label={t('attendees.filters.profile')}
        name="profile"
        defaultValue={filters.profile}
        placeholder={t('attendees.filters.all')}
        options={PROFILES.map((p) => ({ value: p, label: profileText(t, p) }))}
      />
      {form.slots.length > 0 && (
        <div>
          <label htmlFor={workshopId} className="label">
            {t('attendees.filters.workshop')}
          </label>
          <select id={workshopId} name="workshop" defaultValue={filters.workshop} className="input">
            <option value="">{t('attendees.filters.all')}</option>
            {form.slots.map((s) => (
              <optgroup key={s.id} label={s.label}>
                {s.workshops.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-5">
        <button type="submit" className="btn-primary">
          {t('attendees.filters.submit')}
        </button>
        <Link to={location.pathname} className="btn-secondary">
          {t('attendees.filters.reset')}
        </Link>
      </div>
    </Form>
  )
}

function MoveForm({ row, form, seats, idPrefix }: { row: Row; form: FormContext; seats: LoaderData['workshopSeats']; idPrefix: string }) {
  const t = useT()
  const current = new Map(row.workshops.map((w) => [w.slotId, w.workshopId]))
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700 underline">{t('attendees.move.open')}</summary>
      <Form method="post" className="mt-2 space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3">
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="registrationId" value={row.id} />
        {form.slots.map((s) => (
          <SelectField
            key={s.id}
            id={`${idPrefix}-move-${row.id}-${s.id}`}
            label={s.label}
            name={`workshop.${s.id}`}
            defaultValue={current.get(s.id) ?? ''}
            placeholder={t('attendees.move.none')}
            options={s.workshops.map((w) => {
              const seat = seats[w.id]
              const room = seat ? (seat.capacity === null ? String(seat.seatsTaken) : `${seat.seatsTaken}/${seat.capacity}`) : ''
              return { value: w.id, label: room ? `${w.title} (${room})` : w.title }
            })}
          />
        ))}
        <button type="submit" className="btn-secondary">
          {t('attendees.move.submit', { name: `${row.firstName} ${row.lastName}` })}
        </button>
      </Form>
    </details>
  )
}

function CancelForm({ row }: { row: Row }) {
  const t = useT()
  const name = `${row.firstName} ${row.lastName}`
  // A disclosure is the confirmation step: it needs no JavaScript, and a stray tap cancels nothing.
  return (
    <details>
      <summary className="cursor-pointer text-sm font-semibold text-red-800 underline">{t('attendees.cancel.open')}</summary>
      <Form method="post" className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="registrationId" value={row.id} />
        <p className="text-sm text-red-900">{t('attendees.cancel.confirmText', { name })}</p>
        <button type="submit" className="btn-danger">
          {t('attendees.cancel.confirm', { name })}
        </button>
      </Form>
    </details>
  )
}

const TONES: Record<ReturnType<typeof paymentStateTone>, string> = {
  ok: 'bg-brand-50 text-brand-800 border-brand-700',
  todo: 'bg-amber-50 text-amber-900 border-amber-700',
  problem: 'bg-red-50 text-red-800 border-red-700',
  neutral: 'bg-stone-100 text-stone-700 border-stone-400',
}

/** The row's ticket and payment: amount, state, reference, purchase order, receipt, hold. */
function PaymentInfo({ row, timeZone }: { row: Row; timeZone: string }) {
  const t = useT()
  const locale = useLocale()
  const f = useFormatters(timeZone)
  const p = row.payment
  if (!row.ticket && !p) return null
  return (
    <div className="space-y-1 text-sm">
      {row.ticket && <p>{t('paymentsAdmin.row.ticket', { name: row.ticket })}</p>}
      {p && (
        <>
          <p className="font-semibold">{formatMoney(locale, p.amountCents)}</p>
          <p>
            <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold ${TONES[paymentStateTone(p.state)]}`}>
              {t(`paymentsAdmin.method.${p.method}` as MessageKey)} — {t(`paymentsAdmin.state.${p.state}` as MessageKey)}
            </span>
          </p>
          <p className="text-stone-700">
            {t('paymentsAdmin.row.reference', { reference: '' })}
            <span className="whitespace-nowrap">{p.reference}</span>
          </p>
          {p.purchaseOrderNumber && (
            <p className="text-stone-700">{t('paymentsAdmin.row.purchaseOrder', { number: p.purchaseOrderNumber })}</p>
          )}
          {p.receiptNumber !== null && (
            <p className="text-stone-700">{t('paymentsAdmin.row.receipt', { number: receiptNumberText(p.receiptNumber) })}</p>
          )}
          {p.state === 'to_refund_by_transfer' && (
            <p className="font-medium text-amber-900">
              {t('paymentsAdmin.row.refund', { amount: formatMoney(locale, p.refundCents ?? p.amountCents) })}
            </p>
          )}
          {p.state === 'awaiting_card' && row.holdExpiresAt && (
            <p className="text-stone-700">{t('paymentsAdmin.row.holdUntil', { time: f.time(row.holdExpiresAt) })}</p>
          )}
        </>
      )}
    </div>
  )
}

/** A confirmation step in a disclosure (no JavaScript needed; a stray tap changes nothing). */
function ConfirmAction({
  summary,
  text,
  button,
  intent,
  paymentId,
  tone,
}: {
  summary: string
  text: string
  button: string
  intent: string
  paymentId: string
  tone: 'primary' | 'danger'
}) {
  const busy = useNavigation().state === 'submitting'
  return (
    <details>
      <summary className={`cursor-pointer text-sm font-semibold underline ${tone === 'danger' ? 'text-red-800' : 'text-brand-700'}`}>
        {summary}
      </summary>
      <Form
        method="post"
        className={`mt-2 space-y-2 rounded-md border p-3 ${tone === 'danger' ? 'border-red-200 bg-red-50' : 'border-stone-200 bg-stone-50'}`}
      >
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="paymentId" value={paymentId} />
        <p className={`text-sm ${tone === 'danger' ? 'text-red-900' : 'text-stone-900'}`}>{text}</p>
        <button type="submit" className={tone === 'danger' ? 'btn-danger' : 'btn-primary'} disabled={busy}>
          {button}
        </button>
      </Form>
    </details>
  )
}

/** Mark paid / cancel a pending transfer or purchase order; mark a manual refund done. */
function PaymentActions({ row }: { row: Row }) {
  const t = useT()
  const locale = useLocale()
  const p = row.payment
  if (!p || !p.manual) return null
  const name = `${row.firstName} ${row.lastName}`
  const amount = formatMoney(locale, p.amountCents)
  const pending: PaymentState[] = ['awaiting_transfer', 'awaiting_purchase_order']
  if (pending.includes(p.state)) {
    return (
      <>
        <ConfirmAction
          summary={t('paymentsAdmin.action.markPaid')}
          text={t('paymentsAdmin.action.markPaidConfirm', { amount, reference: p.reference, name })}
          button={t('paymentsAdmin.action.markPaidNamed', { name, amount })}
          intent="payment.markPaid"
          paymentId={p.id}
          tone="primary"
        />
        <ConfirmAction
          summary={t('paymentsAdmin.action.cancel')}
          text={t('paymentsAdmin.action.cancelConfirm', { name })}
          button={t('paymentsAdmin.action.cancelNamed', { name })}
          intent="payment.cancel"
          paymentId={p.id}
          tone="danger"
        />
      </>
    )
  }
  if (p.state === 'to_refund_by_transfer') {
    const refund = formatMoney(locale, p.refundCents ?? p.amountCents)
    return (
      <ConfirmAction
        summary={t('paymentsAdmin.action.markRefunded')}
        text={t('paymentsAdmin.row.refund', { amount: refund })}
        button={t('paymentsAdmin.action.markRefundedNamed', { name, amount: refund })}
        intent="payment.markRefunded"
        paymentId={p.id}
        tone="primary"
      />
    )
  }
  return null
}

function Details({ row }: { row: Row }) {
  const t = useT()
  const locale = useLocale()
  const items: [string, string][] = [
    [t('attendees.field.email'), row.email],
    [t('attendees.field.phone'), row.phone ?? ''],
    [t('attendees.field.ticketCode'), row.ticketCode],
    [
      t('attendees.field.source'),
      t(`attendees.source.${['form', 'api', 'manual', 'invitation'].includes(row.source) ? row.source : 'form'}` as MessageKey),
    ],
    [t('attendees.field.accessibility'), row.accessibilityNeeds ?? ''],
    [t('attendees.field.dietary'), row.dietaryNeeds ?? ''],
    ...row.answers.map((a): [string, string] => [a.label, answerText(a.value, locale)]),
  ]
  return (
    <details>
      <summary className="cursor-pointer text-sm font-semibold text-brand-700 underline">{t('attendees.details.open')}</summary>
      <dl className="mt-2 space-y-1 text-sm">
        {items
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt className="inline font-medium">
                {k}
                {t('attendees.details.separator')}
              </dt>
              <dd className="inline break-words">{v}</dd>
            </div>
          ))}
      </dl>
    </details>
  )
}

function RowActions({ row, data, idPrefix }: { row: Row; data: LoaderData; idPrefix: string }) {
  return (
    <div className="flex flex-col items-start gap-2">
      <Details row={row} />
      <PaymentActions row={row} />
      {holdsSeat(row.status) && data.form.slots.length > 0 && (
        <MoveForm row={row} form={data.form} seats={data.workshopSeats} idPrefix={idPrefix} />
      )}
      {/* A registration waiting for a transfer is cancelled with its payment ("Annuler le paiement"). */}
      {row.status !== 'cancelled' && !(row.status === 'pending_payment' && row.payment?.manual) && <CancelForm row={row} />}
    </div>
  )
}

function RegistrationsTable({ data }: { data: LoaderData }) {
  const t = useT()
  const f = useFormatters(data.event.timeZone)
  return (
    <div className="hidden overflow-x-auto md:block" tabIndex={0} role="region" aria-labelledby="results-title">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('attendees.table.caption', { page: data.page, pages: data.pageCount })}</caption>
        <thead className="border-b border-stone-300 bg-stone-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('attendees.col.name')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('attendees.col.organisation')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('attendees.col.status')}
            </th>
            {data.ticketed && (
              <th scope="col" className="px-3 py-2">
                {t('paymentsAdmin.col.payment')}
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              {t('attendees.col.workshops')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('attendees.col.registeredAt')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('attendees.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.id} className="border-b border-stone-200 align-top">
              <th scope="row" className="px-3 py-2 font-semibold">
                {row.lastName} {row.firstName}
                <span className="block font-normal text-stone-700">{row.email}</span>
              </th>
              <td className="px-3 py-2">
                {row.organisationName}
                <span className="block text-stone-700">{profileText(t, row.organisationType)}</span>
              </td>
              <td className="px-3 py-2">
                <StatusBadge row={row} timeZone={data.event.timeZone} />
              </td>
              {data.ticketed && (
                <td className="px-3 py-2">
                  <PaymentInfo row={row} timeZone={data.event.timeZone} />
                </td>
              )}
              <td className="px-3 py-2">{row.workshops.map((w) => w.title).join(', ')}</td>
              <td className="px-3 py-2 whitespace-nowrap">{f.dateTime(row.createdAt)}</td>
              <td className="px-3 py-2">
                <RowActions row={row} data={data} idPrefix="t" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RegistrationCards({ data }: { data: LoaderData }) {
  const t = useT()
  const f = useFormatters(data.event.timeZone)
  return (
    <ul className="space-y-3 md:hidden" aria-label={t('attendees.table.caption', { page: data.page, pages: data.pageCount })}>
      {data.rows.map((row) => (
        <li key={row.id} className="card space-y-2">
          <div className="flex items-start justify-between gap-2">
            <h3 className="font-semibold">
              {row.lastName} {row.firstName}
            </h3>
            <StatusBadge row={row} timeZone={data.event.timeZone} />
          </div>
          <p className="text-sm text-stone-700">
            {row.organisationName} — {profileText(t, row.organisationType)}
          </p>
          <PaymentInfo row={row} timeZone={data.event.timeZone} />
          {row.workshops.length > 0 && (
            <p className="text-sm">{t('attendees.card.workshops', { list: row.workshops.map((w) => w.title).join(', ') })}</p>
          )}
          <p className="text-sm text-stone-700">{t('attendees.card.registeredAt', { date: f.dateTime(row.createdAt) })}</p>
          <RowActions row={row} data={data} idPrefix="c" />
        </li>
      ))}
    </ul>
  )
}

function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const t = useT()
  const location = useLocation()
  if (pageCount <= 1) return null
  const to = (p: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(p))
    return `${location.pathname}?${params}`
  }
  return (
    <nav aria-label={t('attendees.pagination.label')} className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link to={to(page - 1)} className="btn-secondary">
          {t('attendees.pagination.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm" aria-current="page">
        {t('attendees.pagination.status', { page, pages: pageCount })}
      </span>
      {page < pageCount ? (
        <Link to={to(page + 1)} className="btn-secondary">
          {t('attendees.pagination.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}

// Field ids "add-<name>", which the error summary links to.
const ADD = 'add'

function AddPersonForm({ form: ctx, lastResult }: { form: FormContext; lastResult: FormReply['result'] | undefined }) {
  const t = useT()
  const locale = useLocale()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'add'
  // The same rules as the public form, checked in the browser too (first on blur, then on input).
  const [form] = useForm<Record<string, unknown>, unknown, string[]>({
    id: 'add-person',
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => registrationSubmission(formData, ctx),
  })
  const fieldErrors = Object.fromEntries(Object.entries(form.allErrors).filter(([name]) => name !== ''))
  const fe = (name: string) => fieldErrors[name]?.map((e) => formErrorMessage(t, e))
  const id = (name: string) => fieldId(ADD, name)
  // What was typed comes back after a failed submission.
  const payload = lastResult?.initialValue
  const v = payload ? submittedFromPayload(payload, ctx) : undefined
  const isGroup = (name: string) => {
    const q = name.startsWith('answers.') ? ctx.questions.find((x) => `answers.${x.id}` === name) : undefined
    return q?.type === 'single_choice' || q?.type === 'multiple_choice'
  }
  return (
    <section aria-labelledby="add-person-title" className="card">
      <details open={Boolean(lastResult)}>
        <summary className="cursor-pointer">
          <h2 id="add-person-title" className="inline text-xl font-semibold">
            {t('attendees.add.title')}
          </h2>
        </summary>
        <p className="mt-2 text-sm text-stone-700">{t('attendees.add.intro')}</p>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="add" />
          <ErrorSummary ctx={ctx} errors={{ fieldErrors, formErrors: form.errors ?? [] }} prefix={ADD} isGroup={isGroup} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t('attendees.field.firstName')}
              id={id('firstName')}
              name="firstName"
              required
              autoComplete="off"
              defaultValue={v?.firstName}
              errors={fe('firstName')}
            />
            <TextField
              label={t('attendees.field.lastName')}
              id={id('lastName')}
              name="lastName"
              required
              autoComplete="off"
              defaultValue={v?.lastName}
              errors={fe('lastName')}
            />
            <TextField
              label={t('attendees.field.email')}
              id={id('email')}
              name="email"
              type="email"
              required
              autoComplete="off"
              defaultValue={v?.email}
              errors={fe('email')}
            />
            <TextField
              label={t('attendees.field.phone')}
              id={id('phone')}
              name="phone"
              type="tel"
              autoComplete="off"
              defaultValue={v?.phone}
              errors={fe('phone')}
            />
            <TextField
              label={t('attendees.field.organisation')}
              id={id('organisation')}
              name="organisation"
              required
              defaultValue={v?.organisation}
              errors={fe('organisation')}
            />
            <SelectField
              label={t('attendees.field.organisationType')}
              id={id('organisationType')}
              name="organisationType"
              required
              defaultValue={v?.organisationType ?? ''}
              placeholder={t('attendees.field.choose')}
              options={PROFILES.map((p) => ({ value: p, label: profileText(t, p) }))}
              errors={fe('organisationType')}
            />
            <TextareaField
              label={t('attendees.field.accessibility')}
              id={id('accessibilityNeeds')}
              name="accessibilityNeeds"
              defaultValue={v?.accessibilityNeeds}
              errors={fe('accessibilityNeeds')}
            />
            <TextareaField
              label={t('attendees.field.dietary')}
              id={id('dietaryNeeds')}
              name="dietaryNeeds"
              defaultValue={v?.dietaryNeeds}
              errors={fe('dietaryNeeds')}
            />
          </div>
          {ctx.slots.map((s) => (
            <SelectField
              key={s.id}
              id={id(`workshop.${s.id}`)}
              label={t('attendees.add.workshop', { slot: s.label })}
              name={`workshop.${s.id}`}
              defaultValue={s.workshops.find((w) => v?.workshops.includes(w.id))?.id ?? ''}
              placeholder={t('attendees.move.none')}
              options={s.workshops.map((w) => ({ value: w.id, label: w.title }))}
              errors={fe(`workshop.${s.id}`) ?? (s === ctx.slots[0] ? fe('workshops') : undefined)}
            />
          ))}
          {ctx.questions.map((q) => {
            const name = `answers.${q.id}`
            const value = v?.answers[q.id]
            if (q.type === 'long_text') {
              return (
                <TextareaField
                  key={q.id}
                  id={id(name)}
                  label={q.label}
                  help={q.help ?? undefined}
                  name={name}
                  required={q.required}
                  defaultValue={typeof value === 'string' ? value : ''}
                  errors={fe(name)}
                />
              )
            }
            if (q.type === 'single_choice' || q.type === 'multiple_choice') {
              return (
                <ChoiceGroup
                  key={q.id}
                  id={id(name)}
                  legend={q.label}
                  help={q.help ?? undefined}
                  name={name}
                  type={q.type === 'single_choice' ? 'radio' : 'checkbox'}
                  required={q.required}
                  options={q.options.map((o) => ({ value: o, label: o }))}
                  defaultValue={typeof value === 'string' || Array.isArray(value) ? value : undefined}
                  errors={fe(name)}
                />
              )
            }
            if (q.type === 'checkbox') {
              return (
                <CheckboxField
                  key={q.id}
                  id={id(name)}
                  label={q.label}
                  help={q.help ?? undefined}
                  name={name}
                  required={q.required}
                  defaultChecked={value === true}
                  errors={fe(name)}
                />
              )
            }
            return (
              <TextField
                key={q.id}
                id={id(name)}
                label={q.label}
                help={q.help ?? undefined}
                name={name}
                required={q.required}
                defaultValue={typeof value === 'string' ? value : ''}
                errors={fe(name)}
              />
            )
          })}
          <SelectField
            label={t('attendees.add.locale')}
            name="personLocale"
            defaultValue={typeof payload?.personLocale === 'string' ? payload.personLocale : locale}
            options={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
          <CheckboxField
            label={t('attendees.add.ignoreCapacity')}
            name="ignoreCapacity"
            defaultChecked={payload?.ignoreCapacity === 'on'}
            help={t('attendees.add.ignoreCapacityHelp')}
          />
          <CheckboxField
            id={id('consent')}
            label={t('attendees.add.consent')}
            name="consent"
            required
            defaultChecked={v?.consent}
            errors={fe('consent')}
          />
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('attendees.add.submit')}
          </button>
        </Form>
      </details>
    </section>
  )
}

export default function EventRegistrations() {
  const t = useT()
  const locale = useLocale()
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const location = useLocation()
  const { org, event } = loaderData
  const base = `/o/${org}/events/${event.id}`
  const exportQuery = new URLSearchParams(location.search)
  exportQuery.delete('page')
  if (locale !== 'fr') exportQuery.set('lang', locale)
  const qs = exportQuery.toString() ? `?${exportQuery}` : ''
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={org} event={event} heading={t('attendees.title')} />
      <p className="flex flex-wrap gap-2">
        <Link to={`${base}/checkin`} className="btn-secondary">
          {t('attendees.nav.checkin')}
        </Link>
        <Link to={`${base}/stats`} className="btn-secondary">
          {t('attendees.nav.stats')}
        </Link>
      </p>

      <Counts counts={loaderData.counts} capacity={event.capacity} seatsTaken={event.seatsTaken} ticketed={loaderData.ticketed} />

      {loaderData.summary && <PaymentsSummaryBox summary={loaderData.summary} />}

      <Filters filters={loaderData.filters} form={loaderData.form} ticketed={loaderData.ticketed} />

      <section aria-labelledby="results-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="results-title" className="text-xl font-semibold">
            {t('attendees.results', { count: loaderData.total })}
          </h2>
          <p className="flex flex-wrap gap-2">
            {/* Plain links: the browser downloads the files, no client-side routing. */}
            <a href={`${base}/registrations.csv${qs}`} className="btn-secondary" download>
              {t('attendees.export.csv')}
            </a>
            <a href={`${base}/registrations.xlsx${qs}`} className="btn-secondary" download>
              {t('attendees.export.xlsx')}
            </a>
          </p>
        </div>
        {/* This list is sorted by name: the queue in its order, with places, is its own page. */}
        {loaderData.filters.status === 'waitlisted' && (
          <p>
            <Link to={`${base}/waiting-list`} className="link font-semibold">
              {t('waitlist.inOrder')}
            </Link>
          </p>
        )}
        {loaderData.rows.length === 0 ? (
          <p className="card text-stone-700">{t('attendees.empty')}</p>
        ) : (
          <>
            <RegistrationsTable data={loaderData} />
            <RegistrationCards data={loaderData} />
          </>
        )}
        <Pagination page={loaderData.page} pageCount={loaderData.pageCount} />
      </section>

      <AddPersonForm
        form={loaderData.form}
        lastResult={actionData && 'intent' in actionData ? (actionData as AddReply).result : undefined}
      />
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
