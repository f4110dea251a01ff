// The browser side of offline check-in (docs/decisions/0013-offline-checkin.md): registers the
// service worker, keeps the event's confirmed attendees in IndexedDB (refreshed on load, every
// minute and when the network returns), checks people in against that list while offline, queues
// those check-ins with the device's time and id, and sends the queue when the network is back.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { useCallback, useEffect, useRef, useState } from 'react'
import { normaliseTicketCode } from '#app/modules/registrations/checkin-schema.ts'
import { searchDoorList, type DoorAttendee } from '#app/modules/registrations/checkin-sync.ts'
import type { SyncedCheckIn } from '#app/modules/registrations/checkin-sync.server.ts'

type QueuedCheckIn = { localId: string; registrationId: string; at: string }
type DoorDb = DBSchema & {
  attendees: { key: string; value: DoorAttendee }
  queue: { key: string; value: QueuedCheckIn }
  meta: { key: string; value: string }
}

const REFRESH_MS = 60_000
const DEVICE_KEY = 'essor.checkin.device'

function deviceId() {
  let id = localStorage.getItem(DEVICE_KEY)
  if (!id) {
    id = crypto.randomUUID()
    localStorage.setItem(DEVICE_KEY, id)
  }
  return id
}

function openDoorDb(eventId: string) {
  return openDB<DoorDb>(`essor-checkin-${eventId}`, 1, {
    upgrade(db) {
      db.createObjectStore('attendees', { keyPath: 'id' })
      db.createObjectStore('queue', { keyPath: 'localId' })
      db.createObjectStore('meta')
    },
  })
}

export type LocalCheckInReply = {
  nonce: number
  ok: boolean
  offline: true
  reason?: 'already' | 'not_found'
  name?: string
  organisationName?: string
  at?: string | null
}

export type OfflineCheckIn = {
  /** False until the page has run in the browser: the server-rendered page works as before. */
  ready: boolean
  online: boolean
  pending: number
  syncing: boolean
  listSavedAt: string | null
  /** What the last sync reported: conflicts, and people who could not be checked in. */
  reports: SyncedCheckIn[]
  search: (q: string) => Promise<(DoorAttendee & { pending: boolean })[]>
  checkIn: (by: { registrationId: string } | { ticketCode: string }) => Promise<LocalCheckInReply>
  counter: { confirmed: number; checkedIn: number } | null
  /** After an online check-in: the list is read again so offline search knows. */
  refresh: () => void
}

/** `base` is the check-in page's path, /o/:org/events/:eventId/checkin. */
export function useOfflineCheckIn(eventId: string, base: string): OfflineCheckIn {
  const [ready, setReady] = useState(false)
  const [online, setOnline] = useState(true)
  const [pending, setPending] = useState(0)
  const [syncing, setSyncing] = useState(false)
  const [listSavedAt, setListSavedAt] = useState<string | null>(null)
  const [reports, setReports] = useState<SyncedCheckIn[]>([])
  const [counter, setCounter] = useState<OfflineCheckIn['counter']>(null)
  const dbRef = useRef<Promise<IDBPDatabase<DoorDb>> | null>(null)
  const busy = useRef(false)
  const db = useCallback(() => (dbRef.current ??= openDoorDb(eventId)), [eventId])

  const recount = useCallback(async () => {
    const d = await db()
    const [attendees, queue] = await Promise.all([d.getAll('attendees'), d.getAll('queue')])
    const queued = new Set(queue.map((q) => q.registrationId))
    setPending(queue.length)
    setCounter({ confirmed: attendees.length, checkedIn: attendees.filter((a) => a.checkedInAt || queued.has(a.id)).length })
    setListSavedAt((await d.get('meta', 'savedAt')) ?? null)
  }, [db])

  /** Sends the queue, then reads the list again; a failure leaves both as they were. */
  const syncAndRefresh = useCallback(async () => {
    if (busy.current || !navigator.onLine) return
    busy.current = true
    try {
      const d = await db()
      const queue = await d.getAll('queue')
      if (queue.length > 0) {
        setSyncing(true)
        const response = await fetch(`${base}.json`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ deviceId: deviceId(), checkins: queue }),
        })
        if (!response.ok) throw new Error(`sync answered ${response.status}`)
        const { results } = (await response.json()) as { results: SyncedCheckIn[] }
        const tx = d.transaction('queue', 'readwrite')
        await Promise.all([...results.map((r) => tx.store.delete(r.localId)), tx.done])
        const worth = results.filter((r) => r.outcome !== 'checked_in')
        if (worth.length > 0) setReports((before) => [...worth, ...before].slice(0, 50))
      }
      const response = await fetch(`${base}.json`, { headers: { Accept: 'application/json' } })
      if (!response.ok) throw new Error(`list answered ${response.status}`)
      const { attendees, fetchedAt } = (await response.json()) as { attendees: DoorAttendee[]; fetchedAt: string }
      const tx = d.transaction(['attendees', 'meta'], 'readwrite')
      const store = tx.objectStore('attendees')
      await store.clear()
      await Promise.all([...attendees.map((a) => store.put(a)), tx.objectStore('meta').put(fetchedAt, 'savedAt'), tx.done])
    } catch {
      // The network dropped half-way: the queue is kept and sent next time.
    } finally {
      busy.current = false
      setSyncing(false)
      await recount().catch(() => {})
    }
  }, [base, db, recount])

  useEffect(() => {
    setReady(true)
    setOnline(navigator.onLine)
    if ('serviceWorker' in navigator && !import.meta.env.DEV) {
      void import('workbox-window').then(({ Workbox }) =>
        new Workbox('/checkin-sw.js', { scope: base }).register().catch(() => {
          // No service worker (private window, old browser): the page still works while online.
        }),
      )
    }
    const goOnline = () => {
      setOnline(true)
      void syncAndRefresh()
    }
    const goOffline = () => setOnline(false)
    window.addEventListener('online', goOnline)
    window.addEventListener('offline', goOffline)
    void recount().then(syncAndRefresh)
    const timer = window.setInterval(() => void syncAndRefresh(), REFRESH_MS)
    return () => {
      window.removeEventListener('online', goOnline)
      window.removeEventListener('offline', goOffline)
      window.clearInterval(timer)
    }
  }, [base, recount, syncAndRefresh])

  const search = useCallback(
    async (q: string) => {
      const d = await db()
      const [attendees, queue] = await Promise.all([d.getAll('attendees'), d.getAll('queue')])
      const queued = new Map(queue.map((c) => [c.registrationId, c.at]))
      return searchDoorList(attendees, q).map((a) => ({
        ...a,
        checkedInAt: a.checkedInAt ?? queued.get(a.id) ?? null,
        pending: queued.has(a.id),
      }))
    },
    [db],
  )

  const checkIn = useCallback(
    async (by: { registrationId: string } | { ticketCode: string }): Promise<LocalCheckInReply> => {
      const d = await db()
      const nonce = Date.now()
      const attendees = await d.getAll('attendees')
      const attendee =
        'registrationId' in by
          ? attendees.find((a) => a.id === by.registrationId)
          : attendees.find((a) => a.ticketCode === normaliseTicketCode(by.ticketCode))
      if (!attendee) return { nonce, ok: false, offline: true, reason: 'not_found' }
      const name = `${attendee.firstName} ${attendee.lastName}`
      const queue = await d.getAll('queue')
      const earlier = attendee.checkedInAt ?? queue.find((c) => c.registrationId === attendee.id)?.at
      if (earlier) return { nonce, ok: false, offline: true, reason: 'already', name, at: earlier }
      const at = new Date().toISOString()
      await d.put('queue', { localId: crypto.randomUUID(), registrationId: attendee.id, at })
      await recount()
      return { nonce, ok: true, offline: true, name, organisationName: attendee.organisationName, at }
    },
    [db, recount],
  )

  return {
    ready,
    online,
    pending,
    syncing,
    listSavedAt,
    reports,
    search,
    checkIn,
    counter,
    refresh: () => void syncAndRefresh(),
  }
}
