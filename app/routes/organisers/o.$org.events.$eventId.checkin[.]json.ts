// The door device's side of offline check-in (docs/decisions/0013-offline-checkin.md). GET: the
// confirmed attendees it keeps in IndexedDB. POST (JSON, Origin-checked like every non-GET): the
// check-ins it queued offline; the answer says, per check-in, what the merge made of it.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { requireOrganisationEvent } from '#app/modules/registrations/admin.server.ts'
import { checkInSyncSchema } from '#app/modules/registrations/checkin-sync.ts'
import { checkInList, syncOfflineCheckIns } from '#app/modules/registrations/checkin-sync.server.ts'
import { httpError, orHttpError } from '#app/utils/http.server.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'registration.checkin')
  const event = await orHttpError(requireOrganisationEvent(organisation.id, params.eventId))
  const attendees = await checkInList(event.id)
  return Response.json({ eventId: event.id, staffUserId: user.id, fetchedAt: new Date().toISOString(), attendees }, { headers: PRIVATE })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'registration.checkin')
  if (request.method !== 'POST') throw httpError(405)
  const event = await orHttpError(requireOrganisationEvent(organisation.id, params.eventId))
  const body: unknown = await request.json().catch(() => null)
  const parsed = checkInSyncSchema.safeParse(body)
  if (!parsed.success)
    return Response.json(
      { errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
      { status: 400, headers: PRIVATE },
    )
  const results = await syncOfflineCheckIns(event.id, user.id, parsed.data)
  return Response.json({ results }, { headers: PRIVATE })
}
