// One application, as organisers review it: the candidate and the project, the team's rating
// (1–5), internal comments, and the decision with a personal message.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { canDecide, DECISIONS, RATING_MAX, type DecisionOutcome } from '#app/modules/admission/rules.ts'
import { commentFormSchema, COMMENT_MAX, decideFormSchema, DECISION_MESSAGE_MAX, rateFormSchema } from '#app/modules/admission/schema.ts'
import {
  commentApplication,
  decide,
  getApplication,
  rateApplication,
  requireApplicationEvent,
} from '#app/modules/admission/service.server.ts'
import { admissionStatusKey, stageKey } from '#app/modules/admission/ui.tsx'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { isEditable } from '#app/modules/events/service.server.ts'
import { EventPageHeader } from '#app/modules/events/ui.tsx'
import { formErrorMessage } from '#app/shared/form-message.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ChoiceGroup, FormErrorSummary, TextareaField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { conflictError } from '#app/utils/errors.ts'
import { notFound, orHttpError } from '#app/utils/http.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'admission.title')
  return [{ title: data ? `${data.application.name} — ${title} — Essor` : `${title} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'application.review')
  const event = await orHttpError(requireApplicationEvent(organisation.id, params.eventId))
  const a = await getApplication(event.id, params.registrationId ?? '')
  if (!a) throw notFound()
  const locale = localeFromRequest(request)
  const at = (d: Date) => formatDateTime(locale, d, event.timeZone)
  return {
    org: organisation.slug,
    event: { id: event.id, title: event.title, status: event.status, editable: isEditable(event.status) },
    application: {
      id: a.id,
      name: `${a.firstName} ${a.lastName}`,
      email: a.email,
      phone: a.phone,
      organisationName: a.organisationName,
      departement: a.departement,
      locale: a.locale,
      status: a.status,
      projectName: a.projectName ?? '',
      projectStage: a.projectStage,
      projectDescription: a.projectDescription ?? '',
      projectTerritory: a.projectTerritory ?? '',
      projectNeeds: a.projectNeeds,
      rating: a.rating,
      appliedAt: at(a.createdAt),
      decided: a.decidedAt ? { at: at(a.decidedAt), by: a.decidedBy ?? '—', message: a.decisionMessage } : null,
      decidable: DECISIONS.filter((dec) => canDecide(a.status, dec)),
      comments: a.comments.map((c) => ({ id: c.id, body: c.body, author: c.author ?? '—', at: at(c.createdAt) })),
    },
  }
}

const OUTCOME_ERROR: Partial<Record<DecisionOutcome, MessageKey>> = {
  no_seat: 'admission.error.noSeat',
  already_decided: 'admission.error.alreadyDecided',
}

/** The permission each intent of the action needs. */
const INTENT_PERMISSIONS = {
  rate: 'application.review',
  comment: 'application.review',
  decide: 'application.decide',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'application.review')
  const event = await orHttpError(requireApplicationEvent(organisation.id, params.eventId))
  const id = params.registrationId ?? ''
  const here = `/o/${organisation.slug}/events/${event.id}/applications/${id}`
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, intent))
  const actor = { userId: user.id, organisationId: organisation.id }
  switch (intent) {
    case 'rate':
      return submitForm(request, formData, rateFormSchema, async ({ rating }) => {
        await rateApplication(event.id, id, rating, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'admission.toast.rated' })
      })
    case 'comment':
      return submitForm(request, formData, commentFormSchema, async ({ body }) => {
        await commentApplication(event.id, id, body, actor)
        return redirectWithToast(request, `${here}#comments-title`, { type: 'success', key: 'admission.toast.commented' })
      })
    default:
      return submitForm(request, formData, decideFormSchema, async ({ decision, message }) => {
        const { results } = await decide(event.id, [id], decision, { message, actorUserId: user.id, request })
        const outcome = results[0]?.outcome ?? 'not_found'
        const problem = OUTCOME_ERROR[outcome]
        if (problem) throw conflictError(outcome, problem)
        return redirectWithToast(request, here, { type: 'success', key: 'admission.toast.decided' })
      })
  }
}

export default function ApplicationPage() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const a = d.application
  const tr = (e: string) => formErrorMessage(t, e)
  // Each form gets the reply to its own intent.
  const replyTo = (intent: string) => (actionData?.result.initialValue?.intent === intent ? actionData.result : undefined)
  const [rateForm, rateFields] = useZodForm(rateFormSchema, {
    id: 'rate',
    lastResult: replyTo('rate'),
    defaultValue: { intent: 'rate', rating: a.rating === null ? '' : String(a.rating) },
  })
  const [commentForm, commentFields] = useZodForm(commentFormSchema, { id: 'comment', lastResult: replyTo('comment') })
  const [decideForm, decideFields] = useZodForm(decideFormSchema, { id: 'decide', lastResult: replyTo('decide') })
  const stage = stageKey(a.projectStage)
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={d.org} event={d.event} heading={`${t('admission.title')} : ${a.name}`} />
      <p>
        <Link to={`/o/${d.org}/events/${d.event.id}/applications`} className="link">
          {t('admission.detail.back')}
        </Link>
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="candidate-title" className="card space-y-2">
          <h2 id="candidate-title" className="text-xl font-semibold">
            {t('admission.detail.candidate')}
          </h2>
          <p className="font-semibold">{a.name}</p>
          <p>{a.organisationName}</p>
          <p>
            <a href={`mailto:${a.email}`} className="link">
              {a.email}
            </a>
            {a.phone && <> · {a.phone}</>}
          </p>
          <p className="text-stone-700">{t('admission.detail.appliedAt', { date: a.appliedAt })}</p>
          <p>
            <span className="rounded border border-stone-400 px-2 py-0.5 text-sm font-semibold" data-testid="application-status">
              {t(admissionStatusKey(a.status))}
            </span>
          </p>
          {a.decided && (
            <>
              <p>{t('admission.detail.decided', { status: t(admissionStatusKey(a.status)), date: a.decided.at, by: a.decided.by })}</p>
              {a.decided.message && (
                <p className="whitespace-pre-line text-stone-800">
                  {t('admission.detail.decisionMessage')} {a.decided.message}
                </p>
              )}
            </>
          )}
        </section>

        <section aria-labelledby="project-title" className="card space-y-2">
          <h2 id="project-title" className="text-xl font-semibold">
            {t('admission.detail.project')}
            {t('attendees.details.separator')}
            {a.projectName}
          </h2>
          <p>
            {stage && <strong>{t(stage)}</strong>} · {a.projectTerritory}
          </p>
          <p className="whitespace-pre-line">{a.projectDescription}</p>
          {a.projectNeeds && (
            <>
              <h3 className="font-semibold">{t('admission.detail.needs')}</h3>
              <p className="whitespace-pre-line">{a.projectNeeds}</p>
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="rating-title" className="card space-y-3">
        <h2 id="rating-title" className="text-xl font-semibold">
          {t('admission.rating.legend')}
        </h2>
        <Form method="post" {...getFormProps(rateForm)} className="space-y-3">
          {/* The rating is a group of radios without one id to link to. */}
          <FormErrorSummary errors={[...(rateForm.errors ?? []), ...(rateFields.rating.errors ?? [])].map(tr)} />
          <input type="hidden" name="intent" value="rate" />
          <ChoiceGroup
            key={rateFields.rating.key}
            legend={t('admission.table.rating')}
            name={rateFields.rating.name}
            type="radio"
            defaultValue={rateFields.rating.defaultValue ?? ''}
            errors={rateFields.rating.errors?.map(tr)}
            options={[
              ...Array.from({ length: RATING_MAX }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
              { value: '', label: t('admission.rating.none') },
            ]}
          />
          <button type="submit" className="btn-secondary" disabled={busy}>
            {t('admission.rating.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="comments-title" className="card space-y-3">
        <h2 id="comments-title" className="text-xl font-semibold">
          {t('admission.comments.title')}
        </h2>
        <p className="text-stone-700">{t('admission.comments.help')}</p>
        {a.comments.length === 0 ? (
          <p>{t('admission.comments.none')}</p>
        ) : (
          <ul className="space-y-3" data-testid="comments">
            {a.comments.map((c) => (
              <li key={c.id} className="rounded-md border border-stone-200 p-3">
                <p className="text-sm text-stone-700">{t('admission.comments.by', { author: c.author, date: c.at })}</p>
                <p className="whitespace-pre-line">{c.body}</p>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" {...getFormProps(commentForm)} className="space-y-3">
          <FormErrorSummary links={summaryEntries(commentForm, { body: 'comment-body' }, tr)} />
          <input type="hidden" name="intent" value="comment" />
          <TextareaField
            id="comment-body"
            key={commentFields.body.key}
            name={commentFields.body.name}
            defaultValue={commentFields.body.defaultValue}
            label={t('admission.comments.label')}
            rows={3}
            maxLength={COMMENT_MAX}
            required
            errors={commentFields.body.errors?.map(tr)}
          />
          <button type="submit" className="btn-secondary" disabled={busy}>
            {t('admission.comments.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="decide-title" className="card space-y-3">
        <h2 id="decide-title" className="text-xl font-semibold">
          {t('admission.decide.title')}
        </h2>
        {a.decidable.length === 0 ? (
          <p>{t('admission.decide.none')}</p>
        ) : (
          <Form method="post" {...getFormProps(decideForm)} className="space-y-4">
            {/* The decision is a group of radios without one id to link to. */}
            <FormErrorSummary
              errors={decideFields.decision.errors?.map(tr)}
              links={summaryEntries(decideForm, { message: 'decision-message' }, tr)}
            />
            <input type="hidden" name="intent" value="decide" />
            <ChoiceGroup
              key={decideFields.decision.key}
              legend={t('admission.decision.label')}
              name={decideFields.decision.name}
              defaultValue={decideFields.decision.defaultValue}
              type="radio"
              required
              errors={decideFields.decision.errors?.map(tr)}
              options={a.decidable.map((dec) => ({ value: dec, label: t(`admission.decision.${dec}`) }))}
            />
            <TextareaField
              id="decision-message"
              key={decideFields.message.key}
              name={decideFields.message.name}
              defaultValue={decideFields.message.defaultValue}
              label={t('admission.decision.message')}
              rows={4}
              maxLength={DECISION_MESSAGE_MAX}
              errors={decideFields.message.errors?.map(tr)}
            />
            <button type="submit" className="btn-primary" disabled={busy}>
              {t('admission.decision.submit')}
            </button>
          </Form>
        )}
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
