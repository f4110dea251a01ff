// The jury chair's deliberation view of one category: the ranked table with the decisions the
// organisers recorded, and the button that validates them (they can then no longer change).
// Only a signed-in user linked to a juror who chairs this category gets here; on a nomination
// the chair is conflicted on, its scores and comments are hidden.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUser } from '#app/modules/auth/session.server.ts'
import { chairOf, validateCategory } from '#app/modules/jury/deliberation.server.ts'
import { computeResults } from '#app/modules/jury/results.server.ts'
import { ValidateDecisionsSchema } from '#app/modules/jury/scoring-schema.ts'
import { MethodNote, RankedTable } from '#app/modules/jury/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'juryAdmin.chair.title', { category: d?.category.name ?? '' })} — Essor` }]
}

async function requireChair(request: Request, editionId: string, categoryId: string) {
  const { user } = await requireUser(request)
  const juror = await chairOf(user.id, editionId, categoryId)
  if (!juror) throw forbidden()
  return { user, juror }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const editionId = params.editionId ?? ''
  const categoryId = params.categoryId ?? ''
  const { juror } = await requireChair(request, editionId, categoryId)
  const locale = localeFromRequest(request)
  const results = await computeResults(editionId, { categoryId, viewerJurorId: juror.id })
  const category = results.categories[0]
  if (!category) throw notFound()
  return {
    category: {
      id: category.id,
      name: category.name,
      lockedAt: category.decisionsLockedAt ? formatDateTime(locale, category.decisionsLockedAt) : null,
    },
    normalise: results.normaliseScores,
    tieBreak: results.tieBreak,
    showVotes: results.publicVoteEnabled,
    rows: category.rows.map(({ contactEmail: _e, locale: _l, ...r }) => r),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const editionId = params.editionId ?? ''
  const categoryId = params.categoryId ?? ''
  const { user } = await requireChair(request, editionId, categoryId)
  // The button sends nothing but the POST itself.
  const formData = await request.formData().catch(() => new FormData())
  return submitForm(request, formData, ValidateDecisionsSchema, async () => {
    await validateCategory(editionId, categoryId, user.id)
    return redirectWithToast(request, new URL(request.url).pathname, { type: 'success', key: 'juryAdmin.chair.validatedToast' })
  })
}

export default function ChairDeliberation() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const [form] = useZodForm(ValidateDecisionsSchema, { id: 'validate-decisions', lastResult: actionData?.result })
  const errors = Object.values(form.allErrors).flatMap((list) => list.map((e) => t(e as MessageKey)))
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link to="/jury" className="link">
            {t('juryAdmin.chair.back')}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t('juryAdmin.chair.title', { category: d.category.name })}</h1>
        <p>{t('juryAdmin.chair.intro')}</p>
      </header>
      <MethodNote id="method" normalise={d.normalise} tieBreak={d.tieBreak} />
      <RankedTable rows={d.rows} normalise={d.normalise} showVotes={d.showVotes} />
      {d.category.lockedAt ? (
        <p className="card font-semibold text-green-900">{t('juryAdmin.results.validated', { date: d.category.lockedAt })}</p>
      ) : (
        <Form method="post" className="card space-y-2" {...getFormProps(form)}>
          <FormErrorSummary errors={errors} />
          <button type="submit" className="btn-primary">
            {t('juryAdmin.chair.validate')}
          </button>
        </Form>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
