// An edition's description, rules, calendar (Paris time), eligibility and public vote.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { editionFormSchema, editionToFormValues } from '#app/modules/prizes/schema.ts'
import { updateEdition } from '#app/modules/prizes/service.server.ts'
import { EditionFormFields, editionFieldIds, EditionPageHeader, editionPath } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
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
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  return submitForm(request, await request.formData(), editionFormSchema, async (value) => {
    await updateEdition(organisation.id, edition.id, value, { actorUserId: user.id, request })
    return redirectWithToast(request, editionPath(organisation.slug, edition.id), { type: 'success', key: 'prizes.toast.updated' })
  })
}

export default function EditEdition() {
  const t = useT()
  const { organisation, edition, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(editionFormSchema, { id: 'edition', lastResult: actionData?.result, defaultValue: values })
  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} heading={t('prizes.edit.title')} />
      {edition.editable ? (
        <Form method="post" {...getFormProps(form)} className="space-y-6">
          <FormErrorSummary links={summaryEntries(form, editionFieldIds(fields), (e) => t(e as MessageKey))} />
          <EditionFormFields fields={fields} />
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
