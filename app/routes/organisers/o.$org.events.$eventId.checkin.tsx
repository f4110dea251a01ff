// Check-in at the door, made for a phone: search a name and tap "Émarger", type a ticket code
// (works without JavaScript), or scan the QR code with the camera where the browser offers the
// BarcodeDetector API. A ticket is checked in once: the service's conditional update lets exactly
// one of several simultaneous staff succeed; the others see the time of the first check-in.
// With JavaScript the page also works offline once opened (app/route-support/checkin-offline.ts):
// searches and check-ins run on the list kept on the device and are sent when the network is back.
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { can } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { checkInCounter, requireOrganisationEvent, searchForCheckIn } from '#app/modules/registrations/admin.server.ts'
import { REGISTRATION_STATUSES } from '#app/modules/registrations/rules.ts'
import { checkIn } from '#app/modules/registrations/service.server.ts'
import { checkInSchema, checkInTarget, normaliseTicketCode } from '#app/modules/registrations/checkin-schema.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { httpError, orHttpError } from '#app/utils/http.server.ts'
import { translate, type Locale, type MessageKey, type Translate } from '#app/utils/i18n.ts'
import { formatTime } from '#app/shared/time.ts'
import { useOfflineCheckIn, type LocalCheckInReply, type OfflineCheckIn } from '#app/route-support/checkin-offline.ts'
import type { DoorAttendee } from '#app/modules/registrations/checkin-sync.ts'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'checkin.title')
  return [{ title: data ? `${title} — ${data.event.title} — Essor` : `${title} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, role } = await requirePermission(request, params.org, 'registration.checkin')
  const event = await orHttpError(requireOrganisationEvent(organisation.id, params.eventId))
  const q = new URL(request.url).searchParams.get('q')?.trim().slice(0, 100) ?? ''
  const [results, counter] = await Promise.all([q ? searchForCheckIn(event.id, q) : Promise.resolve([]), checkInCounter(event.id)])
  return {
    org: organisation.slug,
    canManage: can(role, 'registration.view'),
    event: { id: event.id, title: event.title, timeZone: event.timeZone },
    q,
    counter,
    results: results.map((r) => ({
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      organisationName: r.organisationName,
      status: r.status,
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
    })),
  }
}

export type CheckInReply = {
  /** Tells two identical answers apart, so each one is shown and announced. */
  nonce: number
  ok: boolean
  reason?: 'already' | 'not_confirmed' | 'not_found'
  name?: string
  organisationName?: string
  status?: string
  at?: string | null
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'registration.checkin')
  const event = await orHttpError(requireOrganisationEvent(organisation.id, params.eventId))
  const formData = await request.formData()
  if (formData.get('intent') !== 'checkin') throw httpError(400, 'Unknown intent')
  const submission = parseWithZod(formData, { schema: checkInSchema })
  const by = submission.status === 'success' ? checkInTarget(submission.value) : null
  const nonce = Date.now()
  if (!by) return data<CheckInReply>({ nonce, ok: false, reason: 'not_found' }, { status: 400 })
  const result = await checkIn(event.id, by, user.id)
  if (result.ok) {
    const r = result.registration
    return data<CheckInReply>({
      nonce,
      ok: true,
      name: `${r.firstName} ${r.lastName}`,
      organisationName: r.organisationName,
      at: result.checkedInAt.toISOString(),
    })
  }
  const r = result.registration
  // 409: the request was understood but the ticket cannot be checked in (again).
  return data<CheckInReply>(
    {
      nonce,
      ok: false,
      reason: result.reason,
      name: r ? `${r.firstName} ${r.lastName}` : undefined,
      status: r?.status,
      at: result.checkedInAt?.toISOString() ?? null,
    },
    { status: result.reason === 'not_found' ? 404 : 409 },
  )
}

// ---------------------------------------------------------------------------------------------

function useTimeFormat(timeZone: string) {
  const locale = useLocale()
  return (iso: string) => formatTime(locale, iso, timeZone)
}

function statusText(t: Translate, status: string) {
  return (REGISTRATION_STATUSES as readonly string[]).includes(status) ? t(`attendees.status.${status}` as MessageKey) : status
}

type AnyReply = CheckInReply | LocalCheckInReply

function ResultMessage({ reply, timeZone }: { reply: AnyReply | undefined; timeZone: string }) {
  const t = useT()
  const time = useTimeFormat(timeZone)
  const success = reply?.ok ? reply : undefined
  const failure = reply && !reply.ok ? reply : undefined
  let failureText = ''
  if (failure?.reason === 'already')
    failureText = t('checkin.result.already', { name: failure.name ?? '', time: failure.at ? time(failure.at) : '—' })
  else if (failure?.reason === 'not_confirmed' && 'status' in failure)
    failureText = t('checkin.result.notConfirmed', { name: failure.name ?? '', status: statusText(t, failure.status ?? '') })
  else if (failure) failureText = t('checkin.result.notFound')
  // Both live regions stay in the page so screen readers announce each new message.
  return (
    <div className="space-y-2">
      <div role="status" data-testid="checkin-success">
        {success && (
          <p
            key={success.nonce}
            className="rounded-md border-l-8 border-brand-700 bg-brand-50 px-4 py-4 text-lg font-semibold text-brand-800"
          >
            <span aria-hidden="true">✓ </span>
            {t('offline' in success ? 'checkin.result.savedOffline' : 'checkin.result.ok', {
              name: success.name ?? '',
              time: success.at ? time(success.at) : '',
            })}
            {success.organisationName && <span className="block text-base font-normal">{success.organisationName}</span>}
          </p>
        )}
      </div>
      <div role="alert" data-testid="checkin-failure">
        {failure && (
          <p key={failure.nonce} className="rounded-md border-l-8 border-red-700 bg-red-50 px-4 py-4 text-lg font-semibold text-red-900">
            <span aria-hidden="true">✗ </span>
            {failureText}
          </p>
        )}
      </div>
    </div>
  )
}

// The BarcodeDetector API is not in TypeScript's DOM library yet.
type DetectedBarcode = { rawValue: string }
type BarcodeDetectorInstance = { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> }
type BarcodeDetectorConstructor = new (options?: { formats?: string[] }) => BarcodeDetectorInstance

const noSubscription = () => () => {}
function useCameraScanSupported() {
  return useSyncExternalStore(
    noSubscription,
    () => 'BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia),
    () => false,
  )
}

/** Camera preview + a detection loop on a canvas; calls onCode with each QR code it reads. */
function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useT()
  const supported = useCameraScanSupported()
  const [active, setActive] = useState(false)
  const [cameraError, setCameraError] = useState(false)
  const videoRef = useRef<HTMLVideoElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const onCodeRef = useRef(onCode)
  useEffect(() => {
    onCodeRef.current = onCode
  }, [onCode])

  useEffect(() => {
    if (!active) return
    let stopped = false
    let stream: MediaStream | null = null
    let timer: number | undefined
    const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorConstructor }).BarcodeDetector
    const detector = new Detector({ formats: ['qr_code'] })
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      } catch {
        if (!stopped) {
          setCameraError(true)
          setActive(false)
        }
        return
      }
      const video = videoRef.current
      const canvas = canvasRef.current
      if (stopped || !video || !canvas) {
        stream.getTracks().forEach((track) => track.stop())
        return
      }
      video.srcObject = stream
      await video.play().catch(() => {})
      const context = canvas.getContext('2d', { willReadFrequently: true })
      const tick = async () => {
        if (stopped) return
        if (context && video.readyState >= 2 && video.videoWidth > 0) {
          canvas.width = video.videoWidth
          canvas.height = video.videoHeight
          context.drawImage(video, 0, 0, canvas.width, canvas.height)
          try {
            const codes = await detector.detect(canvas)
            const code = codes.find((c) => c.rawValue)?.rawValue
            if (code && !stopped) onCodeRef.current(code)
          } catch {
            // A frame the detector could not read: try the next one.
          }
        }
        timer = window.setTimeout(tick, 200)
      }
      void tick()
    })()
    return () => {
      stopped = true
      window.clearTimeout(timer)
      stream?.getTracks().forEach((track) => track.stop())
    }
  }, [active])

  if (!supported) return <p className="text-sm text-stone-700">{t('checkin.scan.unsupported')}</p>
  return (
    <div className="space-y-3">
      <button
        type="button"
        className={`${active ? 'btn-secondary' : 'btn-primary'} min-h-14 w-full text-lg`}
        aria-pressed={active}
        onClick={() => {
          setCameraError(false)
          setActive((a) => !a)
        }}
      >
        {active ? t('checkin.scan.stop') : t('checkin.scan.start')}
      </button>
      {cameraError && (
        <p role="alert" className="field-error">
          {t('checkin.scan.cameraError')}
        </p>
      )}
      <div className={active ? 'overflow-hidden rounded-md bg-black' : 'hidden'}>
        <video ref={videoRef} muted playsInline aria-label={t('checkin.scan.preview')} className="mx-auto max-h-80 w-full object-contain" />
      </div>
      <canvas ref={canvasRef} hidden />
    </div>
  )
}

const SAME_CODE_PAUSE_MS = 15_000

/** Keeps the counter fresh while several staff check people in at once. */
function useLiveRefresh(enabled: boolean, intervalMs = 10_000) {
  const { revalidate, state } = useRevalidator()
  const navigation = useNavigation()
  const busy = state !== 'idle' || navigation.state !== 'idle'
  useEffect(() => {
    // Offline, a revalidation would fail and replace the page with an error.
    if (busy || !enabled) return
    const id = window.setInterval(() => {
      if (document.visibilityState === 'visible') revalidate()
    }, intervalMs)
    return () => window.clearInterval(id)
  }, [busy, enabled, revalidate, intervalMs])
}

/** Online or offline, and how many check-ins this device still has to send: always on screen. */
function NetworkStatus({ offline, timeZone }: { offline: OfflineCheckIn; timeZone: string }) {
  const t = useT()
  const time = useTimeFormat(timeZone)
  if (!offline.ready) return null
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="checkin-network"
      className={`rounded-md border-l-8 px-4 py-3 ${offline.online ? 'border-brand-700 bg-brand-50' : 'border-amber-600 bg-amber-50'}`}
    >
      <p className="font-semibold" data-testid="checkin-network-state">
        {offline.online ? t('checkin.network.online') : t('checkin.network.offline')}
      </p>
      <p data-testid="checkin-pending">
        {t('checkin.network.pending', { count: offline.pending })}
        {offline.syncing && ` — ${t('checkin.network.syncing')}`}
      </p>
      {offline.listSavedAt && <p className="text-sm text-stone-700">{t('checkin.network.listAt', { time: time(offline.listSavedAt) })}</p>}
    </div>
  )
}

/** What the last sync could not simply record: two check-ins of one person, or a seat gone. */
function SyncReports({ offline, timeZone }: { offline: OfflineCheckIn; timeZone: string }) {
  const t = useT()
  const time = useTimeFormat(timeZone)
  const who = (h: { by: string | null; deviceId: string | null }, mine: boolean) => {
    const where = h.deviceId === null ? t('checkin.sync.online') : mine ? t('checkin.sync.thisDevice') : t('checkin.sync.otherDevice')
    return h.by ? `${h.by}, ${where}` : where
  }
  return (
    <div aria-live="polite" data-testid="checkin-sync-reports">
      {offline.reports.length > 0 && (
        <section aria-labelledby="checkin-sync-title" className="card space-y-2 border-l-8 border-amber-600">
          <h2 id="checkin-sync-title" className="text-lg font-semibold">
            {t('checkin.sync.title')}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {offline.reports.map((r) => (
              <li key={r.localId}>
                {r.outcome === 'conflict' && r.conflict
                  ? t('checkin.sync.conflict', {
                      name: r.name ?? '',
                      keptTime: time(r.conflict.kept.at),
                      kept: who(r.conflict.kept, r.conflict.claimKept),
                      laterTime: time(r.conflict.later.at),
                      later: who(r.conflict.later, !r.conflict.claimKept),
                    })
                  : r.outcome === 'not_confirmed'
                    ? t('checkin.sync.notConfirmed', { name: r.name ?? '', status: statusText(t, r.status ?? '') })
                    : t('checkin.sync.notFound')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

type Result = { id: string; name: string; organisationName: string; status: string; checkedInAt: string | null }
const fromDoorList = (a: DoorAttendee): Result => ({
  id: a.id,
  name: `${a.firstName} ${a.lastName}`,
  organisationName: a.organisationName,
  status: 'confirmed',
  checkedInAt: a.checkedInAt,
})

export default function CheckIn() {
  const t = useT()
  const { org, canManage, event, q, counter: serverCounter, results: serverResults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const scanFetcher = useFetcher<typeof action>()
  const time = useTimeFormat(event.timeZone)
  const base = `/o/${org}/events/${event.id}`
  const offline = useOfflineCheckIn(event.id, `${base}/checkin`)
  const offlineMode = offline.ready && !offline.online
  useLiveRefresh(offline.online)

  // Offline, the search and the check-ins run on the device's list.
  const [localReply, setLocalReply] = useState<LocalCheckInReply>()
  const [localSearch, setLocalSearch] = useState<{ q: string; results: Result[] } | null>(null)
  const runLocalSearch = async (query: string) => setLocalSearch({ q: query, results: (await offline.search(query)).map(fromDoorList) })
  const checkInLocally = async (by: { registrationId: string } | { ticketCode: string }) => {
    setLocalReply(await offline.checkIn(by))
    if (localSearch) await runLocalSearch(localSearch.q)
  }
  const shown = offlineMode && localSearch ? localSearch : { q, results: serverResults }
  const counter = offlineMode && offline.counter ? offline.counter : serverCounter

  // An online check-in also reaches the device's list, for the next time the network drops.
  const refreshList = offline.refresh
  const lastOnline = actionData?.nonce ?? scanFetcher.data?.nonce
  useEffect(() => {
    if (lastOnline) refreshList()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer
  }, [lastOnline])

  // Whichever answer came last, from a form, the scanner or the device's list.
  const latest = [actionData, scanFetcher.data, localReply].filter((r): r is AnyReply => Boolean(r)).sort((a, b) => b.nonce - a.nonce)[0]

  const lastScan = useRef<{ code: string; at: number } | null>(null)
  const submitScan = scanFetcher.submit
  const scanState = scanFetcher.state
  const offlineCheckIn = offline.checkIn
  const onCode = useCallback(
    (raw: string) => {
      const code = normaliseTicketCode(raw)
      const now = Date.now()
      // The camera sees the same code many times a second: send it once, and again only once the
      // ticket has long left the frame, so staff never get a false "already checked in".
      if (scanState !== 'idle' || (lastScan.current?.code === code && now - lastScan.current.at < SAME_CODE_PAUSE_MS)) return
      lastScan.current = { code, at: now }
      if ('vibrate' in navigator) navigator.vibrate(60)
      if (offlineMode) void offlineCheckIn({ ticketCode: code }).then(setLocalReply)
      else void submitScan({ intent: 'checkin', ticketCode: code }, { method: 'post' })
    },
    [scanState, submitScan, offlineMode, offlineCheckIn],
  )

  /** Offline, a form's submission is handled on the device instead of going to the server. */
  const offlineSubmit = (handle: (form: FormData) => Promise<void>) => (e: React.FormEvent<HTMLFormElement>) => {
    if (!offlineMode) return
    e.preventDefault()
    void handle(new FormData(e.currentTarget))
  }

  const busyId = navigation.state !== 'idle' ? navigation.formData?.get('registrationId') : null
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">{t('checkin.title')}</h1>
        <p className="text-stone-700">{event.title}</p>
        {canManage && (
          <p className="text-sm">
            <Link to={`${base}/registrations`} className="link">
              {t('attendees.nav.registrations')}
            </Link>
          </p>
        )}
      </header>

      <NetworkStatus offline={offline} timeZone={event.timeZone} />

      <p className="card text-center" data-testid="checkin-counter">
        <span className="block text-4xl font-bold tabular-nums">
          {counter.checkedIn} / {counter.confirmed}
        </span>
        <span className="text-stone-700">{t('checkin.counter', { checkedIn: counter.checkedIn, confirmed: counter.confirmed })}</span>
      </p>

      <ResultMessage reply={latest} timeZone={event.timeZone} />
      <SyncReports offline={offline} timeZone={event.timeZone} />

      <section aria-labelledby="checkin-search-title" className="card space-y-4">
        <h2 id="checkin-search-title" className="text-xl font-semibold">
          {t('checkin.search.title')}
        </h2>
        <Form
          method="get"
          role="search"
          className="space-y-3"
          onSubmit={offlineSubmit(async (form) => runLocalSearch(String(form.get('q') ?? '').trim()))}
        >
          <label htmlFor="checkin-q" className="label text-base">
            {t('checkin.search.label')}
          </label>
          <input
            id="checkin-q"
            name="q"
            type="search"
            defaultValue={q}
            autoComplete="off"
            enterKeyHint="search"
            className="input min-h-14 text-lg"
          />
          <button type="submit" className="btn-primary min-h-14 w-full text-lg">
            {t('checkin.search.submit')}
          </button>
        </Form>
        {shown.q && shown.results.length === 0 && <p className="text-stone-700">{t('checkin.search.none', { q: shown.q })}</p>}
        {shown.results.length > 0 && (
          <ul className="divide-y divide-stone-200" aria-label={t('checkin.search.results', { count: shown.results.length })}>
            {shown.results.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="text-lg font-semibold">{r.name}</p>
                  <p className="text-sm text-stone-700">{r.organisationName}</p>
                </div>
                {r.status !== 'confirmed' ? (
                  <p className="text-sm font-semibold text-red-900">{statusText(t, r.status)}</p>
                ) : r.checkedInAt ? (
                  <p className="text-sm font-semibold text-brand-800">{t('checkin.search.alreadyAt', { time: time(r.checkedInAt) })}</p>
                ) : (
                  <Form method="post" onSubmit={offlineSubmit(async () => checkInLocally({ registrationId: r.id }))}>
                    <input type="hidden" name="intent" value="checkin" />
                    <input type="hidden" name="registrationId" value={r.id} />
                    <button
                      type="submit"
                      className="btn-primary min-h-12 min-w-32 text-lg"
                      disabled={busyId === r.id}
                      aria-label={t('checkin.search.buttonFor', { name: r.name })}
                    >
                      {t('checkin.search.button')}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="checkin-scan-title" className="card space-y-4">
        <h2 id="checkin-scan-title" className="text-xl font-semibold">
          {t('checkin.scan.title')}
        </h2>
        <QrScanner onCode={onCode} />
        <Form
          method="post"
          className="space-y-3"
          key={latest?.nonce}
          onSubmit={offlineSubmit(async (form) => checkInLocally({ ticketCode: String(form.get('ticketCode') ?? '') }))}
        >
          <input type="hidden" name="intent" value="checkin" />
          <label htmlFor="checkin-code" className="label text-base">
            {t('checkin.code.label')}
          </label>
          <input
            id="checkin-code"
            name="ticketCode"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="checkin-code-help"
            className="input min-h-14 font-mono text-lg uppercase tracking-widest"
          />
          <p id="checkin-code-help" className="text-sm text-stone-700">
            {t('checkin.code.help')}
          </p>
          <button type="submit" className="btn-secondary min-h-14 w-full text-lg">
            {t('checkin.code.submit')}
          </button>
        </Form>
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
