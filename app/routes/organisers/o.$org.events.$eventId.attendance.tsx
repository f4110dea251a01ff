// An event's sign-in sheets (émargement) for its organisers: the sessions with signed and missing
// counts at a glance, one click for the morning and afternoon of each day, custom sessions, the
// PDFs, and the link to each session's tablet sheet.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { sheetsByDefault } from '#app/modules/attendance/rules.ts'
import { sessionsActionSchema } from '#app/modules/attendance/schema.ts'
import { createHalfDaySessions, createSession, deleteSession, listSessions } from '#app/modules/attendance/service.server.ts'
import { can } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EventPageHeader, eventPath, Notice } from '#app/modules/events/ui.tsx'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { formatDate, formatTime, parseLocalDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { invalidInputError } from '#app/utils/errors.ts'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'attendance.title')}${d ? ` : ${d.event.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, role } = await requirePermission(request, params.org, 'attendance.view')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const sessions = await listSessions(organisation.id, event.id)
  return {
    org: organisation.slug,
    canManage: can(role, 'attendance.manage'),
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      editable: event.editable,
      timeZone: event.timeZone,
      byDefault: sheetsByDefault(event.kind),
    },
    sessions: sessions.map((s) => ({
      ...s,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      closedAt: s.closedAt?.toISOString() ?? null,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'attendance.manage')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const formData = await request.formData()
  const back = eventPath(organisation.slug, event.id, 'attendance')
  const locale = localeFromRequest(request)
  return submitForm(request, formData, sessionsActionSchema, async (value) => {
    if (value.intent === 'halfDays') {
      const count = await createHalfDaySessions(organisation.id, event.id, {
        morning: translate(locale, 'attendance.morning'),
        afternoon: translate(locale, 'attendance.afternoon'),
      })
      return redirectWithToast(request, back, { type: 'success', key: 'attendance.toast.created', params: { count } })
    }
    if (value.intent === 'delete') {
      await deleteSession(organisation.id, event.id, value.sessionId)
      return redirectWithToast(request, back, { type: 'success', key: 'attendance.toast.deleted' })
    }
    const startsAt = parseLocalDateTime(value.startsAt, event.timeZone)
    const endsAt = parseLocalDateTime(value.endsAt, event.timeZone)
    if (!startsAt) throw invalidInputError('attendance.error.times', { startsAt: ['attendance.error.times'] })
    if (!endsAt) throw invalidInputError('attendance.error.times', { endsAt: ['attendance.error.times'] })
    await createSession(organisation.id, event.id, { label: value.label, startsAt, endsAt })
    return redirectWithToast(request, back, { type: 'success', key: 'attendance.toast.added' })
  })
}

export default function AttendanceSessions() {
  const t = useT()
  const locale = useLocale()
  const { org, event, sessions, canManage } = useLoaderData<typeof loader>()
  const reply = useActionData<FormReply>()
  const problems = reply?.result.error ? [...new Set(Object.values(reply.result.error).flat())] : []
  const tz = event.timeZone
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={org} event={event} heading={t('attendance.title')} />
      {problems.length > 0 && (
        <Notice tone="error">
          {problems.map((p) => (
            <p key={p}>{t(p as MessageKey)}</p>
          ))}
        </Notice>
      )}
      <p className="text-stone-700">{t('attendance.intro')}</p>
      <p className="text-stone-700">{t(event.byDefault ? 'attendance.defaultOn' : 'attendance.defaultOff')}</p>
      <section aria-labelledby="sessions-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="sessions-title" className="text-xl font-bold">
            {t('attendance.sessions')}
          </h2>
          {sessions.length > 0 && (
            <a href={`${eventPath(org, event.id, 'attendance.pdf')}`} className="btn-secondary px-3 py-1" download>
              {t('attendance.pdfAll')}
            </a>
          )}
        </div>
        {sessions.length === 0 ? (
          <p className="card text-stone-700">{t('attendance.none')}</p>
        ) : (
          <ul className="space-y-2">
            {sessions.map((s) => (
              <li key={s.id} className="card flex flex-wrap items-center justify-between gap-3" data-testid="attendance-session">
                <div className="min-w-0 space-y-1">
                  <h3 className="font-semibold">{s.label}</h3>
                  <p className="text-sm text-stone-700">
                    {t('attendance.when', {
                      date: formatDate(locale, s.startsAt, tz),
                      from: formatTime(locale, s.startsAt, tz),
                      to: formatTime(locale, s.endsAt, tz),
                    })}
                  </p>
                  <p className={s.missing > 0 ? 'font-semibold text-red-800' : 'font-semibold text-green-800'}>
                    {t('attendance.counts', { signed: s.signed, missing: s.missing })}
                  </p>
                  <p className="text-sm">{s.closedAt ? t('attendance.closed', { name: s.trainerName ?? '' }) : t('attendance.open')}</p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Link
                    to={`${eventPath(org, event.id, 'attendance')}/${s.id}`}
                    className="btn-primary px-3 py-1"
                    aria-label={t('attendance.openSheet.label', { label: s.label })}
                  >
                    {t('attendance.openSheet')}
                  </Link>
                  <a
                    href={`${eventPath(org, event.id, 'attendance.pdf')}?session=${s.id}`}
                    className="btn-secondary px-3 py-1"
                    aria-label={t('attendance.pdfOne.label', { label: s.label })}
                  >
                    {t('attendance.pdfOne')}
                  </a>
                  {canManage && s.signed === 0 && !s.closedAt && (
                    <InlineActionForm
                      intent="delete"
                      fields={{ sessionId: s.id }}
                      label={t('attendance.delete')}
                      accessibleLabel={t('attendance.delete.label', { label: s.label })}
                      danger
                    />
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canManage && (
        <section aria-labelledby="add-title" className="card space-y-4">
          <Form method="post" className="space-y-1">
            <input type="hidden" name="intent" value="halfDays" />
            <button type="submit" className="btn-primary">
              {t('attendance.halfDays')}
            </button>
            <p className="text-sm text-stone-700">{t('attendance.halfDays.help')}</p>
          </Form>
          <h2 id="add-title" className="text-lg font-bold">
            {t('attendance.custom')}
          </h2>
          <Form method="post" className="grid gap-3 sm:grid-cols-3">
            <input type="hidden" name="intent" value="add" />
            <div className="space-y-1">
              <label htmlFor="session-label" className="block font-semibold">
                {t('attendance.field.label')}
              </label>
              <input id="session-label" name="label" className="input w-full" required maxLength={120} />
            </div>
            <div className="space-y-1">
              <label htmlFor="session-start" className="block font-semibold">
                {t('attendance.field.startsAt')}
              </label>
              <input id="session-start" name="startsAt" type="datetime-local" className="input w-full" required />
            </div>
            <div className="space-y-1">
              <label htmlFor="session-end" className="block font-semibold">
                {t('attendance.field.endsAt')}
              </label>
              <input id="session-end" name="endsAt" type="datetime-local" className="input w-full" required />
            </div>
            <div>
              <button type="submit" className="btn-secondary">
                {t('attendance.add')}
              </button>
            </div>
          </Form>
        </section>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
