// The juror's own page: for each prize edition they sit on, their categories, the nominations to
// score with where they stand, the deadline, and submitting (or reopening) a category.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireUser } from '#app/modules/auth/session.server.ts'
import { requireJuror } from '#app/modules/jury/jurors.server.ts'
import { JuryCategorySchema } from '#app/modules/jury/scoring-schema.ts'
import { listJuryWork, reopenCategory, submitCategory } from '#app/modules/jury/scoring.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { orHttpError } from '#app/utils/http.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'jury.home.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request)
  const locale = localeFromRequest(request)
  const work = await listJuryWork(user)
  return {
    editions: work.map((w) => ({
      ...w,
      edition: {
        ...w.edition,
        juryEndsAt: w.edition.juryEndsAt ? formatDateTime(locale, w.edition.juryEndsAt) : null,
        juryStartsAt: w.edition.juryStartsAt ? formatDateTime(locale, w.edition.juryStartsAt) : null,
      },
      categories: w.categories.map((c) => ({ ...c, submittedAt: c.submittedAt ? formatDateTime(locale, c.submittedAt) : null })),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request)
  const formData = await request.formData()
  return submitForm(request, formData, JuryCategorySchema, async ({ intent, editionId, categoryId }) => {
    const { juror } = await orHttpError(requireJuror(request, editionId))
    if (intent === 'submit') await submitCategory(juror.id, categoryId)
    else await reopenCategory(juror.id, categoryId)
    return redirectWithToast(request, '/jury', {
      type: 'success',
      key: intent === 'submit' ? 'jury.toast.submitted' : 'jury.toast.reopened',
    })
  })
}

type Category = ReturnType<typeof useLoaderData<typeof loader>>['editions'][number]['categories'][number]

/** Submit (or reopen) one category: its own form, the buttons' errors in the page's summary. */
function CategoryForm({ editionId, category: c, busy }: { editionId: string; category: Category; busy: boolean }) {
  const t = useT()
  const [form] = useZodForm(JuryCategorySchema, { id: `category-form-${c.id}` })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="editionId" value={editionId} />
      <input type="hidden" name="categoryId" value={c.id} />
      {c.canSubmit ? (
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
          {t('jury.home.submit', { category: c.name })}
        </button>
      ) : (
        <button type="submit" name="intent" value="reopen" className="btn-secondary" disabled={busy}>
          {t('jury.home.reopen', { category: c.name })}
        </button>
      )}
    </Form>
  )
}

export default function JuryHome() {
  const t = useT()
  const { editions } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state !== 'idle'
  // The forms are buttons only: every error of the reply (the service's, or a tampered field's) is the page's.
  const errors = Object.values(actionData?.result.error ?? {}).flatMap((list) => (list ?? []).map((e) => t(e as MessageKey)))
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">{t('jury.home.title')}</h1>
      <FormErrorSummary errors={errors} />
      {editions.length === 0 && <p className="card">{t('jury.home.none')}</p>}
      {editions.map((w) => (
        <section key={w.jurorId} aria-labelledby={`edition-${w.edition.id}`} className="space-y-4">
          <h2 id={`edition-${w.edition.id}`} className="text-2xl font-semibold">
            {w.edition.title}
          </h2>
          <p>
            {w.edition.juryEndsAt && <span className="font-medium">{t('jury.home.deadline', { date: w.edition.juryEndsAt })} </span>}
            <span>{t(`jury.state.${w.edition.state}`)}</span>
          </p>
          {w.categories.map((c) => (
            <section key={c.id} aria-labelledby={`category-${c.id}`} className="card space-y-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`category-${c.id}`} className="text-xl font-semibold">
                  {c.name}
                  {c.isChair && (
                    <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm font-normal text-brand-800">{t('jury.chair')}</span>
                  )}
                </h3>
                <p data-testid={`progress-${c.id}`}>{t('jury.progress', { done: c.progress.done, total: c.progress.total })}</p>
              </div>
              {c.submittedAt && <p role="status">{t('jury.home.submittedAt', { date: c.submittedAt })}</p>}
              {c.nominations.length === 0 ? (
                <p>{t('jury.home.nothingYet')}</p>
              ) : (
                <ol className="divide-y divide-stone-200" aria-label={t('jury.home.listLabel', { category: c.name })}>
                  {c.nominations.map((n) => (
                    <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <Link to={`/jury/${w.edition.id}/${n.id}`} className="link text-base">
                        {n.structureName}
                        {n.projectTitle && <span className="text-stone-700"> — {n.projectTitle}</span>}
                      </Link>
                      <span className={n.complete ? 'text-brand-800' : 'text-stone-700'}>
                        {t(n.complete ? 'jury.status.complete' : n.started ? 'jury.status.started' : 'jury.status.todo')}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              {(c.canSubmit || c.canReopen) && <CategoryForm editionId={w.edition.id} category={c} busy={busy} />}
              {!c.submittedAt && !c.canSubmit && c.nominations.length > 0 && w.edition.state === 'open' && (
                <p className="text-sm text-stone-700">{t('jury.home.submitHelp')}</p>
              )}
            </section>
          ))}
        </section>
      ))}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
