// /api/v1/events/{slug}/attendance
//   GET  the event's sign-in sheets: per session, who signed and when (organiser API token)
import type { LoaderFunctionArgs } from '@remix-run/node'
import { attendanceForApi } from '#app/api/attendance.server.ts'
import { handleApi, json } from '#app/api/http.server.ts'
import { requireApiToken } from '#app/modules/auth/api-token.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(
    request,
    async () => {
      const auth = await requireApiToken(request, { permission: 'attendance.view' })
      return json(await attendanceForApi(auth, params.slug ?? ''))
    },
    { wholeField: 'event' },
  )
}
