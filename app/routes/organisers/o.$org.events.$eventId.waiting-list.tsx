// An event's waiting list for its organisers: the queue in the order seats are offered, each
// person with their place, and per person "offer a seat now" (confirmed first when the event is
// full, since it raises the capacity by one) and moving them up one place or to the top.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { can } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EventPageHeader, eventPath, Notice } from '#app/modules/events/ui.tsx'
import { moveInWaitingList, offerSeatNow, waitingQueue } from '#app/modules/registrations/waiting-list.server.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { formatShortDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'waitlist.title')}${d ? ` : ${d.event.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, role } = await requirePermission(request, params.org, 'registration.view')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const queue = await waitingQueue(event.id)
  return {
    org: organisation.slug,
    canManage: can(role, 'waitlist.manage'),
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      editable: event.editable,
      timeZone: event.timeZone,
      capacity: event.capacity,
      seatsTaken: event.seatsTaken,
      offerHours: event.offerHours,
      waitlistEnabled: event.waitlistEnabled,
      waiting: queue.length,
    },
    queue: queue.map((r) => ({
      id: r.id,
      position: r.position,
      name: `${r.firstName} ${r.lastName}`,
      email: r.email,
      organisationName: r.organisationName,
      joinedAt: (r.waitlistedAt ?? r.createdAt).toISOString(),
      workshops: r.workshops,
    })),
  }
}

/** The one-button forms of a row: offer a seat now (agreeing to raise a full event's capacity), move up, move to the top. */
export const waitingListActionSchema = z.object({
  intent: z.enum(['offer', 'up', 'top']),
  registrationId: z.string().min(1),
  raiseCapacity: z.literal('yes').optional(),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'waitlist.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const formData = await request.formData()
  const back = eventPath(organisation.slug, event.id, 'waiting-list')
  const actor = { userId: user.id }
  return submitForm(request, formData, waitingListActionSchema, async (value) => {
    if (value.intent === 'offer') {
      const offered = await offerSeatNow(event.id, value.registrationId, actor, { raiseCapacity: value.raiseCapacity === 'yes' })
      return redirectWithToast(
        request,
        back,
        offered.capacityRaisedTo === null
          ? { type: 'success', key: 'waitlist.toast.offered', params: { name: offered.name } }
          : { type: 'success', key: 'waitlist.toast.offeredRaised', params: { name: offered.name, capacity: offered.capacityRaisedTo } },
      )
    }
    const moved = await moveInWaitingList(event.id, value.registrationId, value.intent, actor)
    return redirectWithToast(
      request,
      back,
      moved.moved
        ? { type: 'success', key: 'waitlist.toast.moved', params: { name: moved.name, position: moved.position } }
        : { type: 'info', key: 'waitlist.toast.alreadyFirst', params: { name: moved.name } },
    )
  })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Person = LoaderData['queue'][number]

/** "Offer a seat now": one button while seats are free; on a full event, a disclosure that says the capacity goes up by one, then the button. */
function OfferSeat({ person, event }: { person: Person; event: LoaderData['event'] }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const full = event.capacity !== null && event.seatsTaken >= event.capacity
  if (!full) {
    return (
      <InlineActionForm
        intent="offer"
        fields={{ registrationId: person.id }}
        label={t('waitlist.offer')}
        accessibleLabel={t('waitlist.offer.label', { name: person.name })}
      />
    )
  }
  const to = (event.capacity ?? 0) + 1
  const noteId = `offer-note-${person.id}`
  // A native disclosure: the confirmation step works without JavaScript.
  return (
    <details className="w-full">
      <summary className="btn-secondary cursor-pointer px-3 py-1">
        <span aria-hidden="true">{t('waitlist.offer')}</span>
        <span className="sr-only">{t('waitlist.offer.label', { name: person.name })}</span>
      </summary>
      <Form method="post" className="mt-2 space-y-2 rounded-md border-l-4 border-amber-700 bg-amber-50 px-3 py-2">
        <p id={noteId} className="text-sm text-amber-950">
          {t('waitlist.offer.full', { name: person.name, from: event.capacity ?? 0, to })}
        </p>
        <input type="hidden" name="intent" value="offer" />
        <input type="hidden" name="registrationId" value={person.id} />
        <input type="hidden" name="raiseCapacity" value="yes" />
        <button
          type="submit"
          className="btn-primary px-3 py-1"
          aria-label={t('waitlist.offer.confirmLabel', { name: person.name, to })}
          aria-describedby={noteId}
          disabled={busy}
        >
          {t('waitlist.offer.confirm', { to })}
        </button>
      </Form>
    </details>
  )
}

function QueueEntry({ person, data }: { person: Person; data: LoaderData }) {
  const t = useT()
  const locale = useLocale()
  const nameId = `waiting-${person.id}`
  return (
    <li className="card grid gap-3 sm:grid-cols-[7rem_1fr] md:grid-cols-[7rem_1fr_auto]" aria-labelledby={nameId}>
      <p className="text-lg font-bold tabular-nums text-stone-900">{t('waitlist.position', { position: person.position })}</p>
      <div className="min-w-0 space-y-1">
        <h2 id={nameId} className="font-semibold break-words">
          {person.name}
        </h2>
        <p className="text-sm break-words text-stone-700">
          {person.organisationName} — {person.email}
        </p>
        <p className="text-sm text-stone-700">
          {t('waitlist.joined', { date: formatShortDateTime(locale, person.joinedAt, data.event.timeZone) })}
        </p>
        {person.workshops.length > 0 && <p className="text-sm">{t('waitlist.workshops', { list: person.workshops.join(', ') })}</p>}
      </div>
      {data.canManage && (
        <div className="flex flex-wrap items-start gap-2 sm:col-span-2 md:col-span-1 md:max-w-xs md:flex-col">
          <OfferSeat person={person} event={data.event} />
          {person.position > 1 && (
            <InlineActionForm
              intent="up"
              fields={{ registrationId: person.id }}
              label={t('waitlist.up')}
              accessibleLabel={t('waitlist.up.label', { name: person.name })}
            />
          )}
          {person.position > 2 && (
            <InlineActionForm
              intent="top"
              fields={{ registrationId: person.id }}
              label={t('waitlist.top')}
              accessibleLabel={t('waitlist.top.label', { name: person.name })}
            />
          )}
        </div>
      )}
    </li>
  )
}

export default function WaitingList() {
  const t = useT()
  const loaderData = useLoaderData<typeof loader>()
  const reply = useActionData<FormReply>()
  const { org, event, queue } = loaderData
  const problems = reply?.result.error ? Object.values(reply.result.error).flat() : []
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={org} event={event} heading={t('waitlist.title')} />
      {problems.length > 0 && (
        <Notice tone="error">
          {problems.map((p) => (
            <p key={p}>{t(p as MessageKey)}</p>
          ))}
        </Notice>
      )}
      <div className="space-y-1 text-stone-700">
        <p>
          {event.capacity === null
            ? t('waitlist.seatsUnlimited', { taken: event.seatsTaken })
            : t('waitlist.seats', { taken: event.seatsTaken, capacity: event.capacity })}
        </p>
        {event.waitlistEnabled ? <p>{t('waitlist.intro', { hours: event.offerHours })}</p> : <p>{t('waitlist.off')}</p>}
        <p>
          <Link to={eventPath(org, event.id, 'registrations')} className="link">
            {t('waitlist.registrations')}
          </Link>
        </p>
      </div>
      {queue.length === 0 ? (
        <p className="card text-stone-700">{t('waitlist.empty')}</p>
      ) : (
        <ol className="space-y-3" aria-label={t('waitlist.list')}>
          {queue.map((person) => (
            <QueueEntry key={person.id} person={person} data={loaderData} />
          ))}
        </ol>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
