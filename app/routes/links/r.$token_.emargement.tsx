// The trainee's sign-in sheet on their own phone, from the personal link: the session open now (or
// today's sessions), signed with a drawn signature or the typed name and a tick. The time and the
// client address (set by the server, app/server/http.ts, never a client header) are recorded.
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { selfSignSchema, signatureInputOf } from '#app/modules/attendance/schema.ts'
import { sessionsForTrainee, signAsTrainee } from '#app/modules/attendance/service.server.ts'
import { SignatureFields } from '#app/modules/attendance/ui.tsx'
import { manageLinkState } from '#app/modules/registrations/links.server.ts'
import { findRegistrationByManageToken } from '#app/modules/registrations/service.server.ts'
import { formatTime } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { clientIp, notFound } from '#app/utils/http.server.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'attendance.me.title')} — Essor` }, { name: 'robots', content: 'noindex, nofollow' }]
}

async function registrationOf(token: string) {
  const registration = await findRegistrationByManageToken(token)
  if (!registration) throw (await manageLinkState(token)).state === 'replaced' ? redirect(`/r/${token}/remplace`) : notFound()
  return registration
}

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const registration = await registrationOf(token)
  const sessions = await sessionsForTrainee(registration, registration.event.timeZone)
  return data(
    {
      token,
      name: `${registration.firstName} ${registration.lastName}`,
      event: { title: registration.event.title, timeZone: registration.event.timeZone },
      sessions: sessions.map((s) => ({
        ...s,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        signedAt: s.signedAt?.toISOString() ?? null,
      })),
    },
    { headers: PRIVATE_HEADERS },
  )
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const registration = await registrationOf(token)
  const formData = await request.formData()
  return submitForm(request, formData, selfSignSchema, async (value) => {
    await signAsTrainee({
      sessionId: value.sessionId,
      registrationId: registration.id,
      signature: signatureInputOf(value),
      ip: clientIp(request),
      via: 'self',
    })
    return redirectWithToast(request, `/r/${token}/emargement`, { type: 'success', key: 'attendance.toast.selfSigned' })
  })
}

export default function TraineeSignIn() {
  const t = useT()
  const locale = useLocale()
  const d = useLoaderData<typeof loader>()
  const reply = useActionData<FormReply>()
  const problems = reply?.result.error ? [...new Set(Object.values(reply.result.error).flat())] : []
  const tz = d.event.timeZone
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t('attendance.me.title')}</h1>
        <p className="text-lg">{d.event.title}</p>
        <p className="text-stone-700">{t('attendance.me.intro')}</p>
      </header>
      {problems.length > 0 && (
        <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {problems.map((p) => (
            <p key={p}>{t(p as MessageKey)}</p>
          ))}
        </div>
      )}
      {d.sessions.length === 0 ? (
        <p className="card">{t('attendance.me.none')}</p>
      ) : (
        d.sessions.map((s) => (
          <section key={s.id} className="card space-y-3" aria-labelledby={`session-${s.id}`}>
            <h2 id={`session-${s.id}`} className="text-xl font-bold">
              {s.label}
            </h2>
            <p className="text-stone-700">
              {formatTime(locale, s.startsAt, tz)} – {formatTime(locale, s.endsAt, tz)}
            </p>
            {s.signedAt ? (
              <p className="font-semibold text-green-800" data-testid="self-signed">
                {t('attendance.me.signed', { time: formatTime(locale, s.signedAt, tz) })}
              </p>
            ) : s.closed ? (
              <p>{t('attendance.me.closed')}</p>
            ) : !s.open ? (
              <p>{t('attendance.me.notOpen')}</p>
            ) : (
              <Form method="post" className="space-y-3">
                <input type="hidden" name="sessionId" value={s.id} />
                <SignatureFields defaultName={d.name} />
                <button type="submit" className="btn-primary w-full">
                  {t('attendance.submit')}
                </button>
              </Form>
            )}
          </section>
        ))
      )}
      <p>
        <Link to={`/r/${d.token}`} className="link">
          {t('attendance.me.back')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
