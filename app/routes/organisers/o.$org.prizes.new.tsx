// A new prize edition, saved as a draft: the organiser adds its categories and scoring grid, then publishes.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { readEditionForm } from '#app/route-support/prizes.server.ts'
import { appErrorToFieldErrors, translateErrors } from '#app/utils/form-errors.ts'
import { editionFormSchema, fieldErrorsOf } from '#app/modules/prizes/schema.ts'
import { createEdition } from '#app/modules/prizes/service.server.ts'
import { EditionFormFields, editionFormDefaults, editionPath } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
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
  const locale = localeFromRequest(request)
  const { values, input } = readEditionForm(await request.formData())
  const parsed = editionFormSchema.safeParse(input)
  if (!parsed.success) return data({ values, errors: translateErrors(locale, fieldErrorsOf(parsed.error)) }, { status: 400 })
  try {
    const edition = await createEdition(organisation.id, parsed.data, { actorUserId: user.id, request })
    return redirectWithToast(request, editionPath(organisation.slug, edition.id, 'categories'), {
      type: 'success',
      key: 'prizes.toast.created',
    })
  } catch (error) {
    if (isAppError(error) && error.status < 500)
      return data({ values, errors: appErrorToFieldErrors(locale, error) }, { status: error.status })
    throw error
  }
}

export default function NewEdition() {
  const t = useT()
  const { organisation, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors = actionData?.errors ?? {}
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
      <Form method="post" noValidate className="space-y-6">
        <FormErrorSummary errors={[...new Set(Object.values(errors).flat())]} />
        <EditionFormFields values={actionData?.values ?? defaults} errors={errors} />
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
