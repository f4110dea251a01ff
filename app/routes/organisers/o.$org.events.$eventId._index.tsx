// An event's dashboard for organisers: what, when, where, the counts, and the lifecycle actions
// (publish, cancel, archive), each behind a confirmation step that works without JavaScript.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { formatEventDates, formatDateTime } from '#app/shared/time.ts'
import { renderMarkdown } from '#app/shared/markdown.server.ts'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { loadOrganiserEvent } from '#app/route-support/events.server.ts'
import { cancelEvent } from '#app/composition/events.server.ts'
import { archiveEvent, lifecycleBlock, publishEvent } from '#app/modules/events/service.server.ts'
import { EventPageHeader, eventPath, kindLabelKey, visibilityLabelKey } from '#app/modules/events/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextareaField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { LIFECYCLE_MESSAGE_MAX, lifecycleFormSchema } from '#app/modules/events/schema.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { Detail } from '#app/ui/detail.tsx'

const ACTIONS = ['publish', 'cancel', 'archive'] as const
type LifecycleAction = (typeof ACTIONS)[number]
const isLifecycleAction = (v: unknown): v is LifecycleAction => typeof v === 'string' && (ACTIONS as readonly string[]).includes(v)

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${d?.event.title ?? translate(root?.locale ?? 'fr', 'events.list.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'event.view')
  const locale = localeFromRequest(request)
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const confirmParam = new URL(request.url).searchParams.get('confirm')
  const now = new Date()
  const blocks = Object.fromEntries(ACTIONS.map((a) => [a, lifecycleBlock(event, a, now)])) as Record<LifecycleAction, MessageKey | null>
  const at = (d: Date | null) => (d ? formatDateTime(locale, d, event.timeZone) : null)
  return {
    organisation: { slug: organisation.slug },
    confirm: isLifecycleAction(confirmParam) && !blocks[confirmParam] ? confirmParam : null,
    blocks,
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      kind: event.kind,
      status: event.status,
      editable: event.editable,
      visibility: event.visibility,
      dates: formatEventDates(locale, event.startsAt, event.endsAt, event.timeZone),
      venue: [event.venueName, event.address, [event.town, event.departement ? `(${event.departement})` : null].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', '),
      onlineUrl: event.onlineUrl,
      capacity: event.capacity,
      seatsLeft: event.seatsLeft,
      waitlistEnabled: event.waitlistEnabled,
      requiresApplication: event.requiresApplication,
      offerHours: event.offerHours,
      opensAt: at(event.registrationOpensAt),
      closesAt: at(event.registrationClosesAt),
      reminderDaysBefore: event.reminderDaysBefore,
      contactEmail: event.contactEmail,
      descriptionHtml: renderMarkdown(event.description),
      counts: event.counts,
      workshops: event.slots.reduce((n, s) => n + s.workshops.length, 0),
      slots: event.slots.length,
      questions: event.questions.length,
    },
  }
}

/** The permission each intent of the action needs. */
const INTENT_PERMISSIONS = {
  publish: 'event.publish',
  cancel: 'event.cancel',
  archive: 'event.publish',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'event.view')
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const formData = await request.formData()
  const intent = formData.get('intent')
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, intent))
  const here = eventPath(organisation.slug, event.id)
  const actor = { actorUserId: user.id, request }
  return submitForm(request, formData, lifecycleFormSchema, async (value) => {
    switch (value.intent) {
      case 'publish':
        await publishEvent(organisation.id, event.id, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'events.toast.published' })
      case 'cancel': {
        const { registrationsCancelled } = await cancelEvent(organisation.id, event.id, value.message ?? '', actor)
        return redirectWithToast(request, here, {
          type: 'success',
          key: 'events.toast.cancelled',
          params: { count: registrationsCancelled },
        })
      }
      case 'archive':
        await archiveEvent(organisation.id, event.id, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'events.toast.archived' })
    }
  })
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded-md border border-stone-200 bg-white p-3">
      <dt className="text-sm text-stone-700">{label}</dt>
      <dd className="text-2xl font-bold">{value}</dd>
    </div>
  )
}

function ConfirmPanel({
  action,
  base,
  activeRegistrants,
  lastResult,
}: {
  action: LifecycleAction
  base: string
  activeRegistrants: number
  lastResult?: FormReply['result']
}) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(lifecycleFormSchema, { id: `confirm-${action}`, lastResult })
  const message = fields.message
  return (
    <section aria-labelledby="confirm-title" className="card border-amber-700 space-y-4">
      <h2 id="confirm-title" className="text-xl font-semibold">
        {t(`events.confirm.${action}.title` as MessageKey)}
      </h2>
      <p>{t(`events.confirm.${action}.body` as MessageKey, { count: activeRegistrants })}</p>
      <Form method="post" action={base} {...getFormProps(form)} className="space-y-4">
        <FormErrorSummary links={summaryEntries(form, { message: 'cancel-message' }, (e) => t(e as MessageKey))} />
        <input type="hidden" name="intent" value={action} />
        {action === 'cancel' && (
          <TextareaField
            label={t('events.confirm.cancel.message')}
            help={t('events.confirm.cancel.messageHelp')}
            name={message.name}
            key={message.key}
            id="cancel-message"
            rows={4}
            maxLength={LIFECYCLE_MESSAGE_MAX}
            errors={message.errors?.map((e) => t(e as MessageKey))}
          />
        )}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={action === 'publish' ? 'btn-primary' : 'btn-danger'} disabled={busy}>
            {t(`events.confirm.${action}.submit` as MessageKey)}
          </button>
          <Link to={base} className="btn-secondary">
            {t('events.confirm.back')}
          </Link>
        </div>
      </Form>
    </section>
  )
}

export default function EventDashboard() {
  const t = useT()
  const { organisation, event, confirm, blocks } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  // A refusal comes back to the page without ?confirm: its panel is shown again with the errors.
  const failed = actionData?.result.initialValue?.intent
  const shown = confirm ?? (isLifecycleAction(failed) ? failed : null)
  const base = eventPath(organisation.slug, event.id)
  const activeRegistrants = event.counts.confirmed + event.counts.waitlisted + event.counts.offered
  // A draft has nobody to tell: it is archived rather than cancelled.
  const available = ACTIONS.filter((a) => !blocks[a] && !(a === 'cancel' && event.status === 'draft'))
  return (
    <div>
      <EventPageHeader orgSlug={organisation.slug} event={event} />
      <div className="space-y-6">
        {shown && <ConfirmPanel action={shown} base={base} activeRegistrants={activeRegistrants} lastResult={actionData?.result} />}

        <section aria-labelledby="counts-title" className="space-y-3">
          <h2 id="counts-title" className="text-xl font-semibold">
            {t('events.dashboard.counts')}
          </h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            <Stat label={t('events.count.confirmed')} value={event.counts.confirmed} />
            <Stat label={t('events.count.waitlisted')} value={event.counts.waitlisted} />
            <Stat label={t('events.count.offered')} value={event.counts.offered} />
            <Stat label={t('events.count.capacity')} value={event.capacity ?? t('events.count.unlimited')} />
            <Stat label={t('events.count.seatsLeft')} value={event.seatsLeft ?? t('events.count.unlimited')} />
            <Stat label={t('events.count.checkedIn')} value={event.counts.checkedIn} />
          </dl>
          <p className="flex flex-wrap gap-4 text-sm">
            <Link to={`${base}/registrations`} className="link">
              {t('events.dashboard.seeRegistrations')}
            </Link>
            {event.requiresApplication && (
              <Link to={`${base}/applications`} className="link">
                {t('admission.link')}
              </Link>
            )}
            <Link to={`${base}/checkin`} className="link">
              {t('events.dashboard.openCheckin')}
            </Link>
            <Link to={`/o/${organisation.slug}/campaigns/new?eventId=${event.id}`} className="link">
              {t('campaigns.start')}
            </Link>
          </p>
        </section>

        <section aria-labelledby="summary-title" className="card space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="summary-title" className="text-xl font-semibold">
              {t('events.dashboard.summary')}
            </h2>
            {event.editable && (
              <Link to={`${base}/edit`} className="btn-secondary">
                {t('events.dashboard.edit')}
              </Link>
            )}
          </div>
          <dl className="space-y-3">
            <Detail label={t('event.field.kind')}>{t(kindLabelKey(event.kind))}</Detail>
            <Detail label={t('events.dashboard.when')}>{event.dates}</Detail>
            <Detail label={t('events.dashboard.where')}>{event.venue || t('events.dashboard.noVenue')}</Detail>
            {event.onlineUrl && (
              <Detail label={t('event.field.onlineUrl')}>
                <a href={event.onlineUrl} className="link break-all" rel="noopener noreferrer">
                  {event.onlineUrl}
                </a>
              </Detail>
            )}
            <Detail label={t('event.field.visibility')}>{t(visibilityLabelKey(event.visibility))}</Detail>
            <Detail label={t('events.dashboard.registrationWindow')}>
              {event.opensAt || event.closesAt
                ? t('events.dashboard.window', {
                    opens: event.opensAt ?? t('events.dashboard.windowPublication'),
                    closes: event.closesAt ?? t('events.dashboard.windowEnd'),
                  })
                : t('events.dashboard.windowDefault')}
            </Detail>
            <Detail label={t('event.field.waitlist')}>
              {event.waitlistEnabled ? t('events.dashboard.waitlistOn', { hours: event.offerHours }) : t('events.dashboard.waitlistOff')}
            </Detail>
            <Detail label={t('event.field.reminderDaysBefore')}>
              {event.reminderDaysBefore > 0
                ? t('events.dashboard.reminder', { days: event.reminderDaysBefore })
                : t('events.dashboard.noReminder')}
            </Detail>
            {event.contactEmail && <Detail label={t('event.field.contactEmail')}>{event.contactEmail}</Detail>}
            <Detail label={t('events.dashboard.publicPage')}>
              <Link to={`/e/${event.slug}`} className="link break-all">
                /e/{event.slug}
              </Link>
              {event.status === 'draft' && <span className="block text-sm text-stone-700">{t('events.dashboard.publicPageDraft')}</span>}
            </Detail>
          </dl>
        </section>

        <section aria-labelledby="programme-title" className="card space-y-2">
          <h2 id="programme-title" className="text-xl font-semibold">
            {t('events.dashboard.setup')}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <Link to={`${base}/programme`} className="link">
                {t('events.nav.programme')}
              </Link>{' '}
              — {t('events.dashboard.programmeCount', { slots: event.slots, workshops: event.workshops })}
            </li>
            <li>
              <Link to={`${base}/questions`} className="link">
                {t('events.nav.questions')}
              </Link>{' '}
              — {t('events.dashboard.questionCount', { count: event.questions })}
            </li>
          </ul>
        </section>

        {event.descriptionHtml && (
          <section aria-labelledby="description-title" className="card space-y-2">
            <h2 id="description-title" className="text-xl font-semibold">
              {t('event.field.description')}
            </h2>
            {/* Rendered by renderMarkdown: raw HTML escaped, only http(s)/mailto links. */}
            <div
              className="space-y-3 [&_a]:text-brand-700 [&_a]:underline [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5"
              dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
            />
          </section>
        )}

        <section aria-labelledby="lifecycle-title" className="card space-y-4">
          <h2 id="lifecycle-title" className="text-xl font-semibold">
            {t('events.dashboard.lifecycle')}
          </h2>
          {event.status === 'archived' && <p>{t('events.dashboard.archivedNote')}</p>}
          {event.status === 'cancelled' && <p>{t('events.dashboard.cancelledNote')}</p>}
          <ul className="space-y-3">
            {available.map((a) => (
              <li key={a} className="flex flex-wrap items-center gap-3">
                <Link
                  to={`${base}?confirm=${a}#confirm-title`}
                  className={a === 'publish' ? 'btn-primary' : a === 'cancel' ? 'btn-danger' : 'btn-secondary'}
                >
                  {t(`events.action.${a}` as MessageKey)}
                </Link>
                <span className="text-sm text-stone-700">{t(`events.action.${a}Help` as MessageKey)}</span>
              </li>
            ))}
            {blocks.archive === 'events.error.archiveUpcoming' && (
              <li className="text-sm text-stone-700">{t('events.error.archiveUpcoming')}</li>
            )}
          </ul>
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
