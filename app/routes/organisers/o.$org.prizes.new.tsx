// A new prize edition, saved as a draft: the organiser adds its categories and scoring grid, then publishes.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { editionFormSchema } from '#app/modules/prizes/schema.ts'
import { createEdition } from '#app/modules/prizes/service.server.ts'
import { EditionFormFields, editionFieldIds, editionFormDefaults, editionPath } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'prizes.new.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.manage')
  return { organisation: { slug: organisation.slug, name: organisation.name }, defaults: editionFormDefaults() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'prize.manage')
  return submitForm(request, await request.formData(), editionFormSchema, async (value) => {
    const edition = await createEdition(organisation.id, value, { actorUserId: user.id, request })
    return redirectWithToast(request, editionPath(organisation.slug, edition.id, 'categories'), {
      type: 'success',
      key: 'prizes.toast.created',
    })
  })
}

export default function NewEdition() {
  const t = useT()
  const { organisation, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(editionFormSchema, { id: 'edition', lastResult: actionData?.result, defaultValue: defaults })
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link to={`/o/${organisation.slug}/prizes`} className="link text-sm">
            <span aria-hidden="true">← </span>
            {t('prizes.nav.backToList')}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t('prizes.new.title')}</h1>
        <p className="text-stone-700">{t('prizes.new.intro')}</p>
      </header>
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormErrorSummary links={summaryEntries(form, editionFieldIds(fields), (e) => t(e as MessageKey))} />
        <EditionFormFields fields={fields} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary" disabled={busy}>
            {t('prizes.new.submit')}
          </button>
          <Link to={`/o/${organisation.slug}/prizes`} className="btn-secondary">
            {t('prizes.form.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
