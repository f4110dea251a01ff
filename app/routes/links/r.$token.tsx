// The personal manage page behind the link in every registration email (no account needed):
// status and waiting-list position, the offer to confirm, the ticket and its QR code, the
// calendar file, editing one's information and answers, changing workshops, a new personal link,
// cancelling. A link revoked by a new one lands on the replaced-link page (r.$token_.remplace.tsx).
import { certificateAvailableFor } from '#app/modules/attendance/certificates.server.ts'
import { acceptOffer, cancelByAttendee, eraseRegistration } from '#app/composition/registrations.server.ts'
import { getFormProps } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import QRCode from 'qrcode'
import { formatEventWhen, formatInstant, formatTimeRange } from '#app/modules/events/public.server.ts'
import { formDataToFields, type SubmittedFields } from '#app/modules/registrations/form.ts'
import { ManageFormSchema, type ManageIntent } from '#app/modules/registrations/manage-schema.ts'
import { getManageView, updateAttendeeDetails } from '#app/modules/registrations/self-service.server.ts'
import { changeWorkshops, findRegistrationByManageToken } from '#app/modules/registrations/service.server.ts'
import { manageLinkState, rotateManageLink } from '#app/modules/registrations/links.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { ErrorSummary, RegistrationFields, WorkshopFields, type FormErrors } from '#app/route-support/registration-form.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { isAppError, type AppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { availableMethods, type PaymentMethod } from '#app/modules/payments/rules.ts'
import { paymentSummaryFor } from '#app/modules/payments/service.server.ts'
import { cardPaymentsAvailable } from '#app/modules/payments/stripe.server.ts'
import { TextField } from '#app/ui/forms.tsx'

type Intent = ManageIntent
/** Conform's reply; after a service's refusal, also the form it concerns and what was sent (to refill the shared fields). */
type ActionData = FormReply & { intent?: Intent; submitted?: SubmittedFields }

// The address holds the secret: never cached, never indexed, never sent as a referrer to another
// site ('same-origin', not 'no-referrer': with no-referrer, browsers send "Origin: null" on the
// page's own POST forms, which the Origin check refuses — the forms would fail without JavaScript).
const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'manage.title')
  return [{ title: data ? `${title} — ${data.event.title}` : title }, { name: 'robots', content: 'noindex, nofollow' }]
}

/** A token that opens nothing: the replaced-link page for a link revoked by a newer one, else a 404. */
async function missingLink(token: string) {
  return (await manageLinkState(token)).state === 'replaced' ? redirect(`/r/${token}/remplace`, { headers: PRIVATE_HEADERS }) : notFound()
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await getManageView(params.token ?? '')
  if (!view) throw await missingLink(params.token ?? '')
  const locale = localeFromRequest(request)
  const url = new URL(request.url)
  const { registration: r, event } = view
  const tz = event.timeZone
  const confirmed = r.status === 'confirmed'
  // The ticket, the payment, and what cancelling now would refund.
  const pay = await paymentSummaryFor(r.id, new Date(), locale)
  const offerMethods = view.offerOpen && pay?.ticket?.paid && pay.event ? availableMethods(pay.event, cardPaymentsAvailable()) : []
  return data(
    {
      token: params.token!,
      welcome: url.searchParams.get('welcome') === '1',
      confirmCancel: url.searchParams.get('cancel') === '1',
      confirmErase: url.searchParams.get('erase') === '1',
      registration: {
        status: r.status,
        firstName: r.firstName,
        lastName: r.lastName,
        email: r.email,
        organisationName: r.organisationName,
        organisationType: r.organisationType,
        departement: r.departement,
        phone: r.phone,
        accessibilityNeeds: r.accessibilityNeeds,
        dietaryNeeds: r.dietaryNeeds,
        answers: r.answers,
        ticketCode: confirmed ? r.ticketCode : null,
        // Admission: the application's project, when there is one.
        project: r.projectName ? { name: r.projectName, stage: r.projectStage, territory: r.projectTerritory } : null,
        offerDeadline: view.offerOpen && r.offerExpiresAt ? formatInstant(locale, r.offerExpiresAt, tz) : null,
      },
      // Generated here: a scanner reads the same code the check-in staff type in.
      qrSvg: confirmed ? await QRCode.toString(r.ticketCode, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) : null,
      event: {
        slug: event.slug,
        title: event.title,
        when: formatEventWhen(locale, event.startsAt, event.endsAt, tz),
        place: [event.venueName, event.address, event.town].filter(Boolean) as string[],
        onlineUrl: confirmed && event.onlineUrl && /^https?:\/\//i.test(event.onlineUrl) ? event.onlineUrl : null,
        organisation: event.organisation.name,
        offerHours: event.offerHours,
        contactEmail: event.contactEmail,
      },
      position: view.position,
      pay,
      certificate: await certificateAvailableFor(r.id),
      offerMethods,
      locked: view.locked,
      offerOpen: view.offerOpen,
      formContext: view.formContext,
      slots: view.slots
        .filter((s) => s.workshops.length > 0)
        .map((s) => ({
          id: s.id,
          label: s.label,
          when: formatTimeRange(locale, s.startsAt, s.endsAt, tz),
          workshops: s.workshops.map((w) => ({ id: w.id, title: w.title, room: w.room, seatsLeft: w.seatsLeft, chosen: w.chosen })),
        })),
    },
    { headers: PRIVATE_HEADERS },
  )
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const registration = await findRegistrationByManageToken(token)
  if (!registration) throw await missingLink(token)
  const locale = localeFromRequest(request)
  const formData = await request.formData()
  return submitForm(request, formData, ManageFormSchema, async (value, submission) => {
    const view = await getManageView(token)
    if (!view) throw notFound()
    const submitted = formDataToFields(formData, view.formContext)
    const back = `/r/${token}`
    try {
      switch (value.intent) {
        case 'accept': {
          const accepted = await acceptOffer(registration.id, submitted.workshops, {
            manageToken: token,
            request,
            paymentMethod: value.paymentMethod || null,
            purchaseOrderNumber: value.purchaseOrderNumber || null,
            cardAvailable: cardPaymentsAvailable(),
          })
          if (accepted.payment)
            return redirectWithToast(request, `${back}/paiement`, { type: 'success', key: 'payments.toast.offerAccepted' })
          return redirectWithToast(request, back, { type: 'success', key: 'manage.toast.accepted' })
        }
        case 'workshops':
          await changeWorkshops(registration.id, submitted.workshops, { viaManageLink: true })
          return redirectWithToast(request, back, { type: 'success', key: 'manage.toast.workshops' })
        case 'edit':
          // The event's questions: the service checks the details and answers with the event's schema.
          await updateAttendeeDetails(registration.id, submitted)
          return redirectWithToast(request, back, { type: 'success', key: 'manage.toast.saved' })
        case 'newLink': {
          // This page's own address stops working: it now shows the replaced-link page.
          const { sentTo } = await rotateManageLink(token)
          return redirectWithToast(request, `${back}/remplace`, { type: 'success', key: 'links.toast.rotated', params: { sentTo } })
        }
        case 'cancel':
          // Refused once locked; a paid ticket is refunded per the event's terms (card: through Stripe now, else retried).
          await cancelByAttendee(registration.id, { request })
          return redirectWithToast(request, back, { type: 'success', key: 'manage.toast.cancelled' })
        case 'erase':
          await eraseRegistration(registration.id, { request })
          return redirectWithToast(request, '/', { type: 'success', key: 'manage.toast.erased' })
      }
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error
      // By hand (not replyWithAppError): the shared fields translate their own codes ("register.error.tooLong?max=200").
      const result = submission.reply(manageErrors(locale, error))
      return data<ActionData>({ result, intent: value.intent, submitted }, { status: error.status, headers: PRIVATE_HEADERS })
    }
  })
}

/** A service's refusal as the manage page's errors: per field, the workshops' and the rest for the whole form. */
function manageErrors(locale: Locale, error: AppError) {
  const fieldErrors: Record<string, string[]> = {}
  const formErrors: string[] = []
  if (error.code === 'invalid_input') {
    // The edit's own validation: its messages are already per field.
    for (const [name, messages] of Object.entries(error.fields ?? {})) {
      if (name === '') formErrors.push(...messages)
      else fieldErrors[name] = messages
    }
  } else {
    const message = error.messageKey ? translate(locale, error.messageKey, error.params) : error.code
    for (const name of Object.keys(error.fields ?? {})) {
      if (name === 'workshops' || name === '') formErrors.push(message)
      else fieldErrors[name] = [message]
    }
    if (Object.keys(fieldErrors).length === 0 && formErrors.length === 0) formErrors.push(message)
  }
  return { fieldErrors, formErrors }
}

/** Conform's reply as the shared fields' errors: its form errors (and a refused intent's) for the whole form. */
function formErrorsOf(actionData: ActionData): FormErrors {
  const fieldErrors: Record<string, string[]> = {}
  const formErrors: string[] = []
  for (const [name, errors] of Object.entries(actionData.result.error ?? {})) {
    if (!errors?.length) continue
    if (name === '' || name === 'intent') formErrors.push(...errors)
    else fieldErrors[name] = errors
  }
  return { fieldErrors, formErrors }
}

/** A form of the page: Conform's props (its client validation) on a plain Remix form. */
function ManageForm({ id, className, children }: { id: string; className?: string; children: React.ReactNode }) {
  const [form] = useZodForm(ManageFormSchema, { id })
  return (
    <Form method="post" className={className} {...getFormProps(form)}>
      {children}
    </Form>
  )
}

const STATUS_TONE: Record<string, string> = {
  confirmed: 'border-brand-700 bg-brand-50 text-brand-800',
  waitlisted: 'border-amber-700 bg-amber-50 text-amber-950',
  offered: 'border-amber-700 bg-amber-50 text-amber-950',
  cancelled: 'border-stone-500 bg-stone-100 text-stone-800',
  pending_payment: 'border-amber-700 bg-amber-50 text-amber-950',
  applied: 'border-amber-700 bg-amber-50 text-amber-950',
  refused: 'border-stone-500 bg-stone-100 text-stone-800',
}

function AnswerText({ value }: { value: string | string[] | boolean | undefined }) {
  const t = useT()
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return <span className="text-stone-600">{t('manage.details.none')}</span>
  if (typeof value === 'boolean') return <>{value ? t('manage.answer.yes') : t('manage.answer.no')}</>
  return <span className="whitespace-pre-line">{Array.isArray(value) ? value.join(', ') : value}</span>
}

export default function ManageRegistration() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const { registration: r, event } = d
  // A refused intent (a tampered button) is shown with the edit form, as before.
  const sentIntent = actionData ? (actionData.intent ?? 'edit') : undefined
  const errorsFor = (intent: Intent) =>
    actionData && sentIntent === intent
      ? { ...formErrorsOf(actionData), submitted: actionData.submitted ?? { answers: {}, workshops: [] } }
      : undefined
  const chosen = d.slots.flatMap((s) => s.workshops.filter((w) => w.chosen).map((w) => w.id))
  const editErrors = errorsFor('edit')
  const workshopErrors = errorsFor('workshops')
  const acceptErrors = errorsFor('accept')
  const cancelErrors = errorsFor('cancel')
  const newLinkErrors = errorsFor('newLink')
  const none = <span className="text-stone-600">{t('manage.details.none')}</span>

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-stone-700">{t('manage.title')}</p>
        <h1 className="text-3xl font-bold tracking-tight">{event.title}</h1>
        <p className="text-lg text-stone-800">{event.when}</p>
      </header>

      {d.welcome && r.status !== 'cancelled' && (
        <p role="status" className="rounded-md border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-800">
          {r.status === 'applied'
            ? t('admission.received.body')
            : r.status === 'confirmed'
              ? t('manage.welcome.confirmed')
              : r.status === 'pending_payment'
                ? t('payments.page.welcome')
                : t('manage.welcome.waitlisted')}
        </p>
      )}

      <section aria-labelledby="status-title" className="card space-y-3">
        <h2 id="status-title" className="text-xl font-semibold">
          {t('manage.status.label')}
        </h2>
        <p>
          <span
            className={`inline-block rounded border px-3 py-1 font-semibold ${STATUS_TONE[r.status] ?? STATUS_TONE.cancelled}`}
            data-testid="registration-status"
          >
            {t(`manage.status.${r.status}` as MessageKey)}
          </span>
        </p>
        {r.project && ['applied', 'refused', 'waitlisted'].includes(r.status) && (
          <p data-testid="application-state">{t(`admission.manage.${r.status}` as MessageKey)}</p>
        )}
        {r.project && (
          <p>
            {t('admission.manage.project')} : <strong>{r.project.name}</strong>
            {r.project.stage && <> — {t(`admission.stage.${r.project.stage}` as MessageKey)}</>}
            {r.project.territory && <> — {r.project.territory}</>}
          </p>
        )}
        {r.status === 'waitlisted' && d.position !== null && (
          <>
            <p className="text-lg font-semibold" data-testid="waitlist-position">
              {t('manage.position', { position: d.position })}
            </p>
            <p>{t('manage.positionHelp', { hours: event.offerHours })}</p>
          </>
        )}
        {r.status === 'cancelled' && (
          <>
            <p>{t('manage.cancelled.body')}</p>
            <p>
              <Link to={`/e/${event.slug}`} className="link">
                {t('manage.cancelled.registerAgain')}
              </Link>
            </p>
          </>
        )}
        {d.locked && r.status !== 'cancelled' && <p>{t('manage.locked')}</p>}
        {d.certificate && (
          <p>
            <a href={`/r/${d.token}/certificat`} className="link font-semibold" data-testid="manage-certificate">
              {t('certificates.manage.link')}
            </a>
          </p>
        )}
        {d.pay?.ticket && (
          <p data-testid="manage-ticket">
            {t('payments.form.ticket')} : <strong>{d.pay.ticket.name}</strong>
            {d.pay.ticket.price && <> — {d.pay.ticket.price}</>}
          </p>
        )}
        {r.status === 'pending_payment' && (
          <p>
            {t('payments.manage.pending')}{' '}
            <Link to={`/r/${d.token}/paiement`} className="link font-semibold">
              {t('payments.manage.payLink')}
            </Link>
          </p>
        )}
        {d.pay?.payment && (d.pay.payment.status === 'paid' || d.pay.payment.status === 'refunded') && (
          <p>
            {t('payments.manage.paid', { amount: d.pay.payment.amount, number: d.pay.payment.receiptNumber ?? '' })}{' '}
            <Link to={`/r/${d.token}/recu`} className="link">
              {t('payments.page.receiptLink')}
            </Link>
            {d.pay.payment.refundStatus !== 'none' && (
              <> {t(`payments.refund.${d.pay.payment.refundStatus}` as MessageKey, { amount: d.pay.payment.refund ?? '' })}</>
            )}
          </p>
        )}
      </section>

      {d.offerOpen && r.offerDeadline && (
        <section aria-labelledby="offer-title" className="card space-y-4 border-l-4 border-l-amber-700">
          <h2 id="offer-title" className="text-xl font-semibold">
            {t('manage.offer.title')}
          </h2>
          <p>{t('manage.offer.body', { deadline: r.offerDeadline })}</p>
          <ManageForm id="manage-accept" className="space-y-4">
            <input type="hidden" name="intent" value="accept" />
            <ErrorSummary ctx={d.formContext} errors={acceptErrors} prefix="accept" />
            {/* A paid ticket is paid after accepting */}
            {d.offerMethods.length > 0 && (
              <fieldset className="space-y-3">
                <legend className="font-semibold">{t('payments.form.method')}</legend>
                <p className="text-stone-700">{t('payments.manage.offerPay', { amount: d.pay?.ticket?.price ?? '' })}</p>
                {d.offerMethods.map((m: PaymentMethod) => (
                  <label key={m} className="flex items-start gap-2">
                    <input type="radio" name="paymentMethod" value={m} defaultChecked={d.offerMethods.length === 1} className="mt-1" />
                    <span>{t(`payments.method.${m}` as MessageKey)}</span>
                  </label>
                ))}
                {acceptErrors?.fieldErrors.paymentMethod && (
                  <p className="text-red-800">{acceptErrors.fieldErrors.paymentMethod.map((e) => t(e as MessageKey)).join(' ')}</p>
                )}
                {d.offerMethods.includes('purchase_order') && (
                  <TextField
                    id="accept-purchaseOrderNumber"
                    name="purchaseOrderNumber"
                    label={t('payments.form.purchaseOrderNumber')}
                    help={t('payments.form.purchaseOrderHelp')}
                    maxLength={60}
                    errors={acceptErrors?.fieldErrors.purchaseOrderNumber}
                  />
                )}
              </fieldset>
            )}
            {d.slots.length > 0 && (
              <fieldset className="space-y-4">
                <legend className="font-semibold">{t('register.section.workshops')}</legend>
                <p className="text-stone-700">{t('manage.offer.workshops')}</p>
                <WorkshopFields
                  slots={d.slots}
                  chosen={acceptErrors?.submitted.workshops ?? []}
                  errors={acceptErrors?.fieldErrors ?? {}}
                  prefix="accept"
                />
              </fieldset>
            )}
            <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
              {t('manage.offer.submit')}
            </button>
          </ManageForm>
        </section>
      )}

      {r.ticketCode && d.qrSvg && (
        <section aria-labelledby="ticket-title" className="card space-y-3">
          <h2 id="ticket-title" className="text-xl font-semibold">
            {t('manage.ticket.title')}
          </h2>
          <p>{t('manage.ticket.help')}</p>
          <div className="flex flex-wrap items-center gap-6">
            {/* The SVG comes from the qrcode package, built from our own ticket code. */}
            <div
              role="img"
              aria-label={t('manage.ticket.qrLabel', { code: r.ticketCode })}
              className="w-48 max-w-full bg-white [&_svg]:h-auto [&_svg]:w-full"
              dangerouslySetInnerHTML={{ __html: d.qrSvg }}
            />
            <p>
              <span className="block text-sm font-semibold text-stone-700">{t('manage.ticket.codeLabel')}</span>
              <span className="font-mono text-2xl font-bold tracking-widest" data-testid="ticket-code">
                {r.ticketCode}
              </span>
            </p>
          </div>
          <p>
            <a href={`/r/${d.token}/ics`} className="link" download>
              {t('manage.ics')}
            </a>
          </p>
        </section>
      )}

      <section aria-labelledby="event-title" className="card space-y-2">
        <h2 id="event-title" className="text-xl font-semibold">
          {t('manage.event.title')}
        </h2>
        <p>{event.when}</p>
        {event.place.length > 0 && (
          <address className="not-italic">
            {event.place.map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </address>
        )}
        {event.onlineUrl && (
          <p>
            {t('manage.event.onlineLink')}{' '}
            <a href={event.onlineUrl} className="link" rel="noopener noreferrer">
              {event.onlineUrl}
            </a>
          </p>
        )}
        <p>
          <Link to={`/e/${event.slug}`} className="link">
            {t('manage.event.page')}
          </Link>
        </p>
        {event.contactEmail && (
          <p>
            {t('public.event.contact')}{' '}
            <a href={`mailto:${event.contactEmail}`} className="link">
              {event.contactEmail}
            </a>
          </p>
        )}
      </section>

      {d.slots.length > 0 && r.status !== 'cancelled' && (
        <section aria-labelledby="workshops-title" className="card space-y-3">
          <h2 id="workshops-title" className="text-xl font-semibold">
            {t('manage.workshops.title')}
          </h2>
          {r.status === 'waitlisted' ? (
            <p>{t('manage.workshops.waitlistNote')}</p>
          ) : (
            <>
              <ul className="list-disc pl-6" data-testid="chosen-workshops">
                {chosen.length === 0 ? (
                  <li>{t('manage.workshops.none')}</li>
                ) : (
                  d.slots.flatMap((s) =>
                    s.workshops
                      .filter((w) => w.chosen)
                      .map((w) => (
                        <li key={w.id}>
                          {s.label} : {w.title}
                        </li>
                      )),
                  )
                )}
              </ul>
              {r.status === 'confirmed' && !d.locked && (
                <details open={Boolean(workshopErrors)} className="rounded-md border border-stone-200 p-3">
                  <summary className="cursor-pointer font-semibold text-brand-700">{t('manage.workshops.change')}</summary>
                  <ManageForm id="manage-workshops" className="mt-4 space-y-4">
                    <input type="hidden" name="intent" value="workshops" />
                    <ErrorSummary ctx={d.formContext} errors={workshopErrors} prefix="ws" />
                    <p className="text-stone-700">{t('register.workshops.help')}</p>
                    <WorkshopFields
                      slots={d.slots}
                      chosen={workshopErrors?.submitted.workshops ?? chosen}
                      errors={workshopErrors?.fieldErrors ?? {}}
                      keepChosen
                      prefix="ws"
                    />
                    <button type="submit" className="btn-primary" disabled={busy}>
                      {t('manage.workshops.save')}
                    </button>
                  </ManageForm>
                </details>
              )}
            </>
          )}
        </section>
      )}

      <section aria-labelledby="details-title" className="card space-y-4">
        <h2 id="details-title" className="text-xl font-semibold">
          {t('manage.details.title')}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(0,14rem)_1fr]">
          <dt className="font-semibold text-stone-700">{t('manage.details.name')}</dt>
          <dd>
            {r.firstName} {r.lastName}
          </dd>
          <dt className="font-semibold text-stone-700">{t('register.field.email')}</dt>
          <dd>{r.email}</dd>
          <dt className="font-semibold text-stone-700">{t('register.field.phone')}</dt>
          <dd>{r.phone ?? none}</dd>
          <dt className="font-semibold text-stone-700">{t('register.field.organisation')}</dt>
          <dd>
            {r.organisationName} ({t(`profile.${r.organisationType}` as MessageKey)})
          </dd>
          <dt className="font-semibold text-stone-700">{t('register.field.accessibility')}</dt>
          <dd className="whitespace-pre-line">{r.accessibilityNeeds ?? none}</dd>
          <dt className="font-semibold text-stone-700">{t('register.field.dietary')}</dt>
          <dd className="whitespace-pre-line">{r.dietaryNeeds ?? none}</dd>
          {d.formContext.questions.map((q) => (
            <div key={q.id} className="contents">
              <dt className="font-semibold text-stone-700">{q.label}</dt>
              <dd>
                <AnswerText value={r.answers[q.id]} />
              </dd>
            </div>
          ))}
        </dl>
        {!d.locked && (
          <details open={Boolean(editErrors)} className="rounded-md border border-stone-200 p-3">
            <summary className="cursor-pointer font-semibold text-brand-700">{t('manage.details.edit')}</summary>
            <ManageForm id="manage-edit" className="mt-4 space-y-6">
              <input type="hidden" name="intent" value="edit" />
              <ErrorSummary ctx={d.formContext} errors={editErrors} prefix="edit" />
              <p className="text-sm text-stone-700">{t('manage.details.emailFixed')}</p>
              <RegistrationFields
                mode="edit"
                prefix="edit"
                ctx={d.formContext}
                defaults={
                  editErrors?.submitted ?? {
                    firstName: r.firstName,
                    lastName: r.lastName,
                    organisation: r.organisationName,
                    organisationType: r.organisationType,
                    departement: r.departement ?? '',
                    phone: r.phone ?? '',
                    accessibilityNeeds: r.accessibilityNeeds ?? '',
                    dietaryNeeds: r.dietaryNeeds ?? '',
                    answers: r.answers,
                  }
                }
                errors={editErrors?.fieldErrors ?? {}}
              />
              <button type="submit" className="btn-primary" disabled={busy}>
                {t('manage.details.save')}
              </button>
            </ManageForm>
          </details>
        )}
      </section>

      {!d.locked && r.status !== 'refused' && (
        <section id="cancel" aria-labelledby="cancel-title" className="card space-y-3">
          <h2 id="cancel-title" className="text-xl font-semibold">
            {d.confirmCancel ? t('manage.cancel.confirmTitle') : t('manage.cancel.title')}
          </h2>
          {cancelErrors && <ErrorSummary ctx={d.formContext} errors={cancelErrors} />}
          {d.confirmCancel ? (
            <>
              <p>{t('manage.cancel.confirmBody', { title: event.title })}</p>
              {/* What happens to the money, said before confirming. */}
              {r.status === 'pending_payment' && <p data-testid="refund-warning">{t('payments.cancel.pending')}</p>}
              {d.pay?.refund && (
                <p data-testid="refund-warning" className="rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
                  {d.pay.refund.refundable
                    ? d.pay.refund.method === 'card'
                      ? d.pay.refund.fee
                        ? t('payments.cancel.refundCardFee', { amount: d.pay.refund.amount, fee: d.pay.refund.fee })
                        : t('payments.cancel.refundCard', { amount: d.pay.refund.amount })
                      : t('payments.cancel.refundTransfer', { amount: d.pay.refund.amount })
                    : d.pay.refund.hasDeadline
                      ? t('payments.cancel.noRefundDeadline')
                      : t('payments.cancel.noRefund')}
                </p>
              )}
              <div className="flex flex-wrap items-center gap-4">
                <ManageForm id="manage-cancel">
                  <input type="hidden" name="intent" value="cancel" />
                  <button type="submit" className="btn-danger" disabled={busy}>
                    {t('manage.cancel.confirm')}
                  </button>
                </ManageForm>
                <Link to={`/r/${d.token}`} className="btn-secondary" preventScrollReset>
                  {t('manage.cancel.keep')}
                </Link>
              </div>
            </>
          ) : (
            <>
              <p>{t('manage.cancel.intro')}</p>
              {/* A link to the confirmation step, so cancelling takes two deliberate actions even without JavaScript. */}
              <Link to={`/r/${d.token}?cancel=1#cancel`} className="btn-secondary">
                {r.status === 'applied' ? t('admission.manage.withdraw') : t('manage.cancel.start')}
              </Link>
            </>
          )}
        </section>
      )}

      <section id="new-link" aria-labelledby="new-link-title" className="card space-y-3">
        <h2 id="new-link-title" className="text-xl font-semibold">
          {t('links.newLink.title')}
        </h2>
        <p>{t('links.newLink.intro')}</p>
        {newLinkErrors && <ErrorSummary ctx={d.formContext} errors={newLinkErrors} />}
        <ManageForm id="manage-new-link">
          <input type="hidden" name="intent" value="newLink" />
          <button type="submit" className="btn-secondary" disabled={busy}>
            {t('links.newLink.submit')}
          </button>
        </ManageForm>
      </section>

      <section id="erase" aria-labelledby="erase-title" className="card space-y-3">
        <h2 id="erase-title" className="text-xl font-semibold">
          {t('manage.erase.title')}
        </h2>
        <p>{t('manage.erase.intro')}</p>
        {d.confirmErase ? (
          <div className="flex flex-wrap items-center gap-4">
            <ManageForm id="manage-erase">
              <input type="hidden" name="intent" value="erase" />
              <button type="submit" className="btn-danger" disabled={busy}>
                {t('manage.erase.confirm')}
              </button>
            </ManageForm>
            <Link to={`/r/${d.token}`} className="btn-secondary" preventScrollReset>
              {t('manage.erase.keep')}
            </Link>
          </div>
        ) : (
          <Link to={`/r/${d.token}?erase=1#erase`} className="btn-secondary">
            {t('manage.erase.start')}
          </Link>
        )}
      </section>

      <p className="text-sm text-stone-600">{t('manage.private')}</p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
