// The public registration form. Works without JavaScript: a plain POST, errors next to each
// field (422), what was typed comes back on error, 409 when the event is closed or full,
// 429 when one connection submits too often. Success goes to the personal manage page.
import { register } from '#app/composition/registrations.server.ts'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { retryAfterHeaders, limitPublicForm } from '#app/modules/auth/rate-limit.server.ts'
import { availabilityOf, formatEventWhen, formatTimeRange, getPublicEvent, publicCacheHeaders, workshopSeatsLeft, type PublicEvent } from '#app/modules/events/public.server.ts'
import { formContextOf, paymentFieldsOf, toRegistrationInput, type SubmittedFields } from '#app/modules/registrations/form.ts'
import { paymentMethodsFor, ticketChoicesFor } from '#app/modules/payments/service.server.ts'
import { cardPaymentsAvailable, startCheckout } from '#app/modules/payments/stripe.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { invitationForEvent } from '#app/modules/campaigns/service.server.ts'
import { PROJECT_FIELDS } from '#app/modules/admission/schema.ts'
import { ProjectFields } from '#app/modules/admission/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { AvailabilityBadge } from '#app/route-support/public-events.tsx'
import { checkPaymentFields } from '#app/modules/payments/registration-fields.ts'
import { ConsentField, ErrorSummary, PaymentFields, RegistrationFields, WorkshopFields, type FormErrors } from '#app/route-support/registration-form.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { replyWithAppError, type FormReply } from '#app/utils/submission.server.ts'
import { payloadText, registrationSubmission, submittedFromPayload } from '#app/route-support/registration-submission.ts'
import { getFormProps, useForm } from '@conform-to/react'
import { notFound } from '#app/utils/http.server.ts'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'

const PAYMENT_FIELDS = ['ticketTypeId', 'paymentMethod', 'purchaseOrderNumber'] as const

type ActionData = ({ status: 'invalid' } & FormReply) | { status: 'duplicate' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  if (!data) return []
  return [{ title: `${translate(root?.locale ?? 'fr', 'register.title')} — ${data.event.title}` }, { name: 'robots', content: 'noindex' }]
}

function slotChoices(event: PublicEvent, locale: Locale) {
  return event.slots.map((s) => ({
    id: s.id,
    label: s.label,
    when: formatTimeRange(locale, s.startsAt, s.endsAt, event.timeZone),
    workshops: s.workshops.map((w) => ({ id: w.id, title: w.title, room: w.room, seatsLeft: workshopSeatsLeft(w) })),
  }))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await getPublicEvent(params.slug ?? '')
  if (!event) throw notFound()
  const locale = localeFromRequest(request)
  const availability = availabilityOf(event, new Date())
  // A personal invitation link prefills the form
  const token = new URL(request.url).searchParams.get('invitation')
  const found = token ? await invitationForEvent(token, event.id) : null
  const invitation = token ? { token, state: !found ? ('invalid' as const) : found.used ? ('used' as const) : ('valid' as const), prefill: found && !found.used ? found.prefill : null } : null
  // The tickets on sale and the payment methods available (card only with Stripe keys).
  const tickets = await ticketChoicesFor(event.id, new Date(), locale)
  const methods = tickets.some((x) => x.priceCents > 0) ? await paymentMethodsFor(event.id, cardPaymentsAvailable()) : []
  return data(
    {
      event: {
        slug: event.slug,
        title: event.title,
        when: formatEventWhen(locale, event.startsAt, event.endsAt, event.timeZone),
        organisation: event.organisation.name,
        invitationOnly: event.visibility === 'invitation',
        requiresApplication: event.requiresApplication,
      },
      availability,
      formContext: formContextOf(event),
      slots: slotChoices(event, locale),
      invitation,
      tickets,
      methods,
    },
    // A page showing someone's invitation is never stored by a shared cache.
    { headers: invitation ? { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin' } : publicCacheHeaders(request) },
  )
}

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has('Cache-Control') ? actionHeaders : loaderHeaders)

export async function action({ request, params }: ActionFunctionArgs) {
  const event = await getPublicEvent(params.slug ?? '')
  if (!event) throw notFound()
  const locale = localeFromRequest(request)
  const formData = await request.formData()
  const submission = registrationSubmission(formData, formContextOf(event), { withProject: event.requiresApplication })
  // What someone typed is never stored by a shared cache.
  const noStore = { 'Cache-Control': 'private, no-store' }
  const fail = (status: number, result: FormReply['result'], extraHeaders: HeadersInit = {}) =>
    data<ActionData>({ status: 'invalid', result }, { status, headers: { ...noStore, ...extraHeaders } })

  // The invitation token travels in the form (and in the URL without JavaScript)
  const invitationField = formData.get('invitation')
  const invitationToken = (typeof invitationField === 'string' && invitationField) || new URL(request.url).searchParams.get('invitation') || null
  if (event.visibility === 'invitation' && !invitationToken) return fail(403, submission.reply({ formErrors: ['register.error.invitationOnly'] }))
  const limit = await limitPublicForm(request, 'registration')
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60))
    return fail(429, submission.reply({ formErrors: [translate(locale, 'register.rateLimited', { minutes })] }), retryAfterHeaders(limit))
  }
  // Ticket and method checked with the other fields when the event has tickets.
  const payment = paymentFieldsOf(formData)
  const cardAvailable = cardPaymentsAvailable()
  const paymentErrors =
    formData.get('payments') === '1' || payment.ticketTypeId
      ? checkPaymentFields(payment, await ticketChoicesFor(event.id, new Date(), locale), await paymentMethodsFor(event.id, cardAvailable))
      : {}
  if (submission.status !== 'success' || Object.keys(paymentErrors).length > 0) return fail(422, submission.reply({ fieldErrors: paymentErrors }))

  try {
    const input = {
      ...toRegistrationInput(submission.value.registration, locale),
      project: submission.value.project,
      ticketTypeId: payment.ticketTypeId || null,
      paymentMethod: payment.paymentMethod || null,
      purchaseOrderNumber: payment.purchaseOrderNumber || null,
    }
    const result = await register(event.id, input, {
      request,
      source: invitationToken ? 'invitation' : 'form',
      invitationToken,
      cardAvailable,
    })
    // Same answer whoever typed the address: no detail of the existing registration is shown.
    if (result.outcome === 'duplicate') return data<ActionData>({ status: 'duplicate' }, { headers: noStore })
    // A card payment goes straight to Stripe Checkout; otherwise (or if Stripe
    // cannot be reached) the payment page shows what to do.
    if (result.outcome === 'pending_payment' && result.payment) {
      if (result.payment.method === 'card') {
        try {
          return redirect(await startCheckout(result.payment.id, request), 303)
        } catch (error) {
          logger.warn({ err: error, paymentId: result.payment.id }, 'checkout could not start; the payment page offers to retry')
        }
      }
      return redirect(`/r/${result.manageToken}/paiement?welcome=1`, 303)
    }
    return redirect(`/r/${result.manageToken}?welcome=1`)
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error
    return fail(error.status, replyWithAppError(submission, request, error))
  }
}

export default function RegisterPage() {
  const t = useT()
  const { event, availability, formContext, slots, invitation, tickets, methods } = useLoaderData<typeof loader>()
  const locale = useLocale()
  const actionData = useActionData<ActionData>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const invalid = actionData?.status === 'invalid' ? actionData : undefined
  // Checked in the browser with the server's rules (first on blur, then on input); the server's
  // answer (its business errors, payment fields) comes back as Conform's reply.
  const [form] = useForm<Record<string, unknown>, unknown, string[]>({
    id: 'register',
    lastResult: invalid?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => registrationSubmission(formData, formContext, { withProject: event.requiresApplication }),
  })
  const fieldErrors = Object.fromEntries(Object.entries(form.allErrors).filter(([name]) => name !== ''))
  const errors: FormErrors = { fieldErrors, formErrors: form.errors ?? [] }
  // What was typed comes back after a failed submission (without JavaScript the page is new).
  const payload = invalid?.result.initialValue
  const submitted: Partial<SubmittedFields> = payload ? submittedFromPayload(payload, formContext) : (invitation?.prefill ?? {})
  const invited = invitation?.state === 'valid'
  const waitlist = availability.state === 'waitlist'
  const open = availability.state === 'open' || waitlist

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to={`/e/${event.slug}`} className="link">
          {t('register.backToEvent')}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-stone-700">{t('register.title')}</p>
        <h1 className="text-3xl font-bold tracking-tight">{event.title}</h1>
        <p className="text-lg text-stone-800">{event.when}</p>
        {!event.invitationOnly && <AvailabilityBadge availability={availability} />}
      </header>

      {actionData?.status === 'duplicate' ? (
        <section role="status" aria-labelledby="duplicate-title" className="card space-y-2 border-l-4 border-l-brand-700">
          <h2 id="duplicate-title" className="text-xl font-semibold">
            {t('register.duplicate.title')}
          </h2>
          <p>{t('register.duplicate.body')}</p>
        </section>
      ) : invitation && !invited ? (
        <section role="alert" className="card space-y-2 border-l-4 border-l-red-700">
          <p>{t(invitation.state === 'used' ? 'campaigns.register.used' : 'campaigns.register.invalid')}</p>
        </section>
      ) : event.invitationOnly && !invited ? (
        <section className="card space-y-2">
          <h2 className="text-xl font-semibold">{t('public.event.invitation.title')}</h2>
          <p>{t('public.event.invitation.body')}</p>
        </section>
      ) : !open ? (
        <section className="card">
          <p>{availability.state === 'full' ? t('public.event.fullHelp') : t('registration.error.closed')}</p>
        </section>
      ) : (
        <Form method="post" {...getFormProps(form)} className="card space-y-8" aria-describedby="register-intro">
          <ErrorSummary ctx={formContext} errors={errors} />
          <p id="register-intro" className="text-stone-700">
            {t('register.intro')}
          </p>
          {invited && (
            <p className="rounded-md border-l-4 border-brand-700 bg-brand-50 px-4 py-3">
              <input type="hidden" name="invitation" value={invitation.token} />
              {t('campaigns.register.invited')}
            </p>
          )}
          {waitlist && !event.requiresApplication && <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">{t('register.waitlistNotice')}</p>}
          <RegistrationFields mode="form" ctx={formContext} defaults={submitted} errors={fieldErrors} />
          {event.requiresApplication && <ProjectFields defaults={payloadText(payload, PROJECT_FIELDS)} errors={fieldErrors} />}
          {tickets.length > 0 && !event.requiresApplication && (
            <>
              <input type="hidden" name="payments" value="1" />
              <PaymentFields tickets={tickets} methods={methods} defaults={payloadText(payload, PAYMENT_FIELDS)} errors={fieldErrors} locale={locale} />
            </>
          )}
          {!waitlist && !event.requiresApplication && slots.some((s) => s.workshops.length > 0) && (
            <fieldset className="space-y-4">
              <legend className="text-xl font-semibold">{t('register.section.workshops')}</legend>
              <p className="text-stone-700">{t('register.workshops.help')}</p>
              <WorkshopFields slots={slots.filter((s) => s.workshops.length > 0)} chosen={submitted.workshops ?? []} errors={fieldErrors} />
            </fieldset>
          )}
          <ConsentField organisation={event.organisation} title={event.title} checked={submitted.consent === true} errors={fieldErrors.consent} />
          <button type="submit" className="btn-primary w-full px-6 py-3 text-base sm:w-auto" disabled={busy}>
            {event.requiresApplication ? t('admission.form.submit') : waitlist ? t('register.submitWaitlist') : t('register.submit')}
          </button>
        </Form>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
