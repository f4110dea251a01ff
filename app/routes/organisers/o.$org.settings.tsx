// The organisation's legal and bank details (receipts, bank transfers): administrators only.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { DEFAULT_VAT_MENTION, formatIban, LEGAL_LIMITS, legalDetailsSchema } from '#app/modules/organisations/legal.ts'
import { getLegalDetails, updateLegalDetails } from '#app/modules/organisations/legal.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
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
  const formData = await request.formData()
  // The schema checks the form; the service checks again (and is what the API and the seed call).
  return submitForm(request, formData, legalDetailsSchema, async (value) => {
    await updateLegalDetails(organisation.id, value, { actorUserId: user.id })
    return redirectWithToast(request, new URL(request.url).pathname, { type: 'success', key: 'paymentsAdmin.toast.legalSaved' })
  })
}

export default function OrganisationSettings() {
  const t = useT()
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(legalDetailsSchema, {
    id: 'legal-details',
    lastResult: actionData?.result,
    defaultValue: loaded.values,
  })
  const tr = (errors: string[] | undefined) => errors?.map((e) => t(e as MessageKey))
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
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormErrorSummary
          links={summaryEntries(
            form,
            {
              legalName: fields.legalName.id,
              address: fields.address.id,
              siret: fields.siret.id,
              vatMention: fields.vatMention.id,
              bankAccountHolder: fields.bankAccountHolder.id,
              iban: fields.iban.id,
              bic: fields.bic.id,
            },
            (e) => t(e as MessageKey),
          )}
        />
        <fieldset className="card space-y-3">
          <legend className="text-xl font-semibold">{t('paymentsAdmin.legal.legalSection')}</legend>
          <TextField
            label={t('paymentsAdmin.legal.legalName')}
            name={fields.legalName.name}
            id={fields.legalName.id}
            key={fields.legalName.key}
            autoComplete="organization"
            defaultValue={fields.legalName.initialValue}
            maxLength={LEGAL_LIMITS.legalName}
            errors={tr(fields.legalName.errors)}
          />
          <TextareaField
            label={t('paymentsAdmin.legal.address')}
            name={fields.address.name}
            id={fields.address.id}
            key={fields.address.key}
            autoComplete="street-address"
            rows={3}
            defaultValue={fields.address.initialValue}
            maxLength={LEGAL_LIMITS.address}
            errors={tr(fields.address.errors)}
          />
          <TextField
            label={t('paymentsAdmin.legal.siret')}
            name={fields.siret.name}
            id={fields.siret.id}
            key={fields.siret.key}
            inputMode="numeric"
            autoComplete="off"
            defaultValue={fields.siret.initialValue}
            help={t('paymentsAdmin.legal.siretHelp')}
            errors={tr(fields.siret.errors)}
          />
          <TextField
            label={t('paymentsAdmin.legal.vatMention')}
            name={fields.vatMention.name}
            id={fields.vatMention.id}
            key={fields.vatMention.key}
            defaultValue={fields.vatMention.initialValue}
            maxLength={LEGAL_LIMITS.vatMention}
            help={t('paymentsAdmin.legal.vatMentionHelp', { default: DEFAULT_VAT_MENTION })}
            errors={tr(fields.vatMention.errors)}
          />
        </fieldset>
        <fieldset className="card space-y-3">
          <legend className="text-xl font-semibold">{t('paymentsAdmin.legal.bankSection')}</legend>
          <TextField
            label={t('paymentsAdmin.legal.holder')}
            name={fields.bankAccountHolder.name}
            id={fields.bankAccountHolder.id}
            key={fields.bankAccountHolder.key}
            defaultValue={fields.bankAccountHolder.initialValue}
            maxLength={LEGAL_LIMITS.accountHolder}
            errors={tr(fields.bankAccountHolder.errors)}
          />
          <TextField
            label={t('paymentsAdmin.legal.iban')}
            name={fields.iban.name}
            id={fields.iban.id}
            key={fields.iban.key}
            autoComplete="off"
            spellCheck={false}
            defaultValue={fields.iban.initialValue}
            help={t('paymentsAdmin.legal.ibanHelp')}
            errors={tr(fields.iban.errors)}
          />
          <TextField
            label={t('paymentsAdmin.legal.bic')}
            name={fields.bic.name}
            id={fields.bic.id}
            key={fields.bic.key}
            autoComplete="off"
            spellCheck={false}
            defaultValue={fields.bic.initialValue}
            errors={tr(fields.bic.errors)}
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
