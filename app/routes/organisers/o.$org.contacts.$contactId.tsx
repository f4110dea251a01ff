// Editing one contact (every change is in the audit trail), or deleting it.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { deleteContact, getContact, updateContact } from '#app/modules/contacts/service.server.ts'
import { ContactFields } from '#app/modules/contacts/ui.tsx'
import { CONTACT_FIELDS, contactFormSchema, deleteContactSchema } from '#app/modules/contacts/schema.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { httpError } from '#app/utils/http.server.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'contacts.edit.title')}${d ? ` : ${d.contact.email}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'contact.view')
  const contact = await getContact(organisation.id, params.contactId ?? '')
  const locale = localeFromRequest(request)
  return {
    organisation: { slug: organisation.slug },
    contact: {
      id: contact.id,
      email: contact.email,
      firstName: contact.firstName,
      lastName: contact.lastName,
      structure: contact.structure ?? '',
      profile: contact.profile ?? '',
      departement: contact.departement ?? '',
      locale: contact.locale,
      tags: contact.tags.join(', '),
      source: contact.source,
      createdAt: formatDateTime(locale, contact.createdAt),
      updatedAt: formatDateTime(locale, contact.updatedAt),
    },
  }
}

/** The permission each intent of the action needs; without an intent, the form saves the contact. */
const INTENT_PERMISSIONS = {
  delete: 'contact.delete',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user, role } = await requirePermission(request, params.org, 'contact.view')
  const formData = await request.formData()
  const intent = formData.get('intent')
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, typeof intent === 'string' ? intent : undefined) ?? 'contact.edit')
  const list = `/o/${organisation.slug}/contacts`
  const contactId = params.contactId ?? ''
  const actor = { actorUserId: user.id }
  if (intent === 'delete') {
    return submitForm(request, formData, deleteContactSchema, async () => {
      await deleteContact(organisation.id, contactId, actor).catch(notFoundPage)
      return redirectWithToast(request, list, { type: 'success', key: 'contacts.toast.deleted' })
    })
  }
  return submitForm(request, formData, contactFormSchema, async (value) => {
    await updateContact(organisation.id, contactId, value, actor).catch(notFoundPage)
    return redirectWithToast(request, list, { type: 'success', key: 'contacts.toast.updated' })
  })
}

/** A contact deleted meanwhile is the "not found" page, not an error on the form. */
function notFoundPage(error: unknown): never {
  if (isAppError(error) && error.status === 404) throw httpError(404, 'Contact not found')
  throw error
}

export default function EditContact() {
  const t = useT()
  const { organisation, contact } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(contactFormSchema, { id: 'edit-contact', lastResult: actionData?.result, defaultValue: contact })
  const fieldIds = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, fields[f].id]))
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link to={`/o/${organisation.slug}/contacts`} className="link">
            {t('contacts.list.title')}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t('contacts.edit.title')}</h1>
        <p className="text-stone-700">
          {t('contacts.edit.meta', {
            source: t(`contacts.source.${contact.source}` as MessageKey),
            created: contact.createdAt,
            updated: contact.updatedAt,
          })}
        </p>
      </header>
      <Form method="post" {...getFormProps(form)} className="card space-y-4">
        <FormErrorSummary links={summaryEntries(form, fieldIds, (e) => t(e as MessageKey))} />
        <ContactFields fields={fields} />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('contacts.edit.submit')}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="btn-danger" disabled={busy}>
          {t('contacts.edit.delete')}
        </button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
