// A session's sheet on the trainer's tablet: each confirmed trainee signs in the list (typed name
// without JavaScript, or drawn), late arrivals and early departures are recorded, and the trainer
// signs at the end, which closes the sheet. Organisers may reopen a closed sheet (audited).
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { sheetActionSchema, signatureInputOf } from '#app/modules/attendance/schema.ts'
import { recordTimes, reopenSession, sheetOf, signAsTrainee, signAsTrainer } from '#app/modules/attendance/service.server.ts'
import { SignatureFields } from '#app/modules/attendance/ui.tsx'
import { can } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EventPageHeader, eventPath, Notice } from '#app/modules/events/ui.tsx'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { formatDate, formatDateTime, formatTime, localDateOf, parseLocalDateTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { invalidInputError, isAppError } from '#app/utils/errors.ts'
import { clientIp, forbidden, notFound } from '#app/utils/http.server.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'attendance.pdf.title')}${d ? ` : ${d.session.label}` : ''} — Essor` }]
}

async function loadSheet(organisationId: string, eventId: string, sessionId: string | undefined) {
  try {
    return await sheetOf(organisationId, eventId, sessionId ?? '')
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    throw error
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, role } = await requirePermission(request, params.org, 'attendance.sign')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const { session, rows } = await loadSheet(organisation.id, event.id, params.sessionId)
  return {
    org: organisation.slug,
    canManage: can(role, 'attendance.manage'),
    event: { id: event.id, title: event.title, status: event.status, editable: event.editable, timeZone: event.timeZone },
    session: {
      id: session.id,
      label: session.label,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      closedAt: session.closedAt?.toISOString() ?? null,
      trainerName: session.trainerName,
    },
    rows: rows.map((r) => ({
      id: r.registrationId,
      name: `${r.firstName} ${r.lastName}`,
      organisationName: r.organisationName,
      signedAt: r.signedAt?.toISOString() ?? null,
      arrivedAt: r.arrivedAt?.toISOString() ?? null,
      leftAt: r.leftAt?.toISOString() ?? null,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, role, user } = await requirePermission(request, params.org, 'attendance.sign')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const { session, rows } = await loadSheet(organisation.id, event.id, params.sessionId)
  const formData = await request.formData()
  if (formData.get('intent') === 'reopen' && !can(role, 'attendance.manage')) throw forbidden()
  const back = `${eventPath(organisation.slug, event.id, 'attendance')}/${session.id}`
  const nameOf = (id: string) => {
    const row = rows.find((r) => r.registrationId === id)
    return row ? `${row.firstName} ${row.lastName}` : ''
  }
  const day = localDateOf(session.startsAt, event.timeZone)
  const timeOf = (field: string, value: string | undefined) => {
    if (!value) return null
    const at = /^\d{2}:\d{2}$/.test(value) ? parseLocalDateTime(`${day}T${value}`, event.timeZone) : null
    if (!at) throw invalidInputError('attendance.error.times', { [field]: ['attendance.error.times'] })
    return at
  }
  return submitForm(request, formData, sheetActionSchema, async (value) => {
    const ids = { organisationId: organisation.id, eventId: event.id, sessionId: session.id }
    switch (value.intent) {
      case 'sign':
        await signAsTrainee({
          sessionId: session.id,
          registrationId: value.registrationId,
          signature: signatureInputOf(value),
          ip: clientIp(request),
          via: 'tablet',
          actor: { userId: user.id },
        })
        return redirectWithToast(request, back, {
          type: 'success',
          key: 'attendance.toast.signed',
          params: { name: nameOf(value.registrationId) },
        })
      case 'times':
        await recordTimes({
          ...ids,
          registrationId: value.registrationId,
          arrivedAt: timeOf('arrivedAt', value.arrivedAt),
          leftAt: timeOf('leftAt', value.leftAt),
          actor: { userId: user.id },
        })
        return redirectWithToast(request, back, {
          type: 'success',
          key: 'attendance.toast.times',
          params: { name: nameOf(value.registrationId) },
        })
      case 'trainer':
        await signAsTrainer({ ...ids, trainerName: value.trainerName, signature: signatureInputOf(value) })
        return redirectWithToast(request, back, { type: 'success', key: 'attendance.toast.closed' })
      case 'reopen':
        await reopenSession(organisation.id, event.id, session.id, { userId: user.id })
        return redirectWithToast(request, back, { type: 'success', key: 'attendance.toast.reopened' })
    }
  })
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number]

function TraineeRow({ row, closed, timeZone }: { row: Row; closed: boolean; timeZone: string }) {
  const t = useT()
  const locale = useLocale()
  const hm = (iso: string | null) => (iso ? formatTime(locale, iso, timeZone) : '')
  const inputTime = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso)) : ''
  const nameId = `trainee-${row.id}`
  return (
    <li className="card space-y-3" aria-labelledby={nameId} data-testid="sheet-row">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h3 id={nameId} className="font-semibold">
            {row.name}
          </h3>
          <p className="text-sm text-stone-700">{row.organisationName}</p>
        </div>
        <p className={row.signedAt ? 'font-semibold text-green-800' : 'font-semibold text-red-800'}>
          {row.signedAt ? t('attendance.sheet.signedAt', { time: hm(row.signedAt) }) : t('attendance.sheet.missing')}
        </p>
      </div>
      {(row.arrivedAt || row.leftAt) && (
        <p className="text-sm">
          {row.arrivedAt ? t('attendance.sheet.arrived', { time: hm(row.arrivedAt) }) : ''}
          {row.leftAt ? t('attendance.sheet.left', { time: hm(row.leftAt) }) : ''}
        </p>
      )}
      {!closed && !row.signedAt && (
        <details>
          <summary className="btn-primary cursor-pointer px-3 py-1">{t('attendance.sheet.sign', { name: row.name })}</summary>
          <Form method="post" className="mt-2 space-y-2">
            <input type="hidden" name="intent" value="sign" />
            <input type="hidden" name="registrationId" value={row.id} />
            <SignatureFields defaultName={row.name} />
            <button type="submit" className="btn-primary">
              {t('attendance.submit')}
            </button>
          </Form>
        </details>
      )}
      {!closed && (
        <details>
          <summary className="cursor-pointer text-sm underline">{t('attendance.sheet.times')}</summary>
          <Form
            method="post"
            className="mt-2 flex flex-wrap items-end gap-3"
            aria-label={t('attendance.sheet.times.label', { name: row.name })}
          >
            <input type="hidden" name="intent" value="times" />
            <input type="hidden" name="registrationId" value={row.id} />
            <div className="space-y-1">
              <label htmlFor={`${row.id}-arrived`} className="block text-sm font-semibold">
                {t('attendance.sheet.arrivedAt')}
              </label>
              <input id={`${row.id}-arrived`} name="arrivedAt" type="time" defaultValue={inputTime(row.arrivedAt)} className="input" />
            </div>
            <div className="space-y-1">
              <label htmlFor={`${row.id}-left`} className="block text-sm font-semibold">
                {t('attendance.sheet.leftAt')}
              </label>
              <input id={`${row.id}-left`} name="leftAt" type="time" defaultValue={inputTime(row.leftAt)} className="input" />
            </div>
            <button type="submit" className="btn-secondary px-3 py-1">
              {t('attendance.sheet.saveTimes')}
            </button>
          </Form>
        </details>
      )}
    </li>
  )
}

export default function AttendanceSheet() {
  const t = useT()
  const locale = useLocale()
  const { org, event, session, rows, canManage } = useLoaderData<typeof loader>()
  const reply = useActionData<FormReply>()
  const problems = reply?.result.error ? [...new Set(Object.values(reply.result.error).flat())] : []
  const tz = event.timeZone
  const closed = session.closedAt !== null
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={org} event={event} heading={session.label} />
      <p>
        <Link to={eventPath(org, event.id, 'attendance')} className="link">
          {t('attendance.back')}
        </Link>
      </p>
      <p className="text-stone-700">
        {t('attendance.when', {
          date: formatDate(locale, session.startsAt, tz),
          from: formatTime(locale, session.startsAt, tz),
          to: formatTime(locale, session.endsAt, tz),
        })}
      </p>
      {problems.length > 0 && (
        <Notice tone="error">
          {problems.map((p) => (
            <p key={p}>{t(p as MessageKey)}</p>
          ))}
        </Notice>
      )}
      <section aria-labelledby="trainees-title" className="space-y-3">
        <h2 id="trainees-title" className="text-xl font-bold">
          {t('attendance.sheet.trainees')}
        </h2>
        <ul className="space-y-2">
          {rows.map((row) => (
            <TraineeRow key={row.id} row={row} closed={closed} timeZone={tz} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="trainer-title" className="card space-y-3">
        <h2 id="trainer-title" className="text-xl font-bold">
          {t('attendance.trainer.title')}
        </h2>
        {closed ? (
          <>
            <p data-testid="trainer-signed">
              {t('attendance.trainer.signed', { name: session.trainerName ?? '', date: formatDateTime(locale, session.closedAt!, tz) })}
            </p>
            {canManage && (
              <Form method="post" className="space-y-1">
                <input type="hidden" name="intent" value="reopen" />
                <p className="text-sm text-stone-700">{t('attendance.reopen.help')}</p>
                <button type="submit" className="btn-secondary">
                  {t('attendance.reopen')}
                </button>
              </Form>
            )}
          </>
        ) : (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="trainer" />
            <p className="text-sm text-stone-700">{t('attendance.trainer.help')}</p>
            <div className="space-y-1">
              <label htmlFor="trainer-name" className="block font-semibold">
                {t('attendance.trainer.name')}
              </label>
              <input id="trainer-name" name="trainerName" className="input w-full" required maxLength={200} />
            </div>
            <SignatureFields nameLabel={t('attendance.trainer.name')} />
            <button type="submit" className="btn-primary">
              {t('attendance.trainer.sign')}
            </button>
          </Form>
        )}
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
