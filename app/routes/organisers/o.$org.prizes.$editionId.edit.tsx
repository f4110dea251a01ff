// An edition's description, rules, calendar (Paris time), eligibility and public vote.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition, readEditionForm } from '#app/route-support/prizes.server.ts'
import { appErrorToFieldErrors, translateErrors } from '#app/utils/form-errors.ts'
import { editionFormSchema, editionToFormValues, fieldErrorsOf } from '#app/modules/prizes/schema.ts'
import { updateEdition } from '#app/modules/prizes/service.server.ts'
import { EditionFormFields, EditionPageHeader, editionPath } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'prizes.edit.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    values: editionToFormValues(edition),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'prize.manage')
  const locale = localeFromRequest(request)
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const { values, input } = readEditionForm(await request.formData())
  const parsed = editionFormSchema.safeParse(input)
  if (!parsed.success) return data({ values, errors: translateErrors(locale, fieldErrorsOf(parsed.error)) }, { status: 400 })
  try {
    await updateEdition(organisation.id, edition.id, parsed.data, { actorUserId: user.id, request })
    return redirectWithToast(request, editionPath(organisation.slug, edition.id), { type: 'success', key: 'prizes.toast.updated' })
  } catch (error) {
    if (isAppError(error) && error.status < 500)
      return data({ values, errors: appErrorToFieldErrors(locale, error) }, { status: error.status })
    throw error
  }
}

export default function EditEdition() {
  const t = useT()
  const { organisation, edition, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors = actionData?.errors ?? {}
  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} heading={t('prizes.edit.title')} />
      {edition.editable ? (
        <Form method="post" noValidate className="space-y-6">
          <FormErrorSummary errors={[...new Set(Object.values(errors).flat())]} />
          <EditionFormFields values={actionData?.values ?? values} errors={errors} />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn-primary" disabled={busy}>
              {t('prizes.form.save')}
            </button>
            <Link to={editionPath(organisation.slug, edition.id)} className="btn-secondary">
              {t('prizes.form.cancel')}
            </Link>
          </div>
        </Form>
      ) : (
        <p className="card">{t('prizes.error.readOnly')}</p>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
