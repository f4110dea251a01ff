// The organisation's suppression list: addresses campaigns never write to again (unsubscribed,
// bounced, complained, or added by hand), with the reason and the date; an organiser may add
// one by hand or take one off the list.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { addSuppression, removeSuppression, suppressionPage } from '#app/modules/contacts/suppressions.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { suppressionIntentSchemas } from '#app/modules/contacts/schema.ts'
import { FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'contacts.suppressions.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'contact.suppression')
  const locale = localeFromRequest(request)
  const url = new URL(request.url)
  const q = url.searchParams.get('q')?.trim().slice(0, 200) ?? ''
  const page = Number(url.searchParams.get('page') ?? 1) || 1
  const result = await suppressionPage(organisation.id, { q, page })
  return {
    organisation: { slug: organisation.slug },
    q,
    ...result,
    rows: result.rows.map((r) => ({ id: r.id, email: r.email, reason: r.reason, createdAt: formatDateTime(locale, r.createdAt) })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'contact.suppression')
  const formData = await request.formData()
  const here = new URL(request.url)
  const actor = { actorUserId: user.id }
  if (formData.get('intent') === 'remove') {
    return submitForm(request, formData, suppressionIntentSchemas.remove, async ({ email }) => {
      await removeSuppression(organisation.id, email, actor)
      return redirectWithToast(request, `${here.pathname}${here.search}`, { type: 'success', key: 'contacts.suppressions.removed' })
    })
  }
  return submitForm(request, formData, suppressionIntentSchemas.add, async ({ email }) => {
    const added = await addSuppression(organisation.id, email, actor)
    return redirectWithToast(request, here.pathname, {
      type: 'success',
      key: added ? 'contacts.suppressions.added' : 'contacts.suppressions.already',
    })
  })
}

function AddSuppressionForm({ lastResult, busy }: { lastResult?: FormReply['result']; busy: boolean }) {
  const t = useT()
  const [form, fields] = useZodForm(suppressionIntentSchemas.add, { id: 'suppress', lastResult })
  const message = (e: string) => t(e as MessageKey)
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={summaryEntries(form, { email: 'suppress-email' }, message)} />
      <div className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="add" />
        <TextField
          id="suppress-email"
          key={fields.email.key}
          name={fields.email.name}
          type="email"
          label={t('contacts.field.email')}
          required
          defaultValue={fields.email.initialValue}
          errors={fields.email.errors?.map(message)}
          className="min-w-64 grow"
        />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('contacts.suppressions.addSubmit')}
        </button>
      </div>
    </Form>
  )
}

export default function Suppressions() {
  const t = useT()
  const { organisation, q, rows, total, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link to={`/o/${organisation.slug}/contacts`} className="link">
            {t('contacts.list.title')}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t('contacts.suppressions.title')}</h1>
        <p className="text-stone-700">{t('contacts.suppressions.intro')}</p>
      </header>

      <section aria-labelledby="suppress-add" className="card space-y-3">
        <h2 id="suppress-add" className="text-xl font-semibold">
          {t('contacts.suppressions.addTitle')}
        </h2>
        <AddSuppressionForm
          lastResult={actionData?.result.initialValue?.intent === 'remove' ? undefined : actionData?.result}
          busy={busy}
        />
      </section>

      <section aria-labelledby="suppress-list" className="space-y-3">
        <h2 id="suppress-list" className="text-xl font-semibold">
          {t('contacts.suppressions.count', { count: total })}
        </h2>
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <TextField id="suppress-q" name="q" type="search" label={t('contacts.filters.search')} defaultValue={q} />
          <button type="submit" className="btn-secondary">
            {t('contacts.filters.apply')}
          </button>
        </Form>
        {rows.length === 0 ? (
          <p>{t('contacts.suppressions.empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('contacts.suppressions.title')}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.field.email')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.suppressions.reason')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('contacts.suppressions.date')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('contacts.list.actionsColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-stone-200">
                    <td className="py-2 pr-3 break-all">{r.email}</td>
                    <td className="py-2 pr-3">{t(`contacts.suppressions.reason.${r.reason}` as MessageKey)}</td>
                    <td className="py-2 pr-3">{r.createdAt}</td>
                    <td className="py-2">
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="email" value={r.email} />
                        <button type="submit" className="link text-red-800" disabled={busy}>
                          {t('contacts.suppressions.remove')}
                          <span className="sr-only"> {r.email}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pageCount > 1 && (
          <nav aria-label={t('contacts.list.pages')} className="flex items-center gap-3">
            {page > 1 && (
              <Link to={`?q=${encodeURIComponent(q)}&page=${page - 1}`} className="btn-secondary">
                {t('contacts.list.previous')}
              </Link>
            )}
            <span>{t('contacts.list.page', { page, pages: pageCount })}</span>
            {page < pageCount && (
              <Link to={`?q=${encodeURIComponent(q)}&page=${page + 1}`} className="btn-secondary">
                {t('contacts.list.next')}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
