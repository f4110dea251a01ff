// Who scores what: per category the mode (all or balanced with k jurors per nomination and an
// optional maximum per juror), running the assignment, the jurors' loads, and adding or
// removing one juror on one nomination by hand. Conflicted jurors are never offered.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  addAssignment,
  assignmentOverview,
  removeAssignment,
  runAssignment,
  updateAssignmentSettings,
} from '#app/modules/jury/assignment.server.ts'
import { allErrors } from '#app/modules/jury/ui.tsx'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { attempt, intOrNull } from '#app/utils/route-forms.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ChoiceGroup, ErrorList, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'
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
  const locale = localeFromRequest(request)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const actor = { organisationId: organisation.id, userId: user.id }
  const here = new URL(request.url).pathname
  const categoryId = String(form.get('categoryId') ?? '')
  if (intent === 'run') {
    let ran = { created: 0, removed: 0, short: [] as unknown[] }
    const failed = await attempt(locale, intent, categoryId, async () => {
      ran = await runAssignment(edition.id, categoryId, actor)
    })
    if (failed) return data(failed.failed, { status: failed.status })
    if (ran.short.length > 0)
      return redirectWithToast(request, here, { type: 'info', key: 'juryAdmin.assign.short', params: { count: ran.short.length } })
    return redirectWithToast(request, here, {
      type: 'success',
      key: 'juryAdmin.assign.ran',
      params: { created: ran.created, removed: ran.removed },
    })
  }
  if (intent === 'add') {
    const nominationId = String(form.get('nominationId') ?? '')
    const failed = await attempt(locale, intent, nominationId, () =>
      addAssignment(edition.id, String(form.get('jurorId') ?? ''), nominationId, actor),
    )
    if (failed) return data(failed.failed, { status: failed.status })
    return redirectWithToast(request, here, { type: 'success', key: 'juryAdmin.assign.added' })
  }
  if (intent === 'remove') {
    const assignmentId = String(form.get('assignmentId') ?? '')
    const failed = await attempt(locale, intent, String(form.get('nominationId') ?? ''), () =>
      removeAssignment(edition.id, assignmentId, actor),
    )
    if (failed) return data(failed.failed, { status: failed.status })
    return redirectWithToast(request, here, { type: 'success', key: 'juryAdmin.assign.removed' })
  }
  const failed = await attempt(locale, 'settings', categoryId, () =>
    updateAssignmentSettings(
      edition.id,
      categoryId,
      {
        mode: String(form.get('mode') ?? ''),
        jurorsPerNomination: intOrNull(form.get('jurorsPerNomination')),
        maxPerJuror: intOrNull(form.get('maxPerJuror')),
      },
      actor,
    ),
  )
  if (failed) return data(failed.failed, { status: failed.status })
  return redirectWithToast(request, here, { type: 'success', key: 'juryAdmin.assign.saved' })
}

export default function EditionAssignments() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const statuses = d.statuses.includes('shortlisted') ? t('juryAdmin.assign.status.shortlisted') : t('juryAdmin.assign.status.eligible')
  return (
    <div>
      <EditionPageHeader orgSlug={d.organisation.slug} edition={d.edition} heading={t('juryAdmin.assign.title')} />
      <div className="space-y-10">
        <p>{t('juryAdmin.assign.intro', { statuses })}</p>
        {d.categories.map((c) => {
          const errs = failed && failed.id === c.id ? failed.errors : {}
          return (
            <section key={c.id} aria-labelledby={`cat-${c.id}`} className="space-y-4">
              <h2 id={`cat-${c.id}`} className="text-xl font-semibold">
                {c.name}
              </h2>
              <Form method="post" className="card space-y-3">
                <input type="hidden" name="categoryId" value={c.id} />
                <ErrorList errors={errs._form} />
                <ChoiceGroup
                  legend={t('juryAdmin.assign.mode')}
                  name="mode"
                  type="radio"
                  options={[
                    { value: 'all', label: t('juryAdmin.assign.mode.all') },
                    { value: 'balanced', label: t('juryAdmin.assign.mode.balanced') },
                  ]}
                  defaultValue={[c.mode]}
                  errors={errs.mode}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField
                    name="jurorsPerNomination"
                    id={`k-${c.id}`}
                    type="number"
                    min={1}
                    inputMode="numeric"
                    label={t('juryAdmin.assign.k')}
                    defaultValue={c.jurorsPerNomination ?? ''}
                    errors={errs.jurorsPerNomination}
                  />
                  <TextField
                    name="maxPerJuror"
                    id={`max-${c.id}`}
                    type="number"
                    min={1}
                    inputMode="numeric"
                    label={t('juryAdmin.assign.max')}
                    defaultValue={c.maxPerJuror ?? ''}
                    errors={errs.maxPerJuror}
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
                            <ErrorList errors={failed && failed.id === n.id ? allErrors(failed.errors) : null} />
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
