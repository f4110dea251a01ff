// Pieces shared by the organiser's event pages: status badge, page header with the event's
// sections, and the dictionary of labels for kinds, statuses, visibilities and question types.
import type { ReactNode } from 'react'
import { useT } from '#app/ui/i18n.tsx'
import { LifecycleBadge, SectionPageHeader } from '#app/ui/section-header.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'

export const kindLabelKey = (kind: string) => `event.kind.${kind}` as MessageKey
export const statusLabelKey = (status: string) => `event.status.${status}` as MessageKey
export const visibilityLabelKey = (visibility: string) => `event.visibility.${visibility}` as MessageKey
export const questionTypeLabelKey = (type: string) => `event.questionType.${type}` as MessageKey

export function StatusBadge({ status }: { status: string }) {
  const t = useT()
  return <LifecycleBadge status={status} label={t(statusLabelKey(status))} />
}

export function eventPath(orgSlug: string, eventId: string, section = '') {
  return `/o/${orgSlug}/events/${eventId}${section ? `/${section}` : ''}`
}

const SECTIONS: { section: string; key: MessageKey }[] = [
  { section: '', key: 'events.nav.dashboard' },
  { section: 'edit', key: 'events.nav.edit' },
  { section: 'programme', key: 'events.nav.programme' },
  { section: 'questions', key: 'events.nav.questions' },
  { section: 'tickets', key: 'paymentsAdmin.nav.tickets' },
  { section: 'registrations', key: 'events.nav.registrations' },
  { section: 'waiting-list', key: 'waitlist.nav' },
  { section: 'checkin', key: 'events.nav.checkin' },
  { section: 'attendance', key: 'attendance.nav' },
  { section: 'certificates', key: 'certificates.nav' },
  { section: 'surveys', key: 'surveys.nav' },
  { section: 'badges', key: 'badges.title' },
  { section: 'codes', key: 'accessCodes.nav' },
]

/** Title of an event page (the one h1), its status and the links to its sections. */
export function EventPageHeader({
  orgSlug,
  event,
  heading,
  children,
}: {
  orgSlug: string
  /** `waiting`: how many people wait, shown on the waiting list's link when the page knows it. */
  event: { id: string; title: string; status: string; editable: boolean; waiting?: number }
  heading?: string
  children?: ReactNode
}) {
  const t = useT()
  return (
    <SectionPageHeader
      back={{ to: `/o/${orgSlug}/events`, label: t('events.nav.backToList') }}
      title={event.title}
      heading={heading}
      badge={<StatusBadge status={event.status} />}
      navLabel={t('events.nav.label')}
      sections={SECTIONS.filter((s) => event.editable || s.section !== 'edit').map((s) => ({
        to: eventPath(orgSlug, event.id, s.section),
        label: s.section === 'waiting-list' && event.waiting !== undefined ? t('waitlist.nav.count', { count: event.waiting }) : t(s.key),
      }))}
    >
      {children}
    </SectionPageHeader>
  )
}

/** A notice in a coloured box: "error" is announced at once, the others politely. */
export function Notice({ tone, children, id }: { tone: 'error' | 'info' | 'warning'; children: ReactNode; id?: string }) {
  const colours =
    tone === 'error'
      ? 'border-red-700 bg-red-50 text-red-900'
      : tone === 'warning'
        ? 'border-amber-700 bg-amber-50 text-amber-950'
        : 'border-stone-400 bg-white text-stone-900'
  return (
    <div id={id} role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 px-4 py-3 ${colours}`}>
      {children}
    </div>
  )
}

/** All the form's messages in one list, for the error summary at the top of a form. */
export function allMessages(errors: Record<string, string[]> | undefined): string[] {
  return errors ? [...new Set(Object.values(errors).flat())] : []
}
