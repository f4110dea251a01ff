// Editing one contact (every change is in the audit trail), or deleting it.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { actionForIntent } from '#app/modules/auth/permissions.ts'
import { requireCan, requirePermission } from '#app/modules/auth/session.server.ts'
import { deleteContact, getContact, updateContact } from '#app/modules/contacts/service.server.ts'
import { ContactFields } from '#app/modules/contacts/ui.tsx'
import { appErrorToFieldErrors } from '#app/utils/form-errors.ts'
import { formValues } from '#app/utils/route-forms.server.ts'
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
  const locale = localeFromRequest(request)
  const values = formValues(await request.formData())
  requireCan(role, actionForIntent(INTENT_PERMISSIONS, values.intent) ?? 'contact.edit')
  const list = `/o/${organisation.slug}/contacts`
  try {
    if (values.intent === 'delete') {
      await deleteContact(organisation.id, params.contactId ?? '', { actorUserId: user.id })
      return redirectWithToast(request, list, { type: 'success', key: 'contacts.toast.deleted' })
    }
    await updateContact(organisation.id, params.contactId ?? '', values, { actorUserId: user.id })
    return redirectWithToast(request, list, { type: 'success', key: 'contacts.toast.updated' })
  } catch (error) {
    if (isAppError(error) && error.status < 500 && error.status !== 404) {
      return data({ values, errors: appErrorToFieldErrors(locale, error) }, { status: error.status })
    }
    throw error
  }
}

export default function EditContact() {
  const t = useT()
  const { organisation, contact } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
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
      <Form method="post" className="card space-y-4" noValidate>
        <FormErrorSummary errors={result ? Object.values(result.errors).flat() : null} />
        <ContactFields idPrefix="edit" values={result?.values ?? contact} errors={result?.errors ?? {}} />
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
