// An edition's categories (description, number of winners, scoring scale) and, for each, the
// scoring grid the jury will use: criteria with their weight and scoring guidance.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { appErrorToFieldErrors, translateErrors } from '#app/utils/form-errors.ts'
import { formValues } from '#app/utils/route-forms.server.ts'
import { categoryFormSchema, criterionFormSchema, fieldErrorsOf, PRIZE_LIMITS } from '#app/modules/prizes/schema.ts'
import {
  createCategory,
  createCriterion,
  deleteCategory,
  deleteCriterion,
  updateCategory,
  updateCriterion,
} from '#app/modules/prizes/service.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ErrorList, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'prizes.categories.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  return {
    organisation: { slug: organisation.slug },
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    categories: edition.categories.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      awards: c.awards,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      criteria: c.criteria.map((k) => ({ id: k.id, name: k.name, rubric: k.rubric, weight: k.weight })),
    })),
  }
}

type Result = { formKey: string; values: Record<string, string>; errors: Record<string, string[]> }

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'prize.manage')
  const locale = localeFromRequest(request)
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const values = formValues(await request.formData())
  const intent = values.intent ?? ''
  const actor = { actorUserId: user.id, request }
  const here = new URL(request.url).pathname
  const formKey =
    intent === 'category.create'
      ? 'category-new'
      : intent === 'category.update'
        ? `category-${values.categoryId ?? ''}`
        : intent === 'criterion.create'
          ? `criterion-new-${values.categoryId ?? ''}`
          : intent === 'criterion.update'
            ? `criterion-${values.criterionId ?? ''}`
            : 'page'
  const fail = (errors: Record<string, string[]>, status: number) => data<Result>({ formKey, values, errors }, { status })
  const done = (key: MessageKey) => redirectWithToast(request, here, { type: 'success', key })
  try {
    switch (intent) {
      case 'category.create':
      case 'category.update': {
        const parsed = categoryFormSchema.safeParse(values)
        if (!parsed.success) return fail(translateErrors(locale, fieldErrorsOf(parsed.error)), 400)
        if (intent === 'category.create') await createCategory(organisation.id, edition.id, parsed.data, actor)
        else await updateCategory(organisation.id, edition.id, values.categoryId ?? '', parsed.data, actor)
        return done(intent === 'category.create' ? 'prizes.toast.categoryCreated' : 'prizes.toast.categoryUpdated')
      }
      case 'category.delete':
        await deleteCategory(organisation.id, edition.id, values.categoryId ?? '', actor)
        return done('prizes.toast.categoryDeleted')
      case 'criterion.create':
      case 'criterion.update': {
        const parsed = criterionFormSchema.safeParse(values)
        if (!parsed.success) return fail(translateErrors(locale, fieldErrorsOf(parsed.error)), 400)
        if (intent === 'criterion.create') await createCriterion(organisation.id, edition.id, values.categoryId ?? '', parsed.data, actor)
        else await updateCriterion(organisation.id, edition.id, values.criterionId ?? '', parsed.data, actor)
        return done(intent === 'criterion.create' ? 'prizes.toast.criterionCreated' : 'prizes.toast.criterionUpdated')
      }
      case 'criterion.delete':
        await deleteCriterion(organisation.id, edition.id, values.criterionId ?? '', actor)
        return done('prizes.toast.criterionDeleted')
      default:
        return fail({ _form: [translate(locale, 'prizes.error.unknownAction')] }, 400)
    }
  } catch (error) {
    if (isAppError(error) && error.status < 500) return fail(appErrorToFieldErrors(locale, error), error.status)
    throw error
  }
}

type CategoryRow = { id: string; name: string; description: string; awards: number; scaleMin: number; scaleMax: number }
type CriterionRow = { id: string; name: string; rubric: string; weight: number }

function useResult(formKey: string) {
  const all = useActionData<typeof action>()
  return all?.formKey === formKey ? all : null
}

function CategoryForm({ formKey, category }: { formKey: string; category?: CategoryRow }) {
  const t = useT()
  const result = useResult(formKey)
  const busy = useNavigation().state === 'submitting'
  const v = result?.values ?? {
    name: category?.name ?? '',
    description: category?.description ?? '',
    awards: String(category?.awards ?? 1),
    scaleMin: String(category?.scaleMin ?? 0),
    scaleMax: String(category?.scaleMax ?? 5),
  }
  const e = result?.errors ?? {}
  return (
    <Form method="post" noValidate className="space-y-3">
      <input type="hidden" name="intent" value={category ? 'category.update' : 'category.create'} />
      {category && <input type="hidden" name="categoryId" value={category.id} />}
      <ErrorList errors={e._form} />
      <TextField
        label={t('prize.category.name')}
        name="name"
        id={`${formKey}-name`}
        defaultValue={v.name}
        required
        maxLength={PRIZE_LIMITS.shortText}
        errors={e.name}
      />
      <TextareaField
        label={t('prize.category.description')}
        name="description"
        id={`${formKey}-description`}
        defaultValue={v.description}
        rows={3}
        errors={e.description}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t('prize.category.awards')}
          name="awards"
          id={`${formKey}-awards`}
          type="number"
          inputMode="numeric"
          min={1}
          max={PRIZE_LIMITS.awardsMax}
          defaultValue={v.awards}
          required
          errors={e.awards}
        />
        <TextField
          label={t('prize.category.scaleMin')}
          name="scaleMin"
          id={`${formKey}-scaleMin`}
          type="number"
          inputMode="numeric"
          min={0}
          max={PRIZE_LIMITS.scaleMax}
          defaultValue={v.scaleMin}
          required
          errors={e.scaleMin}
        />
        <TextField
          label={t('prize.category.scaleMax')}
          name="scaleMax"
          id={`${formKey}-scaleMax`}
          type="number"
          inputMode="numeric"
          min={1}
          max={PRIZE_LIMITS.scaleMax}
          defaultValue={v.scaleMax}
          required
          errors={e.scaleMax}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {category ? t('prizes.form.save') : t('prizes.categories.add')}
      </button>
    </Form>
  )
}

function CriterionForm({ formKey, categoryId, criterion }: { formKey: string; categoryId: string; criterion?: CriterionRow }) {
  const t = useT()
  const result = useResult(formKey)
  const busy = useNavigation().state === 'submitting'
  const v = result?.values ?? { name: criterion?.name ?? '', rubric: criterion?.rubric ?? '', weight: String(criterion?.weight ?? 1) }
  const e = result?.errors ?? {}
  return (
    <Form method="post" noValidate className="space-y-3">
      <input type="hidden" name="intent" value={criterion ? 'criterion.update' : 'criterion.create'} />
      <input type="hidden" name="categoryId" value={categoryId} />
      {criterion && <input type="hidden" name="criterionId" value={criterion.id} />}
      <ErrorList errors={e._form} />
      <TextField
        label={t('prize.criterion.name')}
        name="name"
        id={`${formKey}-name`}
        defaultValue={v.name}
        required
        maxLength={PRIZE_LIMITS.shortText}
        errors={e.name}
      />
      <TextareaField
        label={t('prize.criterion.rubric')}
        name="rubric"
        id={`${formKey}-rubric`}
        defaultValue={v.rubric}
        rows={3}
        help={t('prizes.criteria.rubricHelp')}
        errors={e.rubric}
      />
      <TextField
        label={t('prize.criterion.weight')}
        name="weight"
        id={`${formKey}-weight`}
        type="number"
        inputMode="numeric"
        min={1}
        max={PRIZE_LIMITS.weightMax}
        defaultValue={v.weight}
        required
        errors={e.weight}
        className="max-w-40"
      />
      <button type="submit" className="btn-primary" disabled={busy}>
        {criterion ? t('prizes.form.save') : t('prizes.criteria.add')}
      </button>
    </Form>
  )
}

export default function Categories() {
  const t = useT()
  const { organisation, edition, categories } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const pageError = result?.formKey === 'page' ? result.errors._form : null
  const totalWeight = (c: { criteria: CriterionRow[] }) => c.criteria.reduce((n, k) => n + k.weight, 0)
  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} heading={t('prizes.categories.title')} />
      <div className="space-y-6">
        <p className="text-stone-700">{t('prizes.categories.intro')}</p>
        {!edition.editable && <p className="card">{t('prizes.error.readOnly')}</p>}
        {pageError && (
          <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {pageError.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}

        {categories.length === 0 ? (
          <p className="card">{t('prizes.categories.empty')}</p>
        ) : (
          <ol className="space-y-6">
            {categories.map((c) => (
              <li key={c.id} className="card space-y-4">
                <section aria-labelledby={`category-${c.id}`} className="space-y-4">
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <h2 id={`category-${c.id}`} className="text-xl font-semibold">
                      {c.name}
                    </h2>
                    {edition.editable && (
                      <InlineActionForm
                        intent="category.delete"
                        fields={{ categoryId: c.id }}
                        label={t('prizes.categories.delete')}
                        accessibleLabel={t('prizes.categories.deleteNamed', { name: c.name })}
                        danger
                      />
                    )}
                  </div>
                  <p className="text-sm text-stone-700">
                    {t('prizes.categories.line', { awards: c.awards, min: c.scaleMin, max: c.scaleMax })}
                  </p>
                  {c.description && <p className="whitespace-pre-line">{c.description}</p>}
                  {edition.editable && (
                    <details open={result?.formKey === `category-${c.id}`}>
                      <summary className="link cursor-pointer">{t('prizes.categories.edit')}</summary>
                      <div className="mt-3">
                        <CategoryForm
                          key={`${c.name}|${c.description}|${c.awards}|${c.scaleMin}|${c.scaleMax}`}
                          formKey={`category-${c.id}`}
                          category={c}
                        />
                      </div>
                    </details>
                  )}

                  <h3 className="text-lg font-semibold">{t('prizes.criteria.title')}</h3>
                  {c.criteria.length === 0 ? (
                    <p>{t('prizes.criteria.empty')}</p>
                  ) : (
                    <ol className="space-y-3">
                      {c.criteria.map((k) => (
                        <li key={k.id} className="rounded-md border border-stone-200 p-3">
                          <div className="flex flex-wrap items-center justify-between gap-2">
                            <p className="font-semibold">
                              {k.name}{' '}
                              <span className="font-normal text-stone-700">
                                · {t('prizes.criteria.weightLine', { weight: k.weight, total: totalWeight(c) })}
                              </span>
                            </p>
                            {edition.editable && (
                              <InlineActionForm
                                intent="criterion.delete"
                                fields={{ criterionId: k.id }}
                                label={t('prizes.criteria.delete')}
                                accessibleLabel={t('prizes.criteria.deleteNamed', { name: k.name })}
                                danger
                              />
                            )}
                          </div>
                          {k.rubric && <p className="mt-1 whitespace-pre-line text-sm">{k.rubric}</p>}
                          {edition.editable && (
                            <details className="mt-2" open={result?.formKey === `criterion-${k.id}`}>
                              <summary className="link cursor-pointer text-sm">{t('prizes.criteria.edit')}</summary>
                              <div className="mt-3">
                                <CriterionForm
                                  key={`${k.name}|${k.rubric}|${k.weight}`}
                                  formKey={`criterion-${k.id}`}
                                  categoryId={c.id}
                                  criterion={k}
                                />
                              </div>
                            </details>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                  {edition.editable && (
                    <details open={result?.formKey === `criterion-new-${c.id}`}>
                      <summary className="link cursor-pointer">{t('prizes.criteria.add')}</summary>
                      <div className="mt-3">
                        <CriterionForm key={c.criteria.length} formKey={`criterion-new-${c.id}`} categoryId={c.id} />
                      </div>
                    </details>
                  )}
                </section>
              </li>
            ))}
          </ol>
        )}

        {edition.editable && (
          <section aria-labelledby="new-category" className="card space-y-3">
            <h2 id="new-category" className="text-xl font-semibold">
              {t('prizes.categories.add')}
            </h2>
            {/* Keyed by the count so that, once saved, the form comes back empty. */}
            <CategoryForm key={categories.length} formKey="category-new" />
          </section>
        )}
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
