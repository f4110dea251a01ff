// Registrations through the API: the same validation (registrations/form.ts), seat rules
// (registrations/service.server.ts) and public rate limit as the web form. An organiser's own
// token is exempt from the rate limit, so bulk imports with it are never throttled.
import { cancelByOrganiser, register } from '#app/composition/registrations.server.ts'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { getPublicEvent } from '#app/modules/events/public.server.ts'
import { getEventForOrganiser } from '#app/modules/events/service.server.ts'
import { CHECKED_IN_FILTER, registrationDetail, registrationsForExport } from '#app/modules/registrations/admin.server.ts'
import {
  formContextOf,
  issuesToErrors,
  paymentFieldsOf,
  registrationSchema,
  toRegistrationInput,
  type FormContext,
  type ParseResult,
  type RegistrationValues,
} from '#app/modules/registrations/form.ts'
import { REGISTRATION_STATUSES } from '#app/modules/registrations/rules.ts'
import { AppError } from '#app/utils/errors.ts'
import { isLocale, type Locale } from '#app/utils/i18n.ts'
import { eventNotFound, findRegistrationEventId, optionalApiToken, registrationNotFound, type ApiAuth } from './events.server.ts'
import { errorOf, json, jsonError, parseJsonBody, translateErrors } from './http.server.ts'
import { registrationJson } from './serialize.server.ts'
import { pageOf, pageQuery, pageRequest } from './pagination.server.ts'

/** The rate-limit bucket of public registrations: the web form must use the same name, so both share one budget per IP. */
export const REGISTRATION_RATE_LIMIT = 'registration'

type RegistrationSchema = ReturnType<typeof registrationSchema>
type RegistrableEvent = { id: string; visibility: string; organisationSlug: string; schema: RegistrationSchema }

// Building an event's Zod schema costs more than parsing a body with it (about 0.6 ms against
// 0.4 ms in the registration bench), so it is kept per cached event object: getPublicEvent hands
// out the same object for a few seconds, and a new object (after an organiser's change) gets its own.
const schemas = new WeakMap<object, RegistrationSchema>()

function schemaOf(key: object | null, form: () => FormContext): RegistrationSchema {
  const cached = key ? schemas.get(key) : undefined
  if (cached) return cached
  const schema = registrationSchema(form(), 'api')
  if (key) schemas.set(key, schema)
  return schema
}

/** registrations/form.ts's parseRegistrationJson with a reused schema (the body is already known to be an object). */
function parseRegistration(body: Record<string, unknown>, schema: RegistrationSchema): ParseResult<RegistrationValues> {
  const result = schema.safeParse(body)
  if (result.success) return { success: true, value: result.data as RegistrationValues }
  return { success: false, ...issuesToErrors(result.error.issues) }
}

async function findRegistrableEvent(slug: string, auth: ApiAuth | null): Promise<RegistrableEvent> {
  const event = await getPublicEvent(slug)
  if (event)
    return {
      id: event.id,
      visibility: event.visibility,
      organisationSlug: event.organisation.slug,
      schema: schemaOf(event, () => formContextOf(event)),
    }
  // A draft is not public, but its organisers may reach it (register() then says it is not open).
  if (!auth) throw eventNotFound()
  const own = await organiserEvent(auth, slug)
  return {
    id: own.id,
    visibility: own.visibility,
    organisationSlug: auth.organisation.slug,
    schema: schemaOf(null, () =>
      formContextOf({
        questions: own.questions.map((q) => ({ ...q, options: JSON.stringify(q.options) })),
        slots: own.slots,
        workshops: own.slots.flatMap((s) => s.workshops),
      }),
    ),
  }
}

/** The organisation's event, or the API's 404 (another organisation's event is "not found" too). */
export async function organiserEvent(auth: ApiAuth, slug: string) {
  try {
    return await getEventForOrganiser(auth.organisation.id, slug)
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw eventNotFound()
    throw error
  }
}

/**
 * POST /api/v1/events/{slug}/registrations. 201 {id, status, manageUrl} for a new registration
 * (confirmed or waitlisted; on events with ticket types the body adds `ticketTypeId` and, for a
 * paid ticket, `paymentMethod` "transfer" | "purchase_order" (+ `purchaseOrderNumber`): status
 * pending_payment and `payment` {method, amountCents, currency, reference, paymentUrl}; "card"
 * is refused, 422 card_not_via_api); 200 {id, status, duplicate: true} when the email is already
 * registered: the personal link is e-mailed again, never returned, since anyone could ask.
 */
export async function registerThroughApi(request: Request, slug: string, locale: Locale): Promise<Response> {
  const auth = await optionalApiToken(request)
  const event = await findRegistrableEvent(slug, auth)
  const organiser = auth !== null && auth.organisation.slug === event.organisationSlug
  if (!organiser) {
    const limit = await limitPublicForm(request, REGISTRATION_RATE_LIMIT)
    if (!limit.allowed) {
      throw errorOf(
        locale,
        429,
        'rate',
        'api.error.rateLimited',
        { seconds: limit.retryAfterSeconds },
        { code: 'rate_limited', headers: retryAfterHeaders(limit) },
      )
    }
    if (event.visibility === 'invitation') {
      throw new AppError({ status: 403, code: 'invitation_only', messageKey: 'api.error.invitationOnly' })
    }
  }
  const body = await parseJsonBody(request, locale)
  const parsed = parseRegistration(body, event.schema)
  if (!parsed.success) return jsonError(422, translateErrors(parsed.fieldErrors, locale, parsed.formErrors), { code: 'invalid_input' })

  // The registrant's language for their emails: the body's "locale", else the request's.
  const registrantLocale = isLocale(body.locale) ? body.locale : locale
  // The ticket and the payment method (transfer or purchase order; card is refused).
  const payment = paymentFieldsOf(body)
  const result = await register(
    event.id,
    {
      ...toRegistrationInput(parsed.value, registrantLocale),
      ticketTypeId: payment.ticketTypeId || null,
      paymentMethod: payment.paymentMethod || null,
      purchaseOrderNumber: payment.purchaseOrderNumber || null,
    },
    {
      source: 'api',
      request,
      actorUserId: organiser ? auth.user.id : undefined,
    },
  )
  if (result.outcome === 'duplicate') {
    return json({ id: result.registration.id, status: result.registration.status, duplicate: true }, { status: 200 })
  }
  return json(
    {
      id: result.registration.id,
      status: result.registration.status,
      manageUrl: result.manageUrl,
      duplicate: false,
      ...(result.payment
        ? {
            payment: {
              method: result.payment.method,
              amountCents: result.payment.amountCents,
              currency: 'eur',
              reference: result.payment.reference,
              paymentUrl: `${result.manageUrl}/paiement`,
            },
          }
        : {}),
    },
    { status: 201 },
  )
}

// Applications (events that select their attendees) add `applied` and `refused`.
const STATUS_FILTERS = [...REGISTRATION_STATUSES, 'applied', 'refused', CHECKED_IN_FILTER] as readonly string[]

/** GET /api/v1/events/{slug}/registrations: the organisation's event's registrations, a page at a time (?limit=, ?cursor=). */
export async function listRegistrationsForApi(auth: ApiAuth, slug: string, params: URLSearchParams, locale: Locale) {
  const status = params.get('status')
  if (status && !STATUS_FILTERS.includes(status)) {
    throw errorOf(locale, 400, 'status', 'api.error.invalidParameter', { name: 'status' }, { code: 'invalid_parameter' })
  }
  const page = pageRequest(params, locale)
  const event = await organiserEvent(auth, slug)
  const rows = await registrationsForExport(event.id, { status, q: params.get('q') }, pageQuery(page))
  const { items, page: next } = pageOf(rows, page)
  return { event: { slug: event.slug, capacity: event.capacity, ...event.counts }, registrations: items.map(registrationJson), page: next }
}

export async function registrationForApi(auth: ApiAuth, id: string) {
  const eventId = await findRegistrationEventId(auth.organisation.id, id)
  const registration = eventId ? await registrationDetail(eventId, id) : null
  if (!registration) throw registrationNotFound()
  return registrationJson(registration)
}

/** DELETE /api/v1/registrations/{id}: cancels, frees the seat and offers it to the waiting list. */
export async function cancelThroughApi(auth: ApiAuth, id: string, request: Request) {
  const eventId = await findRegistrationEventId(auth.organisation.id, id)
  if (!eventId) throw registrationNotFound()
  const { cancelled, offered } = await cancelByOrganiser(eventId, id, { actorUserId: auth.user.id, request })
  const registration = await registrationDetail(eventId, id)
  if (!registration) throw registrationNotFound()
  // Cancelling twice is harmless: the second answer says nothing changed.
  return { id, status: registration.status, cancelled, waitlistOffers: offered }
}
