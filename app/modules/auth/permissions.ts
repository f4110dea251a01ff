// Who may do what in an organisation: the one table every staff loader, action and button asks
// (after shelf.nu's role → permission map). Pure: no database, usable in the browser too.
// Jurors are not members: their access is their seat on a jury (modules/jury), not a role here.
import type { Role } from '#app/modules/organisations/service.server.ts'

export const ACTIONS = [
  'organisation.view',
  'settings.legal',
  'apiToken.manage',
  'apiToken.use',
  'event.view',
  'event.create',
  'event.edit',
  'event.publish',
  'event.cancel',
  'ticket.manage',
  'payment.configure',
  'payment.markPaid',
  'payment.markRefunded',
  'payment.cancel',
  'registration.view',
  'registration.export',
  'registration.add',
  'registration.move',
  'registration.cancel',
  'waitlist.manage',
  'registration.checkin',
  'application.review',
  'application.decide',
  'contact.view',
  'contact.edit',
  'contact.delete',
  'contact.import',
  'contact.export',
  'contact.suppression',
  'campaign.view',
  'campaign.edit',
  'campaign.send',
  'prize.view',
  'prize.manage',
  'nomination.review',
  'nomination.export',
  'jury.manage',
  'vote.manage',
  'prize.results',
  'prize.publishResults',
  'attendance.view',
  'attendance.manage',
  'attendance.sign',
  'certificate.manage',
  'survey.manage',
  'invoice.export',
  'badge.print',
  'audit.view',
  'code.manage',
] as const

export type Action = (typeof ACTIONS)[number]

/** The role → permission map. Change it only with the role × action grid of permissions.test.ts. */
export const PERMISSIONS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  // Everything but the organisation's legal and bank details (invoices, bank transfers).
  organiser: ACTIONS.filter((action) => action !== 'settings.legal' && action !== 'audit.view'),
  // The welcome desk: the dashboard (published events only) and the check-in page. It may also run
  // a session's tablet sheet (trainees and the trainer sign), not define, reopen or export sheets.
  checkin: ['organisation.view', 'registration.checkin', 'attendance.sign', 'badge.print'],
}

const GRANTED = new Map<Role, ReadonlySet<Action>>((Object.keys(PERMISSIONS) as Role[]).map((role) => [role, new Set(PERMISSIONS[role])]))

export function can(role: Role | null | undefined, action: Action): boolean {
  return role ? (GRANTED.get(role)?.has(action) ?? false) : false
}

/** The intents of a form action mapped to the permission each needs; unknown intents map to nothing. */
export function actionForIntent<I extends string>(intents: Readonly<Record<I, Action>>, intent: unknown): Action | null {
  return typeof intent === 'string' && Object.hasOwn(intents, intent) ? intents[intent as I] : null
}
