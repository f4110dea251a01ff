// Who scores what: per category the mode (all or balanced with k jurors per nomination and an
// optional maximum per juror), running the assignment, the jurors' loads, and adding or
// removing one juror on one nomination by hand. Conflicted jurors are never offered.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import {
  addAssignment,
  assignmentOverview,
  removeAssignment,
  runAssignment,
  updateAssignmentSettings,
} from '#app/modules/jury/assignment.server.ts'
import { assignmentButtonSchema, assignmentSettingsFormSchema } from '#app/modules/jury/assignment-schema.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { answerFor, loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { useFormErrors, useFormResult } from '#app/route-support/prize-forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ChoiceGroup, ErrorList, FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'juryAdmin.assign.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'jury.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const overview = await assignmentOverview(edition.id)
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    ...overview,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'jury.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const actor = { organisationId: organisation.id, userId: user.id }
  const here = new URL(request.url).pathname
  if (intent === 'add' || intent === 'remove') {
    return answerFor(
      `nomination-${String(formData.get('nominationId') ?? '')}`,
      submitForm(request, formData, assignmentButtonSchema, async (value) => {
        if (value.intent === 'add') await addAssignment(edition.id, value.jurorId, value.nominationId, actor)
        else await removeAssignment(edition.id, value.assignmentId, actor)
        return redirectWithToast(request, here, {
          type: 'success',
          key: value.intent === 'add' ? 'juryAdmin.assign.added' : 'juryAdmin.assign.removed',
        })
      }),
    )
  }
  return answerFor(
    `category-${String(formData.get('categoryId') ?? '')}`,
    submitForm(request, formData, assignmentSettingsFormSchema, async (value) => {
      if (value.intent === 'settings') {
        await updateAssignmentSettings(edition.id, value.categoryId, { ...value, mode: value.mode ?? '' }, actor)
        return redirectWithToast(request, here, { type: 'success', key: 'juryAdmin.assign.saved' })
      }
      const ran = await runAssignment(edition.id, value.categoryId, actor)
      if (ran.short.length > 0)
        return redirectWithToast(request, here, { type: 'info', key: 'juryAdmin.assign.short', params: { count: ran.short.length } })
      return redirectWithToast(request, here, {
        type: 'success',
        key: 'juryAdmin.assign.ran',
        params: { created: ran.created, removed: ran.removed },
      })
    }),
  )
}

type CategoryRow = ReturnType<typeof useLoaderData<typeof loader>>['categories'][number]

function SettingsForm({ category: c }: { category: CategoryRow }) {
  const t = useT()
  const formKey = `category-${c.id}`
  const [form, fields] = useZodForm(assignmentSettingsFormSchema, {
    id: formKey,
    lastResult: useFormResult(formKey),
    defaultValue: {
      mode: c.mode as 'all' | 'balanced',
      jurorsPerNomination: c.jurorsPerNomination == null ? '' : String(c.jurorsPerNomination),
      maxPerJuror: c.maxPerJuror == null ? '' : String(c.maxPerJuror),
    },
  })
  const tr = (m: string) => t(m as MessageKey)
  const ids = { mode: `mode-${c.id}-0`, jurorsPerNomination: `k-${c.id}`, maxPerJuror: `max-${c.id}` }
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3">
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="categoryId" value={c.id} />
      <ChoiceGroup
        id={`mode-${c.id}`}
        legend={t('juryAdmin.assign.mode')}
        name="mode"
        type="radio"
        options={[
          { value: 'all', label: t('juryAdmin.assign.mode.all') },
          { value: 'balanced', label: t('juryAdmin.assign.mode.balanced') },
        ]}
        defaultValue={fields.mode.defaultValue ? [fields.mode.defaultValue] : []}
        errors={fields.mode.errors?.map(tr)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="jurorsPerNomination"
          id={`k-${c.id}`}
          type="number"
          min={1}
          inputMode="numeric"
          label={t('juryAdmin.assign.k')}
          defaultValue={fields.jurorsPerNomination.defaultValue ?? ''}
          errors={fields.jurorsPerNomination.errors?.map(tr)}
        />
        <TextField
          name="maxPerJuror"
          id={`max-${c.id}`}
          type="number"
          min={1}
          inputMode="numeric"
          label={t('juryAdmin.assign.max')}
          defaultValue={fields.maxPerJuror.defaultValue ?? ''}
          errors={fields.maxPerJuror.errors?.map(tr)}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="settings" className="btn-secondary">
          {t('juryAdmin.assign.save')}
        </button>
        <button type="submit" name="intent" value="run" className="btn-primary">
          {t('juryAdmin.assign.run')}
        </button>
      </div>
    </Form>
  )
}

function NominationErrors({ nominationId }: { nominationId: string }) {
  const t = useT()
  const errors = useFormErrors(`nomination-${nominationId}`)
  return <ErrorList errors={errors.length ? errors.map((m) => t(m as MessageKey)) : null} />
}

export default function EditionAssignments() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const statuses = d.statuses.includes('shortlisted') ? t('juryAdmin.assign.status.shortlisted') : t('juryAdmin.assign.status.eligible')
  return (
    <div>
      <EditionPageHeader orgSlug={d.organisation.slug} edition={d.edition} heading={t('juryAdmin.assign.title')} />
      <div className="space-y-10">
        <p>{t('juryAdmin.assign.intro', { statuses })}</p>
        {d.categories.map((c) => {
          return (
            <section key={c.id} aria-labelledby={`cat-${c.id}`} className="space-y-4">
              <h2 id={`cat-${c.id}`} className="text-xl font-semibold">
                {c.name}
              </h2>
              <SettingsForm category={c} />
              <h3 className="font-semibold">{t('juryAdmin.assign.loads')}</h3>
              {c.jurors.length === 0 ? (
                <p>{t('juryAdmin.assign.noJurors')}</p>
              ) : (
                <ul className="flex flex-wrap gap-x-6 gap-y-1">
                  {c.jurors.map((j) => (
                    <li key={j.id}>
                      {j.name}
                      {t('attendees.details.separator')}
                      {t('juryAdmin.assign.count', { count: j.load })}
                    </li>
                  ))}
                </ul>
              )}
              {c.nominations.length === 0 ? (
                <p>{t('juryAdmin.assign.noNominations')}</p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <thead>
                      <tr className="border-b border-stone-300">
                        <th scope="col" className="py-2 pr-3">
                          {t('juryAdmin.assign.nomination')}
                        </th>
                        <th scope="col" className="py-2 pr-3">
                          {t('juryAdmin.assign.jurors')}
                        </th>
                        <th scope="col" className="py-2">
                          {t('juryAdmin.assign.add')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.nominations.map((n) => (
                        <tr key={n.id} className="border-b border-stone-200 align-top">
                          <th scope="row" className="py-2 pr-3 font-normal">
                            {n.structureName}
                            {n.conflicted.length > 0 && (
                              <span className="block text-amber-900">
                                {t('juryAdmin.assign.conflicted', { names: n.conflicted.join(', ') })}
                              </span>
                            )}
                            <NominationErrors nominationId={n.id} />
                          </th>
                          <td className="py-2 pr-3">
                            <ul className="space-y-1">
                              {n.assigned.map((a) => (
                                <li key={a.id} className="flex items-center gap-2">
                                  {a.name}
                                  <Form method="post">
                                    <input type="hidden" name="intent" value="remove" />
                                    <input type="hidden" name="assignmentId" value={a.id} />
                                    <input type="hidden" name="nominationId" value={n.id} />
                                    <button
                                      type="submit"
                                      className="link text-sm"
                                      aria-label={t('juryAdmin.assign.removeLabel', { juror: a.name, name: n.structureName })}
                                    >
                                      {t('juryAdmin.assign.remove')}
                                    </button>
                                  </Form>
                                </li>
                              ))}
                            </ul>
                          </td>
                          <td className="py-2">
                            {n.addable.length > 0 && (
                              <Form method="post" className="flex gap-2">
                                <input type="hidden" name="intent" value="add" />
                                <input type="hidden" name="nominationId" value={n.id} />
                                <label className="sr-only" htmlFor={`add-${n.id}`}>
                                  {t('juryAdmin.assign.addJuror', { name: n.structureName })}
                                </label>
                                <select id={`add-${n.id}`} name="jurorId" className="input">
                                  {n.addable.map((j) => (
                                    <option key={j.id} value={j.id}>
                                      {j.name}
                                    </option>
                                  ))}
                                </select>
                                <button type="submit" className="btn-secondary">
                                  {t('juryAdmin.assign.add')}
                                </button>
                              </Form>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          )
        })}
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
