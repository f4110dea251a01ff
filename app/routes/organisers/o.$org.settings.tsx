// The organisation's legal and bank details (receipts, bank transfers): administrators only.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { formValues } from '#app/utils/route-forms.server.ts'
import { appErrorToFieldErrors } from '#app/utils/form-errors.ts'
import { DEFAULT_VAT_MENTION, formatIban, LEGAL_LIMITS } from '#app/modules/organisations/legal.ts'
import { getLegalDetails, updateLegalDetails } from '#app/modules/organisations/legal.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'paymentsAdmin.legal.title')}${d ? ` — ${d.organisation.name}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'settings.legal')
  const legal = await getLegalDetails(organisation.id)
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    values: {
      legalName: legal.legalName ?? '',
      address: legal.address ?? '',
      siret: legal.siret ?? '',
      vatMention: legal.vatMention ?? '',
      iban: legal.iban ? formatIban(legal.iban) : '',
      bic: legal.bic ?? '',
      bankAccountHolder: legal.bankAccountHolder ?? '',
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'settings.legal')
  const locale = localeFromRequest(request)
  const values = formValues(await request.formData())
  try {
    await updateLegalDetails(organisation.id, values, { actorUserId: user.id })
  } catch (error) {
    if (isAppError(error) && error.status < 500)
      return data({ values, errors: appErrorToFieldErrors(locale, error) }, { status: error.status })
    throw error
  }
  return redirectWithToast(request, new URL(request.url).pathname, { type: 'success', key: 'paymentsAdmin.toast.legalSaved' })
}

export default function OrganisationSettings() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const v = result?.values ?? loaded.values
  const e = result?.errors ?? {}
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <p>
          <Link to={`/o/${loaded.organisation.slug}`} className="link text-sm">
            <span aria-hidden="true">← </span>
            {loaded.organisation.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('paymentsAdmin.legal.title')}</h1>
        <p className="text-stone-700">{t('paymentsAdmin.legal.intro')}</p>
      </header>
      <Form method="post" noValidate className="space-y-6">
        <FormErrorSummary errors={result ? [...new Set(Object.values(e).flat())] : null} />
        <fieldset className="card space-y-3">
          <legend className="text-xl font-semibold">{t('paymentsAdmin.legal.legalSection')}</legend>
          <TextField
            label={t('paymentsAdmin.legal.legalName')}
            name="legalName"
            id="legalName"
            autoComplete="organization"
            defaultValue={v.legalName}
            maxLength={LEGAL_LIMITS.legalName}
            errors={e.legalName}
          />
          <TextareaField
            label={t('paymentsAdmin.legal.address')}
            name="address"
            id="address"
            autoComplete="street-address"
            rows={3}
            defaultValue={v.address}
            maxLength={LEGAL_LIMITS.address}
            errors={e.address}
          />
          <TextField
            label={t('paymentsAdmin.legal.siret')}
            name="siret"
            id="siret"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={v.siret}
            help={t('paymentsAdmin.legal.siretHelp')}
            errors={e.siret}
          />
          <TextField
            label={t('paymentsAdmin.legal.vatMention')}
            name="vatMention"
            id="vatMention"
            defaultValue={v.vatMention}
            maxLength={LEGAL_LIMITS.vatMention}
            help={t('paymentsAdmin.legal.vatMentionHelp', { default: DEFAULT_VAT_MENTION })}
            errors={e.vatMention}
          />
        </fieldset>
        <fieldset className="card space-y-3">
          <legend className="text-xl font-semibold">{t('paymentsAdmin.legal.bankSection')}</legend>
          <TextField
            label={t('paymentsAdmin.legal.holder')}
            name="bankAccountHolder"
            id="bankAccountHolder"
            defaultValue={v.bankAccountHolder}
            maxLength={LEGAL_LIMITS.accountHolder}
            errors={e.bankAccountHolder}
          />
          <TextField
            label={t('paymentsAdmin.legal.iban')}
            name="iban"
            id="iban"
            autoComplete="off"
            spellCheck={false}
            defaultValue={v.iban}
            help={t('paymentsAdmin.legal.ibanHelp')}
            errors={e.iban}
          />
          <TextField
            label={t('paymentsAdmin.legal.bic')}
            name="bic"
            id="bic"
            autoComplete="off"
            spellCheck={false}
            defaultValue={v.bic}
            errors={e.bic}
          />
        </fieldset>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('paymentsAdmin.legal.save')}
        </button>
      </Form>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
