// An edition's categories (description, number of winners, scoring scale) and, for each, the
// scoring grid the jury will use: criteria with their weight and scoring guidance.
import { getFormProps } from '@conform-to/react'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { answerFor, loadOrganiserEdition, type KeyedFormReply } from '#app/route-support/prizes.server.ts'
import { useFormErrors, useFormResult } from '#app/route-support/prize-forms.tsx'
import { categoryButtonSchema, categoryFormSchema, criterionFormSchema, PRIZE_LIMITS } from '#app/modules/prizes/schema.ts'
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
import { FormErrorSummary, TextareaField, TextField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { InlineActionForm } from '#app/ui/inline-action-form.tsx'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
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

/** Which form shows the reply; deleting reports at the top of the page. */
function formKeyOf(formData: FormData) {
  const field = (name: string) => String(formData.get(name) ?? '')
  switch (field('intent')) {
    case 'category.create':
      return 'category-new'
    case 'category.update':
      return `category-${field('categoryId')}`
    case 'criterion.create':
      return `criterion-new-${field('categoryId')}`
    case 'criterion.update':
      return `criterion-${field('criterionId')}`
    default:
      return 'page'
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'prize.manage')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const categoryId = String(formData.get('categoryId') ?? '')
  const criterionId = String(formData.get('criterionId') ?? '')
  const actor = { actorUserId: user.id, request }
  const here = new URL(request.url).pathname
  const done = (key: MessageKey) => redirectWithToast(request, here, { type: 'success', key })
  const answer = <R,>(reply: Promise<R>) => answerFor(formKeyOf(formData), reply)
  switch (intent) {
    case 'category.create':
    case 'category.update':
      return answer(
        submitForm(request, formData, categoryFormSchema, async (value) => {
          if (intent === 'category.create') await createCategory(organisation.id, edition.id, value, actor)
          else await updateCategory(organisation.id, edition.id, categoryId, value, actor)
          return done(intent === 'category.create' ? 'prizes.toast.categoryCreated' : 'prizes.toast.categoryUpdated')
        }),
      )
    case 'criterion.create':
    case 'criterion.update':
      return answer(
        submitForm(request, formData, criterionFormSchema, async (value) => {
          if (intent === 'criterion.create') await createCriterion(organisation.id, edition.id, categoryId, value, actor)
          else await updateCriterion(organisation.id, edition.id, criterionId, value, actor)
          return done(intent === 'criterion.create' ? 'prizes.toast.criterionCreated' : 'prizes.toast.criterionUpdated')
        }),
      )
    default:
      return answer(
        submitForm(request, formData, categoryButtonSchema, async (value) => {
          if (value.intent === 'category.delete') {
            await deleteCategory(organisation.id, edition.id, value.categoryId, actor)
            return done('prizes.toast.categoryDeleted')
          }
          await deleteCriterion(organisation.id, edition.id, value.criterionId, actor)
          return done('prizes.toast.criterionDeleted')
        }),
      )
  }
}

type CategoryRow = { id: string; name: string; description: string; awards: number; scaleMin: number; scaleMax: number }
type CriterionRow = { id: string; name: string; rubric: string; weight: number }

function CategoryForm({ formKey, category }: { formKey: string; category?: CategoryRow }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(categoryFormSchema, {
    id: formKey,
    lastResult: useFormResult(formKey),
    defaultValue: {
      name: category?.name ?? '',
      description: category?.description ?? '',
      awards: String(category?.awards ?? 1),
      scaleMin: String(category?.scaleMin ?? 0),
      scaleMax: String(category?.scaleMax ?? 5),
    },
  })
  const tr = (m: string) => t(m as MessageKey)
  const names = ['name', 'description', 'awards', 'scaleMin', 'scaleMax'] as const
  const v = Object.fromEntries(names.map((n) => [n, fields[n].defaultValue ?? ''])) as Record<(typeof names)[number], string>
  const e = Object.fromEntries(names.map((n) => [n, fields[n].errors?.map(tr)])) as Record<(typeof names)[number], string[] | undefined>
  const ids = Object.fromEntries(names.map((n) => [n, `${formKey}-${n}`]))
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value={category ? 'category.update' : 'category.create'} />
      {category && <input type="hidden" name="categoryId" value={category.id} />}
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
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(criterionFormSchema, {
    id: formKey,
    lastResult: useFormResult(formKey),
    defaultValue: { name: criterion?.name ?? '', rubric: criterion?.rubric ?? '', weight: String(criterion?.weight ?? 1) },
  })
  const tr = (m: string) => t(m as MessageKey)
  const names = ['name', 'rubric', 'weight'] as const
  const v = Object.fromEntries(names.map((n) => [n, fields[n].defaultValue ?? ''])) as Record<(typeof names)[number], string>
  const e = Object.fromEntries(names.map((n) => [n, fields[n].errors?.map(tr)])) as Record<(typeof names)[number], string[] | undefined>
  const ids = Object.fromEntries(names.map((n) => [n, `${formKey}-${n}`]))
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <FormErrorSummary links={summaryEntries(form, ids, tr)} />
      <input type="hidden" name="intent" value={criterion ? 'criterion.update' : 'criterion.create'} />
      <input type="hidden" name="categoryId" value={categoryId} />
      {criterion && <input type="hidden" name="criterionId" value={criterion.id} />}
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
  const result = useActionData<KeyedFormReply>()
  const pageErrors = useFormErrors('page')
  const totalWeight = (c: { criteria: CriterionRow[] }) => c.criteria.reduce((n, k) => n + k.weight, 0)
  return (
    <div>
      <EditionPageHeader orgSlug={organisation.slug} edition={edition} heading={t('prizes.categories.title')} />
      <div className="space-y-6">
        <p className="text-stone-700">{t('prizes.categories.intro')}</p>
        {!edition.editable && <p className="card">{t('prizes.error.readOnly')}</p>}
        <FormErrorSummary errors={pageErrors.map((m) => t(m as MessageKey))} />

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
