// The organisers' jury dashboard: progress per juror and per category, late jurors highlighted,
// a one-click reminder, locking and unlocking scoring, and the edition's jury settings
// (normalisation, tie-break, automatic reminder days).
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { juryProgress, remindJuror, setScoringLock, updateJurySettings } from '#app/modules/jury/progress.server.ts'
import { jurySettingsFormSchema, scoringButtonSchema } from '#app/modules/jury/admin-schema.ts'
import { answerFor, loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { useFormErrors, useFormResult } from '#app/route-support/prize-forms.tsx'
import { TIE_BREAKS, type TieBreak } from '#app/modules/jury/rules.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { CheckboxField, FormErrorSummary, SelectField, TextField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'juryAdmin.scoring.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'jury.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const locale = localeFromRequest(request)
  const p = await juryProgress(edition.id)
  const categoryName = new Map(p.categories.map((c) => [c.id, c.name]))
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    state: p.state,
    endsAt: p.edition.juryEndsAt ? formatDateTime(locale, p.edition.juryEndsAt) : null,
    locked: !!p.edition.scoringLockedAt,
    settings: {
      normaliseScores: p.edition.normaliseScores,
      tieBreak: p.edition.tieBreak,
      juryReminderDaysBefore: p.edition.juryReminderDaysBefore,
    },
    lateWithinDays: p.lateWithinDays,
    categories: p.categories,
    jurors: p.jurors.map((j) => ({
      id: j.id,
      name: j.name,
      email: j.email,
      joined: j.joined,
      late: j.late,
      assigned: j.assigned,
      scored: j.scored,
      submitted: j.submitted,
      lastRemindedAt: j.lastRemindedAt ? formatDateTime(locale, j.lastRemindedAt) : null,
      categories: j.categories.map((c) => ({ ...c, name: categoryName.get(c.categoryId) ?? '' })),
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'jury.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  const actor = { organisationId: organisation.id, userId: user.id }
  const here = new URL(request.url).pathname
  if (formData.get('intent') === 'settings') {
    return answerFor(
      'settings',
      submitForm(request, formData, jurySettingsFormSchema, async ({ intent: _, ...settings }) => {
        await updateJurySettings(edition.id, settings, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'juryAdmin.settings.saved' })
      }),
    )
  }
  return answerFor(
    'page',
    submitForm(request, formData, scoringButtonSchema, async (value) => {
      if (value.intent === 'remind') {
        await remindJuror(edition.id, value.jurorId, actor)
        return redirectWithToast(request, here, {
          type: 'success',
          key: 'juryAdmin.scoring.reminded',
          params: { name: value.name ?? '' },
        })
      }
      await setScoringLock(edition.id, value.intent === 'lock', actor)
      return redirectWithToast(request, here, {
        type: 'success',
        key: value.intent === 'lock' ? 'juryAdmin.scoring.locked' : 'juryAdmin.scoring.unlocked',
      })
    }),
  )
}

function JurySettingsForm({ settings }: { settings: { normaliseScores: boolean; tieBreak: string; juryReminderDaysBefore: number } }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(jurySettingsFormSchema, {
    id: 'settings',
    lastResult: useFormResult('settings'),
    defaultValue: {
      normaliseScores: settings.normaliseScores,
      tieBreak: settings.tieBreak as TieBreak,
      juryReminderDaysBefore: settings.juryReminderDaysBefore,
    },
  })
  const tr = (m: string) => t(m as MessageKey)
  const ids = { tieBreak: 'tieBreak', juryReminderDaysBefore: 'juryReminderDaysBefore' }
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby="settings-title" className="card max-w-2xl space-y-4">
      <h2 id="settings-title" className="text-lg font-semibold">
        {t('juryAdmin.settings.title')}
      </h2>
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value="settings" />
      <CheckboxField
        name="normaliseScores"
        id="normaliseScores"
        label={t('juryAdmin.settings.normalise')}
        defaultChecked={fields.normaliseScores.defaultValue === 'on'}
      />
      <SelectField
        name="tieBreak"
        id="tieBreak"
        label={t('juryAdmin.settings.tieBreak')}
        defaultValue={fields.tieBreak.defaultValue ?? settings.tieBreak}
        options={TIE_BREAKS.map((v) => ({ value: v, label: t(`juryAdmin.settings.tieBreak.${v}`) }))}
        errors={fields.tieBreak.errors?.map(tr)}
      />
      <TextField
        name="juryReminderDaysBefore"
        id="juryReminderDaysBefore"
        type="number"
        inputMode="numeric"
        min={0}
        max={30}
        label={t('juryAdmin.settings.reminderDays')}
        defaultValue={fields.juryReminderDaysBefore.defaultValue ?? ''}
        errors={fields.juryReminderDaysBefore.errors?.map(tr)}
        className="max-w-xs"
      />
      <button type="submit" className="btn-primary" disabled={busy}>
        {t('juryAdmin.settings.save')}
      </button>
    </Form>
  )
}

export default function EditionScoring() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const pageErrors = useFormErrors('page')
  const busy = useNavigation().state === 'submitting'
  const yesNo = (v: boolean) => (v ? t('juryAdmin.scoring.yes') : t('juryAdmin.scoring.no'))
  return (
    <div>
      <EditionPageHeader orgSlug={d.organisation.slug} edition={d.edition} heading={t('juryAdmin.scoring.title')} />
      <div className="space-y-10">
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />
        <section aria-labelledby="state-title" className="card space-y-3">
          <h2 id="state-title" className="text-lg font-semibold">
            {t(`juryAdmin.scoring.state.${d.state}`)}
          </h2>
          {d.endsAt && <p>{t('juryAdmin.scoring.endsAt', { date: d.endsAt })}</p>}
          <Form method="post">
            <input type="hidden" name="intent" value={d.locked ? 'unlock' : 'lock'} />
            <button type="submit" className={d.locked ? 'btn-secondary' : 'btn-danger'} disabled={busy}>
              {d.locked ? t('juryAdmin.scoring.unlock') : t('juryAdmin.scoring.lock')}
            </button>
          </Form>
        </section>

        <section aria-labelledby="jurors-title" className="space-y-3">
          <h2 id="jurors-title" className="text-xl font-semibold">
            {t('juryAdmin.scoring.byJuror')}
          </h2>
          <p id="late-help" className="text-sm text-stone-700">
            {t('juryAdmin.scoring.lateHelp', { days: d.lateWithinDays })}
          </p>
          {d.jurors.length === 0 ? (
            <p>{t('juryAdmin.scoring.noJurors')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-stone-300">
                    <th scope="col" className="py-2 pr-3">
                      {t('juryAdmin.scoring.juror')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('juryAdmin.scoring.category')}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {t('juryAdmin.scoring.assigned')}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {t('juryAdmin.scoring.scored')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('juryAdmin.scoring.submitted')}
                    </th>
                    <th scope="col" className="py-2">
                      <span className="sr-only">{t('juryAdmin.scoring.remind')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.jurors.map((j) => (
                    <tr
                      key={j.id}
                      className={`border-b border-stone-200 align-top ${j.late ? 'bg-amber-50' : ''}`}
                      data-testid={`juror-${j.id}`}
                    >
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <span className="font-semibold">{j.name}</span>
                        <span className="block text-stone-700">{j.email}</span>
                        {j.late && (
                          <span
                            className="mt-1 inline-block rounded bg-amber-200 px-1 font-semibold text-amber-950"
                            aria-describedby="late-help"
                          >
                            {t('juryAdmin.scoring.late')}
                          </span>
                        )}
                        {!j.joined && <span className="block text-stone-700">{t('juryAdmin.scoring.notJoined')}</span>}
                        {j.lastRemindedAt && (
                          <span className="block text-stone-700">{t('juryAdmin.scoring.lastReminded', { date: j.lastRemindedAt })}</span>
                        )}
                      </th>
                      <td className="py-2 pr-3">
                        <ul>
                          {j.categories.map((c) => (
                            <li key={c.categoryId}>
                              {c.name}
                              {c.isChair ? ` (${t('juryAdmin.scoring.chair')})` : ''} — {c.scored}/{c.assigned}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="py-2 pr-3 text-right">{j.assigned}</td>
                      <td className="py-2 pr-3 text-right">{j.scored}</td>
                      <td className="py-2 pr-3">{yesNo(j.submitted)}</td>
                      <td className="py-2">
                        <Form method="post">
                          <input type="hidden" name="intent" value="remind" />
                          <input type="hidden" name="jurorId" value={j.id} />
                          <input type="hidden" name="name" value={j.name} />
                          <button
                            type="submit"
                            className="btn-secondary"
                            disabled={busy}
                            aria-label={t('juryAdmin.scoring.remindLabel', { name: j.name })}
                          >
                            {t('juryAdmin.scoring.remind')}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="categories-title" className="space-y-3">
          <h2 id="categories-title" className="text-xl font-semibold">
            {t('juryAdmin.scoring.byCategory')}
          </h2>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">
                  {t('juryAdmin.scoring.category')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t('juryAdmin.scoring.assigned')}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t('juryAdmin.scoring.scored')}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t('juryAdmin.scoring.submittedCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.categories.map((c) => (
                <tr key={c.id} className="border-b border-stone-200">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {c.name}
                  </th>
                  <td className="py-2 pr-3 text-right">{c.assigned}</td>
                  <td className="py-2 pr-3 text-right">{c.scored}</td>
                  <td className="py-2 text-right">
                    {c.submitted}/{c.jurors}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <JurySettingsForm settings={d.settings} />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
