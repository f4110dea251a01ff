// An organisation's contacts: search and filters, the list with tags, adding one by hand,
// deleting, adding the attendees of an event or the nominees of a prize edition, and the links
// to the import, the export and the suppression list.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { addAttendeesAsContacts, addNomineesAsContacts, contactSourceChoices } from '#app/composition/contacts.server.ts'
import { contactFacets, createContact, deleteContact, listContacts, type ContactFilters } from '#app/modules/contacts/service.server.ts'
import { ContactFields, TagChips } from '#app/modules/contacts/ui.tsx'
import { appErrorToFieldErrors } from '#app/utils/form-errors.ts'
import { formValues } from '#app/utils/route-forms.server.ts'
import { isProfile } from '#app/shared/profiles.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, SelectField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'contacts.list.title')} — Essor` }]
}

function filtersFrom(params: URLSearchParams): ContactFilters {
  const get = (k: string) => params.get(k)?.trim().slice(0, 200) || undefined
  return { q: get('q'), tag: get('tag'), profile: get('profile'), departement: get('departement'), locale: get('locale') }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'contact.view')
  const url = new URL(request.url)
  const filters = filtersFrom(url.searchParams)
  const page = Number(url.searchParams.get('page') ?? 1) || 1
  const [list, facets, sources] = await Promise.all([
    listContacts(organisation.id, filters, { page }),
    contactFacets(organisation.id),
    contactSourceChoices(organisation.id),
  ])
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    filters,
    list: { ...list, rows: list.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() })) },
    facets,
    events: sources.events.map((e) => ({ id: e.id, slug: e.slug, title: e.title, confirmed: e.confirmed })),
    editions: sources.editions,
    query: url.search,
  }
}

type ActionResult = { intent: string; values: Record<string, string>; errors: Record<string, string[]> }

/** The permission each intent of the action needs. */
const INTENT_PERMISSIONS = {
  create: 'contact.edit',
  delete: 'contact.delete',
  addAttendees: 'contact.edit',
  addNominees: 'contact.edit',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'contact.view')
  const locale = localeFromRequest(request)
  const formData = await request.formData()
  const values = formValues(formData)
  const intent = values.intent ?? ''
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, intent))
  const actor = { actorUserId: user.id }
  const here = new URL(request.url)
  const back = `${here.pathname}${here.search}`
  try {
    if (intent === 'create') {
      await createContact(organisation.id, values, actor)
      return redirectWithToast(request, back, { type: 'success', key: 'contacts.toast.created' })
    }
    if (intent === 'delete') {
      await deleteContact(organisation.id, values.contactId ?? '', actor)
      return redirectWithToast(request, back, { type: 'success', key: 'contacts.toast.deleted' })
    }
    if (intent === 'addAttendees' || intent === 'addNominees') {
      const tag = (values.tag ?? '').trim()
      if (tag === '')
        return data<ActionResult>({ intent, values, errors: { tag: [translate(locale, 'contacts.add.tagRequired')] } }, { status: 400 })
      const result =
        intent === 'addAttendees'
          ? await addAttendeesAsContacts(organisation.id, values.eventId ?? '', tag, actor)
          : await addNomineesAsContacts(organisation.id, values.editionId ?? '', tag, actor)
      return redirectWithToast(request, back, {
        type: 'success',
        key: 'contacts.toast.added',
        params: { created: result.created, tagged: result.tagged, found: result.found },
      })
    }
  } catch (error) {
    if (isAppError(error) && error.status < 500) {
      return data<ActionResult>({ intent, values, errors: appErrorToFieldErrors(locale, error) }, { status: error.status })
    }
    throw error
  }
  return data<ActionResult>({ intent, values, errors: { _form: [translate(locale, 'contacts.error.invalid')] } }, { status: 400 })
}

export default function ContactsList() {
  const t = useT()
  const { organisation, filters, list, facets, events, editions, query } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const base = `/o/${organisation.slug}/contacts`
  const createResult = result?.intent === 'create' ? result : null
  const allErrors = createResult ? Object.values(createResult.errors).flat() : []
  const pageLink = (page: number) => {
    const p = new URLSearchParams(query)
    p.set('page', String(page))
    return `?${p.toString()}`
  }
  const filtered = Object.values(filters).some(Boolean)
  const profileLabel = (p: string | null) => (p && isProfile(p) ? t(`profile.${p}`) : (p ?? ''))

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link to={`/o/${organisation.slug}`} className="link">
            {organisation.name}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t('contacts.list.title')}</h1>
        <p className="text-stone-700">{t('contacts.list.intro')}</p>
        <nav aria-label={t('contacts.list.actions')}>
          <ul className="flex flex-wrap gap-3">
            <li>
              <Link to={`${base}/import`} className="btn-primary">
                {t('contacts.list.import')}
              </Link>
            </li>
            <li>
              <a href={`${base}.csv${query}`} className="btn-secondary" download>
                {t('contacts.list.export')}
              </a>
            </li>
            <li>
              <Link to={`${base}/suppressions`} className="btn-secondary">
                {t('contacts.list.suppressions')}
              </Link>
            </li>
          </ul>
        </nav>
      </header>

      <section aria-labelledby="filters-title" className="card space-y-3">
        <h2 id="filters-title" className="text-lg font-semibold">
          {t('contacts.filters.title')}
        </h2>
        <Form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <TextField
            name="q"
            type="search"
            label={t('contacts.filters.search')}
            defaultValue={filters.q ?? ''}
            className="sm:col-span-3 lg:col-span-2"
          />
          <SelectField
            name="tag"
            label={t('contacts.field.tags')}
            placeholder={t('contacts.filters.all')}
            options={facets.tags.map((f) => ({ value: f.value, label: `${f.value} (${f.count})` }))}
            defaultValue={filters.tag ?? ''}
          />
          <SelectField
            name="profile"
            label={t('contacts.field.profile')}
            placeholder={t('contacts.filters.all')}
            options={facets.profiles.map((f) => ({ value: f.value, label: `${profileLabel(f.value)} (${f.count})` }))}
            defaultValue={filters.profile ?? ''}
          />
          <SelectField
            name="departement"
            label={t('contacts.field.departement')}
            placeholder={t('contacts.filters.all')}
            options={facets.departements.map((f) => ({ value: f.value, label: `${f.value} (${f.count})` }))}
            defaultValue={filters.departement ?? ''}
          />
          <SelectField
            name="locale"
            label={t('contacts.field.locale')}
            placeholder={t('contacts.filters.all')}
            options={facets.locales.map((f) => ({
              value: f.value,
              label: `${f.value === 'en' || f.value === 'fr' ? t(`contacts.locale.${f.value}`) : f.value} (${f.count})`,
            }))}
            defaultValue={filters.locale ?? ''}
          />
          <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-6">
            <button type="submit" className="btn-primary">
              {t('contacts.filters.apply')}
            </button>
            {filtered && (
              <Link to={base} className="btn-secondary">
                {t('contacts.filters.clear')}
              </Link>
            )}
          </div>
        </Form>
      </section>

      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-xl font-semibold">
          {filtered
            ? t('contacts.list.countFiltered', { count: list.total, all: list.all })
            : t('contacts.list.count', { count: list.all })}
        </h2>
        {list.rows.length === 0 ? (
          <p>{filtered ? t('contacts.list.noMatch') : t('contacts.list.empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('contacts.list.title')}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.list.name')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.field.email')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.field.structure')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.field.profile')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.list.dept')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.field.tags')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('contacts.list.actionsColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((c) => {
                  const name = `${c.firstName} ${c.lastName}`.trim() || c.email
                  return (
                    <tr key={c.id} className="border-b border-stone-200 align-top">
                      <td className="py-2 pr-3">
                        {name}
                        {c.locale === 'en' && <span className="ml-1 text-xs text-stone-600">(EN)</span>}
                      </td>
                      <td className="py-2 pr-3 break-all">{c.email}</td>
                      <td className="py-2 pr-3">{c.structure}</td>
                      <td className="py-2 pr-3">{profileLabel(c.profile)}</td>
                      <td className="py-2 pr-3">{c.departement}</td>
                      <td className="py-2 pr-3">
                        <TagChips tags={c.tags} />
                      </td>
                      <td className="py-2">
                        <div className="flex flex-wrap gap-2">
                          <Link to={`${base}/${c.id}`} className="link">
                            {t('contacts.list.edit')}
                            <span className="sr-only"> {name}</span>
                          </Link>
                          <Form method="post">
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="contactId" value={c.id} />
                            <button type="submit" className="link text-red-800" disabled={busy}>
                              {t('contacts.list.delete')}
                              <span className="sr-only"> {name}</span>
                            </button>
                          </Form>
                        </div>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        {list.pageCount > 1 && (
          <nav aria-label={t('contacts.list.pages')} className="flex items-center gap-3">
            {list.page > 1 && (
              <Link to={pageLink(list.page - 1)} className="btn-secondary">
                {t('contacts.list.previous')}
              </Link>
            )}
            <span>{t('contacts.list.page', { page: list.page, pages: list.pageCount })}</span>
            {list.page < list.pageCount && (
              <Link to={pageLink(list.page + 1)} className="btn-secondary">
                {t('contacts.list.next')}
              </Link>
            )}
          </nav>
        )}
      </section>

      <section aria-labelledby="add-title" className="card space-y-4">
        <h2 id="add-title" className="text-xl font-semibold">
          {t('contacts.add.title')}
        </h2>
        <Form method="post" className="space-y-4" noValidate>
          <FormErrorSummary errors={allErrors} />
          <input type="hidden" name="intent" value="create" />
          <ContactFields idPrefix="new" values={createResult?.values ?? {}} errors={createResult?.errors ?? {}} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('contacts.add.submit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="people-title" className="card space-y-4">
        <h2 id="people-title" className="text-xl font-semibold">
          {t('contacts.add.peopleTitle')}
        </h2>
        <p className="text-stone-700">{t('contacts.add.peopleHelp')}</p>
        <div className="grid gap-6 md:grid-cols-2">
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="addAttendees" />
            <SelectField
              id="attendees-event"
              name="eventId"
              label={t('contacts.add.event')}
              options={events.map((e) => ({ value: e.id, label: `${e.title} (${e.confirmed})` }))}
              required
            />
            <TextField
              id="attendees-tag"
              name="tag"
              label={t('contacts.add.tag')}
              defaultValue={result?.intent === 'addAttendees' ? result.values.tag : t('contacts.add.attendeeTag')}
              errors={result?.intent === 'addAttendees' ? result.errors.tag : undefined}
              required
            />
            <button type="submit" className="btn-secondary" disabled={busy || events.length === 0}>
              {t('contacts.add.attendeesSubmit')}
            </button>
          </Form>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="addNominees" />
            <SelectField
              id="nominees-edition"
              name="editionId"
              label={t('contacts.add.edition')}
              options={editions.map((e) => ({ value: e.id, label: `${e.title} (${e.nominations})` }))}
              required
            />
            <TextField
              id="nominees-tag"
              name="tag"
              label={t('contacts.add.tag')}
              defaultValue={result?.intent === 'addNominees' ? result.values.tag : t('contacts.add.nomineeTag')}
              errors={result?.intent === 'addNominees' ? result.errors.tag : undefined}
              required
            />
            <button type="submit" className="btn-secondary" disabled={busy || editions.length === 0}>
              {t('contacts.add.nomineesSubmit')}
            </button>
          </Form>
        </div>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
