// API tokens of an organisation (admins and organisers): list, create (the secret is shown once),
// revoke.
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { createApiToken, listApiTokens, revokeApiToken } from '#app/modules/auth/api-token.server.ts'
import { ApiTokenNameSchema, translateErrors } from '#app/modules/auth/schema.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { httpError } from '#app/utils/http.server.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

// The page may show a secret once: never cached, by the browser or anything in between.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

type ActionData = { result: SubmissionResult<string[]>; created?: { name: string; token: string } }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  const title = translate(root?.locale ?? 'fr', 'auth.tokens.title')
  return [{ title: data ? `${title} — ${data.organisation.name} — Essor` : title }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'apiToken.manage')
  const tokens = await listApiTokens(organisation.id)
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    tokens: tokens.map((tk) => ({
      id: tk.id,
      name: tk.name,
      prefix: tk.prefix,
      createdBy: tk.user.email,
      createdAt: tk.createdAt.toISOString(),
      lastUsedAt: tk.lastUsedAt?.toISOString() ?? null,
      revokedAt: tk.revokedAt?.toISOString() ?? null,
    })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'apiToken.manage')
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'revoke') {
    const revoked = await revokeApiToken(String(formData.get('tokenId') ?? ''), {
      organisationId: organisation.id,
      actorUserId: user.id,
    })
    return redirectWithToast(
      request,
      `/o/${organisation.slug}/tokens`,
      revoked ? { type: 'success', key: 'auth.tokens.toast.revoked' } : { type: 'error', key: 'auth.tokens.toast.notFound' },
    )
  }

  if (intent === 'create') {
    return submitForm(request, formData, ApiTokenNameSchema, async ({ name }, submission) => {
      const { token, apiToken } = await createApiToken({ organisationId: organisation.id, userId: user.id, name })
      return data<ActionData>({ result: submission.reply({ resetForm: true }), created: { name: apiToken.name, token } })
    })
  }

  throw httpError(400, 'Unknown intent')
}

const noSubscription = () => () => {}

function CreatedToken({ name, token }: { name: string; token: string }) {
  const t = useT()
  const ref = useRef<HTMLInputElement>(null)
  // The copy button needs JavaScript; without it the selected field is copied by hand.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
  }, [])
  return (
    <section aria-labelledby="created-token-title" className="card space-y-3 border-2 border-amber-600">
      <h2 id="created-token-title" className="text-xl font-semibold">
        {t('auth.tokens.created.title')}
      </h2>
      <p id="created-token-warning" role="alert" className="font-semibold text-amber-900">
        {t('auth.tokens.created.warning')}
      </p>
      <label htmlFor="created-token" className="label">
        {t('auth.tokens.created.label', { name })}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          ref={ref}
          id="created-token"
          readOnly
          value={token}
          aria-describedby="created-token-warning"
          onFocus={(e) => e.currentTarget.select()}
          className="input flex-1 font-mono"
          data-testid="created-token"
        />
        {hydrated && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => void navigator.clipboard?.writeText(token).then(() => setCopied(true))}
          >
            <span aria-live="polite">{copied ? t('auth.tokens.copied') : t('auth.tokens.copy')}</span>
          </button>
        )}
      </div>
    </section>
  )
}

function CreateForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT()
  const navigation = useNavigation()
  const [form, fields] = useZodForm(ApiTokenNameSchema, { id: 'create-token', lastResult })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="create" />
      <FormErrorSummary links={summaryEntries(form, { name: fields.name.id }, (e) => t(e as MessageKey))} />
      <TextField
        label={t('auth.tokens.field.name')}
        help={t('auth.tokens.field.nameHint')}
        id={fields.name.id}
        key={fields.name.key}
        name={fields.name.name}
        defaultValue={fields.name.initialValue}
        required
        maxLength={80}
        autoComplete="off"
        errors={translateErrors(t, fields.name.errors)}
      />
      <button type="submit" className="btn-primary" disabled={navigation.state !== 'idle'}>
        {t('auth.tokens.create.submit')}
      </button>
    </Form>
  )
}

export default function ApiTokens() {
  const t = useT()
  const locale = useLocale()
  const { organisation, tokens } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('auth.tokens.title')}</h1>
        <p className="max-w-3xl text-stone-700">{t('auth.tokens.intro', { organisation: organisation.name })}</p>
      </header>

      {actionData?.created && <CreatedToken key={actionData.created.token} {...actionData.created} />}

      <section aria-labelledby="create-token-title" className="card space-y-4">
        <h2 id="create-token-title" className="text-xl font-semibold">
          {t('auth.tokens.create.heading')}
        </h2>
        <CreateForm lastResult={actionData?.result} />
      </section>

      <section aria-labelledby="tokens-list-title" className="card space-y-4">
        <h2 id="tokens-list-title" className="text-xl font-semibold">
          {t('auth.tokens.list.heading')}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-stone-700">{t('auth.tokens.empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-stone-200">
                  <th scope="col" className="py-2 pr-4">
                    {t('auth.tokens.col.name')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('auth.tokens.col.prefix')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('auth.tokens.col.createdBy')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('auth.tokens.col.createdAt')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('auth.tokens.col.lastUsedAt')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('auth.tokens.col.status')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('auth.tokens.col.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr key={tk.id} className="border-b border-stone-100 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {tk.name}
                    </th>
                    <td className="py-2 pr-4 font-mono">{tk.prefix}…</td>
                    <td className="py-2 pr-4 break-all">{tk.createdBy}</td>
                    <td className="py-2 pr-4">{formatDateTime(locale, tk.createdAt)}</td>
                    <td className="py-2 pr-4">{tk.lastUsedAt ? formatDateTime(locale, tk.lastUsedAt) : t('auth.tokens.never')}</td>
                    <td className="py-2 pr-4">
                      {tk.revokedAt ? t('auth.tokens.revokedOn', { date: formatDateTime(locale, tk.revokedAt) }) : t('auth.tokens.active')}
                    </td>
                    <td className="py-2">
                      {!tk.revokedAt && (
                        <Form method="post">
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="tokenId" value={tk.id} />
                          <button type="submit" className="btn-danger" aria-label={t('auth.tokens.revokeLabel', { name: tk.name })}>
                            {t('auth.tokens.revoke')}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
