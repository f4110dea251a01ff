// An organisation's contacts: search and filters, the list with tags, adding one by hand,
// deleting, adding the attendees of an event or the nominees of a prize edition, and the links
// to the import, the export and the suppression list.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { addAttendeesAsContacts, addNomineesAsContacts, contactSourceChoices } from '#app/composition/contacts.server.ts'
import { contactFacets, createContact, deleteContact, listContacts, type ContactFilters } from '#app/modules/contacts/service.server.ts'
import { ContactFields, TagChips } from '#app/modules/contacts/ui.tsx'
import { CONTACT_FIELDS, contactIntentSchemas } from '#app/modules/contacts/schema.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { httpError } from '#app/utils/http.server.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { isProfile } from '#app/shared/profiles.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, SelectField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
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

/** The permission each intent of the action needs. */
const INTENT_PERMISSIONS = {
  create: 'contact.edit',
  delete: 'contact.delete',
  addAttendees: 'contact.edit',
  addNominees: 'contact.edit',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'contact.view')
  const formData = await request.formData()
  const intent = formData.get('intent')
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, intent))
  const actor = { actorUserId: user.id }
  const here = new URL(request.url)
  const back = `${here.pathname}${here.search}`
  switch (intent) {
    case 'create':
      return submitForm(request, formData, contactIntentSchemas.create, async ({ intent: _, ...contact }) => {
        await createContact(organisation.id, contact, actor)
        return redirectWithToast(request, back, { type: 'success', key: 'contacts.toast.created' })
      })
    case 'delete':
      return submitForm(request, formData, contactIntentSchemas.delete, async ({ contactId }) => {
        await deleteContact(organisation.id, contactId, actor)
        return redirectWithToast(request, back, { type: 'success', key: 'contacts.toast.deleted' })
      })
    case 'addAttendees':
    case 'addNominees':
      return submitForm(request, formData, contactIntentSchemas[intent], async (value) => {
        const result =
          value.intent === 'addAttendees'
            ? await addAttendeesAsContacts(organisation.id, value.eventId, value.tag, actor)
            : await addNomineesAsContacts(organisation.id, value.editionId, value.tag, actor)
        return redirectWithToast(request, back, {
          type: 'success',
          key: 'contacts.toast.added',
          params: { created: result.created, tagged: result.tagged, found: result.found },
        })
      })
  }
  throw httpError(400, 'Unknown intent')
}

/** The intent of the form an answer is for (Conform's reply keeps the submitted values). */
const answeredIntent = (reply: FormReply | undefined) => reply?.result.initialValue?.intent

function CreateContactForm({ lastResult, busy }: { lastResult?: FormReply['result']; busy: boolean }) {
  const t = useT()
  const [form, fields] = useZodForm(contactIntentSchemas.create, { id: 'new-contact', lastResult })
  const fieldIds = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, fields[f].id]))
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <FormErrorSummary links={summaryEntries(form, fieldIds, (e) => t(e as MessageKey))} />
      <input type="hidden" name="intent" value="create" />
      <ContactFields fields={fields} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {t('contacts.add.submit')}
      </button>
    </Form>
  )
}

function AddPeopleForm({
  intent,
  lastResult,
  busy,
  choices,
}: {
  intent: 'addAttendees' | 'addNominees'
  lastResult?: FormReply['result']
  busy: boolean
  choices: { value: string; label: string }[]
}) {
  const t = useT()
  const attendees = intent === 'addAttendees'
  const [form, fields] = useZodForm(contactIntentSchemas[intent], {
    id: attendees ? 'attendees' : 'nominees',
    lastResult,
    defaultValue: { tag: t(attendees ? 'contacts.add.attendeeTag' : 'contacts.add.nomineeTag') },
  })
  const target = attendees
    ? (fields as { eventId: (typeof fields)['tag'] }).eventId
    : (fields as { editionId: (typeof fields)['tag'] }).editionId
  const err = (errors: string[] | undefined) => errors?.map((e) => t(e as MessageKey))
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={summaryEntries(form, { [target.name]: target.id, tag: fields.tag.id }, (e) => t(e as MessageKey))} />
      <input type="hidden" name="intent" value={intent} />
      <SelectField
        id={attendees ? 'attendees-event' : 'nominees-edition'}
        key={target.key}
        name={target.name}
        label={t(attendees ? 'contacts.add.event' : 'contacts.add.edition')}
        options={choices}
        defaultValue={typeof target.initialValue === 'string' ? target.initialValue : undefined}
        errors={err(target.errors)}
        required
      />
      <TextField
        id={attendees ? 'attendees-tag' : 'nominees-tag'}
        key={fields.tag.key}
        name={fields.tag.name}
        label={t('contacts.add.tag')}
        defaultValue={fields.tag.initialValue}
        errors={err(fields.tag.errors)}
        required
      />
      <button type="submit" className="btn-secondary" disabled={busy || choices.length === 0}>
        {t(attendees ? 'contacts.add.attendeesSubmit' : 'contacts.add.nomineesSubmit')}
      </button>
    </Form>
  )
}

export default function ContactsList() {
  const t = useT()
  const { organisation, filters, list, facets, events, editions, query } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const answered = answeredIntent(actionData)
  const busy = useNavigation().state === 'submitting'
  const base = `/o/${organisation.slug}/contacts`
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
        <CreateContactForm lastResult={answered === 'create' ? actionData?.result : undefined} busy={busy} />
      </section>

      <section aria-labelledby="people-title" className="card space-y-4">
        <h2 id="people-title" className="text-xl font-semibold">
          {t('contacts.add.peopleTitle')}
        </h2>
        <p className="text-stone-700">{t('contacts.add.peopleHelp')}</p>
        <div className="grid gap-6 md:grid-cols-2">
          <AddPeopleForm
            intent="addAttendees"
            lastResult={answered === 'addAttendees' ? actionData?.result : undefined}
            busy={busy}
            choices={events.map((e) => ({ value: e.id, label: `${e.title} (${e.confirmed})` }))}
          />
          <AddPeopleForm
            intent="addNominees"
            lastResult={answered === 'addNominees' ? actionData?.result : undefined}
            busy={busy}
            choices={editions.map((e) => ({ value: e.id, label: `${e.title} (${e.nominations})` }))}
          />
        </div>
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
