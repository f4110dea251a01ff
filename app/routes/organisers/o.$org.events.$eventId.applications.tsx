// Organisers' list of an event's applications (YESS Académie): filters (a GET form), counts, free
// seats, and one decision for the ticked applications — accept, refuse or waitlist — with a
// personal message. Acceptances take the free seats in the list's order; the others are reported.
import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { decisionSchema } from '#app/modules/admission/schema.ts'
import { applicationFiltersFrom, decide, listApplications, requireApplicationEvent } from '#app/modules/admission/service.server.ts'
import { DECISIONS, LISTED_STATUSES, PROJECT_STAGES, type DecisionOutcome } from '#app/modules/admission/rules.ts'
import { admissionStatusKey, stageKey } from '#app/modules/admission/ui.tsx'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { isEditable } from '#app/modules/events/service.server.ts'
import { EventPageHeader } from '#app/modules/events/ui.tsx'
import { formErrorMessage } from '#app/shared/form-message.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { CheckboxField, ChoiceGroup, FormErrorSummary, TextareaField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { orHttpError } from '#app/utils/http.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'admission.title')
  return [{ title: data ? `${title} — ${data.event.title} — Essor` : `${title} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'application.review')
  const event = await orHttpError(requireApplicationEvent(organisation.id, params.eventId))
  const filters = applicationFiltersFrom(new URL(request.url).searchParams)
  const list = await listApplications(event.id, filters)
  return {
    org: organisation.slug,
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      editable: isEditable(event.status),
      requiresApplication: event.requiresApplication,
    },
    filters: { status: filters.status ?? '', stage: filters.stage ?? '', rating: filters.rating ?? '', q: filters.q ?? '' },
    counts: list.counts,
    capacity: list.capacity,
    seatsLeft: list.seatsLeft,
    rows: list.rows.map((r) => ({
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      email: r.email,
      organisationName: r.organisationName,
      status: r.status,
      projectName: r.projectName ?? '',
      projectStage: r.projectStage,
      projectTerritory: r.projectTerritory,
      rating: r.rating,
      comments: r._count.comments,
    })),
  }
}

type Decided = { summary: Record<DecisionOutcome, number>; noSeat: string[]; decided: string[] }
type ActionData = FormReply & { decided?: Decided }

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'application.decide')
  const event = await orHttpError(requireApplicationEvent(organisation.id, params.eventId))
  const formData = await request.formData()
  return submitForm(request, formData, decisionSchema(), async (value, submission) => {
    const { results, summary } = await decide(event.id, value.ids, value.decision, {
      message: value.message,
      waitlistRest: value.waitlistRest,
      actorUserId: user.id,
      request,
    })
    const names = (o: DecisionOutcome) => results.filter((r) => r.outcome === o).map((r) => r.name ?? r.id)
    return data<ActionData>({
      result: submission.reply(),
      decided: { summary, noSeat: names('no_seat'), decided: names('already_decided') },
    })
  })
}

const OUTCOMES: DecisionOutcome[] = ['accepted', 'refused', 'waitlisted', 'no_seat', 'already_decided', 'not_found']

function Result({ result }: { result: Decided }) {
  const t = useT()
  return (
    <section role="status" aria-labelledby="result-title" className="card space-y-2 border-l-4 border-l-brand-700">
      <h2 id="result-title" className="text-xl font-semibold">
        {t('admission.result.title')}
      </h2>
      <ul className="list-disc pl-6" data-testid="decision-result">
        {OUTCOMES.filter((o) => result.summary[o] > 0).map((o) => (
          <li key={o}>{t(`admission.result.${o}` as MessageKey, { count: result.summary[o] })}</li>
        ))}
      </ul>
      {result.noSeat.length > 0 && (
        <p>
          {t('admission.result.noSeatList')} {result.noSeat.join(', ')}
        </p>
      )}
    </section>
  )
}

export default function ApplicationsPage() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const tr = (e: string) => formErrorMessage(t, e)
  const [form, fields] = useZodForm(decisionSchema(), { id: 'bulk-decision', lastResult: actionData?.result })
  const err = (name: 'ids' | 'decision' | 'message') => fields[name].errors?.map(tr)
  const base = `/o/${d.org}/events/${d.event.id}/applications`
  return (
    <div className="space-y-6">
      <EventPageHeader orgSlug={d.org} event={d.event} heading={t('admission.title')} />

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <div className="rounded-md border border-stone-200 bg-white px-3 py-2">
          <dt className="text-xs text-stone-700">{t('admission.seatsLabel')}</dt>
          <dd className="text-lg font-semibold" data-testid="seats-left">
            {d.capacity === null ? t('admission.seatsUnlimited') : t('admission.seats', { left: d.seatsLeft ?? 0, capacity: d.capacity })}
          </dd>
        </div>
        {LISTED_STATUSES.map((s) => (
          <div key={s} className="rounded-md border border-stone-200 bg-white px-3 py-2">
            <dt className="text-xs text-stone-700">{t(admissionStatusKey(s))}</dt>
            <dd className="text-lg font-semibold">{d.counts[s] ?? 0}</dd>
          </div>
        ))}
      </dl>

      {actionData?.decided && <Result result={actionData.decided} />}

      <Form method="get" className="card grid gap-4 sm:grid-cols-5 sm:items-end" aria-labelledby="filter-title">
        <h2 id="filter-title" className="sr-only">
          {t('admission.filter.legend')}
        </h2>
        <div>
          <label htmlFor="f-status" className="label">
            {t('admission.filter.status')}
          </label>
          <select id="f-status" name="status" className="input" defaultValue={d.filters.status}>
            <option value="">{t('admission.count.all', { count: d.counts.all })}</option>
            {LISTED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(admissionStatusKey(s))} ({d.counts[s] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-stage" className="label">
            {t('admission.filter.stage')}
          </label>
          <select id="f-stage" name="stage" className="input" defaultValue={d.filters.stage}>
            <option value="">{t('admission.filter.any')}</option>
            {PROJECT_STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`admission.stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-rating" className="label">
            {t('admission.filter.rating')}
          </label>
          <select id="f-rating" name="rating" className="input" defaultValue={d.filters.rating}>
            <option value="">{t('admission.filter.any')}</option>
            {[5, 4, 3, 2, 1].map((r) => (
              <option key={r} value={String(r)}>
                {t('admission.filter.ratingAtLeast', { rating: r })}
              </option>
            ))}
            <option value="none">{t('admission.filter.ratingNone')}</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-q" className="label">
            {t('admission.filter.q')}
          </label>
          <input id="f-q" name="q" type="search" className="input" defaultValue={d.filters.q} />
        </div>
        <button type="submit" className="btn-secondary">
          {t('admission.filter.submit')}
        </button>
      </Form>

      <Form method="post" {...getFormProps(form)} className="space-y-4">
        {/* The ticked rows and the decision are groups of boxes without one id to link to. */}
        <FormErrorSummary
          errors={[...(err('ids') ?? []), ...(err('decision') ?? [])]}
          links={summaryEntries(form, { message: 'bulk-message' }, tr)}
        />
        <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('admission.table.caption', { count: d.rows.length })}</caption>
            <thead className="bg-stone-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('admission.table.select')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admission.table.candidate')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admission.table.project')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admission.table.stage')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admission.table.territory')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admission.table.rating')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admission.table.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.rows.length === 0 && (
                <tr>
                  <td colSpan={7} className="px-3 py-4 text-stone-700">
                    {t('admission.table.empty')}
                  </td>
                </tr>
              )}
              {d.rows.map((r) => {
                const stage = stageKey(r.projectStage)
                return (
                  <tr key={r.id} className="border-t border-stone-200" data-testid="application-row">
                    <td className="px-3 py-2">
                      <input
                        type="checkbox"
                        name="ids"
                        value={r.id}
                        className="h-5 w-5 accent-brand-700"
                        aria-label={t('admission.table.selectRow', { name: r.name })}
                      />
                    </td>
                    <td className="px-3 py-2">
                      <Link to={`${base}/${r.id}`} className="link font-semibold">
                        {r.name}
                      </Link>
                      <span className="block text-stone-700">{r.organisationName}</span>
                    </td>
                    <td className="px-3 py-2">
                      {r.projectName}
                      {r.comments > 0 && (
                        <span className="block text-xs text-stone-700">{t('admission.table.comments', { count: r.comments })}</span>
                      )}
                    </td>
                    <td className="px-3 py-2">{stage ? t(stage) : ''}</td>
                    <td className="px-3 py-2">{r.projectTerritory}</td>
                    <td className="px-3 py-2">{r.rating ?? t('admission.table.notRated')}</td>
                    <td className="px-3 py-2">{t(admissionStatusKey(r.status))}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        {err('ids') && (
          <p className="field-error" role="alert">
            {err('ids')!.join(' ')}
          </p>
        )}

        <fieldset className="card space-y-4">
          <legend className="text-xl font-semibold">{t('admission.bulk.legend')}</legend>
          <p className="text-stone-700">{t('admission.bulk.help')}</p>
          <ChoiceGroup
            legend={t('admission.decision.label')}
            name={fields.decision.name}
            key={fields.decision.key}
            defaultValue={fields.decision.defaultValue}
            type="radio"
            required
            errors={err('decision')}
            options={DECISIONS.map((dec) => ({ value: dec, label: t(`admission.decision.${dec}`) }))}
          />
          <TextareaField
            id="bulk-message"
            name={fields.message.name}
            key={fields.message.key}
            defaultValue={fields.message.defaultValue}
            label={t('admission.decision.message')}
            rows={3}
            maxLength={2000}
            errors={err('message')}
          />
          <CheckboxField id="bulk-waitlistRest" name="waitlistRest" label={t('admission.decision.waitlistRest')} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('admission.decision.submit')}
          </button>
        </fieldset>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
