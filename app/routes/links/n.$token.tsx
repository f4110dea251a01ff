// The nomination form behind the emailed link (no account): five steps (`?step=1..5`), each a
// plain POST form that saves and moves on, so it works without JavaScript. With JavaScript the
// step also saves itself (1.5 s after typing stops, and when a field loses focus) through
// /n/<token>/autosave, and the eligibility is shown live from the edition's rules.
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { ATTACHMENT_LIMITS } from '#app/modules/nominations/attachments.ts'
import {
  NOMINATION_INTENTS,
  NominationFormSchema,
  UploadAttachmentSchema,
  type NominationIntent,
} from '#app/modules/nominations/link-schema.ts'
import { formErrorMessage } from '#app/shared/form-message.ts'
import type { FormQuestion } from '#app/shared/questions.ts'
import {
  formDataToFields,
  LAST_STEP,
  STEPS,
  stepOf,
  valuesToFields,
  type NominationContext,
  type NominationFields,
  type Step,
} from '#app/modules/nominations/schema.ts'
import {
  addAttachment,
  getNominationByToken,
  removeAttachment,
  saveDraft,
  submitNomination,
  withdrawNomination,
} from '#app/modules/nominations/service.server.ts'
import {
  eligibilityOf,
  LEGAL_FORMS,
  legalFormLabelKey,
  reasonLabelKey,
  type EditionRulesLike,
  type Eligibility,
} from '#app/modules/prizes/rules.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { CheckboxField, ChoiceGroup, FormErrorSummary, SelectField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { formatDate, formatDateTime, formatTime } from '#app/shared/time.ts'
import { formatMoney, localeFromRequest, translate, type Locale, type MessageKey, type Translate } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import type { AutosaveResponse } from './n.$token.autosave.ts'
import { sentFeedbackOf } from '#app/modules/jury/feedback.server.ts'
import { NomineeFeedbackSection } from '#app/modules/jury/feedback-ui.tsx'

// The address holds the secret: never cached, never indexed, never sent as a referrer.
const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }
const AUTOSAVE_DELAY_MS = 1500

type Intent = NominationIntent
/** Conform's reply; after a refusal, also the form it concerns, its step and what was sent (to refill the step). */
type ActionData = FormReply & { intent?: Intent; step?: Step; submitted?: NominationFields }
/** The reply as the page shows it: which form, which step, per-field codes and the form's messages. */
type Refusal = { intent: Intent; step: Step; submitted?: NominationFields; fieldErrors: Record<string, string[]>; formErrors: string[] }

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: translate(root?.locale ?? 'fr', 'nomination.title') }, { name: 'robots', content: 'noindex, nofollow' }]
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

// An autosave changes nothing the page shows from its loader; reloading it mid-typing would only cost.
// Only on the same URL: an autosave that ends during a navigation to another step or nomination
// must not keep the previous page's data under the new URL.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, currentUrl, nextUrl, defaultShouldRevalidate }) =>
  formAction?.endsWith('/autosave') && currentUrl.href === nextUrl.href ? false : defaultShouldRevalidate

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await getNominationByToken(params.token ?? '')
  if (!view) throw notFound()
  const locale = localeFromRequest(request)
  const url = new URL(request.url)
  const { edition, nomination } = view
  const feedback = await sentFeedbackOf(nomination.id)
  const rules: EditionRulesLike = {
    eligibleLegalForms: edition.eligibleLegalForms,
    minAgeYears: edition.minAgeYears,
    eligibleDepartements: edition.eligibleDepartements,
    submissionsCloseAt: edition.submissionsCloseAt.toISOString(),
  }
  return data(
    {
      token: params.token!,
      step: url.searchParams.has('step') ? stepOf(url.searchParams.get('step')) : stepOf(nomination.draftStep),
      confirmWithdraw: url.searchParams.get('withdraw') === '1',
      edition: { slug: edition.slug, title: edition.title, deadline: formatDateTime(locale, edition.submissionsCloseAt) },
      nomination: { status: nomination.status, contactEmail: nomination.contactEmail, updatedAt: nomination.updatedAt.toISOString() },
      editable: view.editable,
      window: view.window,
      fields: valuesToFields(view.values),
      context: view.context,
      rules,
      eligibility: view.eligibility,
      attachments: view.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size })),
      feedback: feedback ? { ...feedback, sentAt: formatDateTime(locale, feedback.sentAt) } : null,
    },
    { headers: PRIVATE_HEADERS },
  )
}

async function readForm(request: Request): Promise<FormData | 'tooLarge'> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return request.formData()
  // The whole body is bounded too, not only the file: one file and a few small fields.
  if (Number(request.headers.get('Content-Length') ?? 0) > ATTACHMENT_LIMITS.maxBytes + 64 * 1024) return 'tooLarge'
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: ATTACHMENT_LIMITS.maxBytes }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return 'tooLarge'
    throw error
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const view = await getNominationByToken(token)
  if (!view) throw notFound()
  const locale = localeFromRequest(request)
  const back = `/n/${token}`
  const formData = await readForm(request)
  const refuse = (status: number, result: SubmissionResult<string[]>, d: Omit<ActionData, 'result'>) =>
    data<ActionData>({ result, ...d }, { status, headers: PRIVATE_HEADERS })
  if (formData === 'tooLarge') {
    // Nothing was read: the reply is written by hand.
    const result: SubmissionResult<string[]> = {
      status: 'error',
      initialValue: { intent: 'upload' },
      error: { file: ['nomination.attachment.error.tooLarge'] },
    }
    return refuse(413, result, { intent: 'upload', step: 5 })
  }

  return submitForm(request, formData, NominationFormSchema, async (value, submission) => {
    const intent = value.intent
    const step = intent === 'save' ? stepOf(value.step) : LAST_STEP
    try {
      switch (intent) {
        case 'save': {
          // The step's fields are the edition's: saveDraft keeps what parses and says what did not.
          const submitted = formDataToFields(formData, view.context)
          const result = await saveDraft(token, submitted, step)
          if (Object.keys(result.fieldErrors).length > 0)
            return refuse(422, submission.reply({ fieldErrors: result.fieldErrors }), { intent, step, submitted })
          const go = value.go === 'previous' ? Math.max(1, step - 1) : Math.min(LAST_STEP, step + 1)
          return redirectWithToast(request, `${back}?step=${go}`, { type: 'success', key: 'nomination.toast.saved' })
        }
        case 'upload':
          await addAttachment(token, { filename: value.file.name, bytes: new Uint8Array(await value.file.arrayBuffer()) })
          return redirectWithToast(request, `${back}?step=5`, { type: 'success', key: 'nomination.toast.attachmentAdded' })
        case 'removeAttachment':
          await removeAttachment(token, value.attachmentId)
          return redirectWithToast(request, `${back}?step=5`, { type: 'success', key: 'nomination.toast.attachmentRemoved' })
        case 'submit':
          await submitNomination(token, new Date())
          return redirectWithToast(request, `${back}?step=5`, { type: 'success', key: 'nomination.toast.submitted' })
        case 'withdraw':
          await withdrawNomination(token)
          return redirectWithToast(request, back, { type: 'success', key: 'nomination.toast.withdrawn' })
      }
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error
      // By hand (not replyWithAppError): the fields keep their codes, which the page translates with their parameters.
      const message = error.messageKey ? translate(locale, error.messageKey, error.params) : error.code
      const fields = error.fields ?? {}
      // Field errors of a refused submission point at other steps: the summary lists them all.
      const formErrors = intent === 'upload' && fields.file ? [] : [message]
      return refuse(error.status, submission.reply({ fieldErrors: fields, formErrors }), { intent, step })
    }
  })
}

const isIntent = (value: unknown): value is Intent => (NOMINATION_INTENTS as readonly unknown[]).includes(value)

/** Conform's reply as the page shows it; a refused intent (a tampered button) goes with the step's form, as before. */
function refusalOf(actionData: ActionData | undefined): Refusal | undefined {
  if (!actionData) return undefined
  const sent = actionData.result.initialValue ?? {}
  const intent = actionData.intent ?? (isIntent(sent.intent) ? sent.intent : 'save')
  const step = actionData.step ?? (intent === 'save' ? stepOf(sent.step) : LAST_STEP)
  const fieldErrors: Record<string, string[]> = {}
  const formErrors: string[] = []
  for (const [name, errors] of Object.entries(actionData.result.error ?? {})) {
    if (!errors?.length) continue
    if (name === '' || name === 'intent') formErrors.push(...errors)
    else fieldErrors[name] = errors
  }
  return { intent, step, submitted: actionData.submitted, fieldErrors, formErrors }
}

// ---- Page ------------------------------------------------------------------------------------

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Errors = Record<string, string[]>

const STEP_KEYS: Record<Step, MessageKey> = {
  1: 'nomination.step.1',
  2: 'nomination.step.2',
  3: 'nomination.step.3',
  4: 'nomination.step.4',
  5: 'nomination.step.5',
}

function useErrors(errors: Errors) {
  const t = useT()
  return (name: string) => errors[name]?.map((e) => formErrorMessage(t, e))
}

function StepNav({ token, current }: { token: string; current: Step }) {
  const t = useT()
  return (
    <nav aria-label={t('nomination.steps')}>
      <ol className="flex flex-wrap gap-2">
        {STEPS.map((s) => (
          <li key={s}>
            <Link
              to={`/n/${token}?step=${s}`}
              aria-current={s === current ? 'step' : undefined}
              className={`inline-block rounded-md border px-3 py-2 text-sm ${s === current ? 'border-brand-700 bg-brand-50 font-semibold text-brand-800' : 'border-stone-300 text-stone-800 hover:bg-stone-50'}`}
            >
              {s}. {t(STEP_KEYS[s])}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  )
}

function EligibilityNotice({ eligibility, live = false }: { eligibility: Eligibility; live?: boolean }) {
  const t = useT()
  // While typing, a blank answer is not yet a reason to worry: only real mismatches are shown.
  const reasons = live ? eligibility.reasons.filter((r) => !r.startsWith('missing_')) : eligibility.reasons
  const pending = live && reasons.length === 0 && !eligibility.eligible
  const eligible = reasons.length === 0
  const tone = pending
    ? 'border-stone-400 bg-stone-50 text-stone-800'
    : eligible
      ? 'border-brand-700 bg-brand-50 text-brand-800'
      : 'border-amber-700 bg-amber-50 text-amber-950'
  // One stable live region whose content changes, so screen readers announce each change.
  return (
    <div aria-live="polite" data-testid="eligibility" className={`rounded-md border-l-4 px-4 py-3 ${tone}`}>
      {pending ? (
        <p>{t('nomination.eligibility.pending')}</p>
      ) : (
        <>
          <p className="font-semibold">{eligible ? t('nomination.eligibility.ok') : t('nomination.eligibility.ko')}</p>
          {!eligible && (
            <ul className="mt-1 list-disc pl-5">
              {reasons.map((r) => (
                <li key={r}>{t(reasonLabelKey(r))}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}

function StructureFields({
  values,
  errors,
  onEligibilityInput,
}: {
  values: NominationFields
  errors: Errors
  onEligibilityInput: () => void
}) {
  const t = useT()
  const err = useErrors(errors)
  const legalForms = LEGAL_FORMS.map((f) => ({ value: f, label: t(legalFormLabelKey(f)) }))
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        className="sm:col-span-2"
        label={t('nomination.field.structureName')}
        name="structureName"
        required
        autoComplete="organization"
        defaultValue={values.structureName}
        errors={err('structureName')}
      />
      <TextField
        label={t('nomination.field.siret')}
        help={t('nomination.field.siretHelp')}
        name="siret"
        required
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.siret}
        errors={err('siret')}
      />
      <SelectField
        label={t('nomination.field.legalForm')}
        name="legalForm"
        required
        options={legalForms}
        placeholder={t('nomination.field.choose')}
        defaultValue={values.legalForm}
        errors={err('legalForm')}
        onChange={onEligibilityInput}
      />
      <TextField
        label={t('nomination.field.creationDate')}
        name="creationDate"
        type="date"
        required
        defaultValue={values.creationDate}
        errors={err('creationDate')}
        onChange={onEligibilityInput}
      />
      <TextField
        className="sm:col-span-2"
        label={t('nomination.field.address')}
        name="address"
        required
        autoComplete="street-address"
        defaultValue={values.address}
        errors={err('address')}
      />
      <TextField
        label={t('nomination.field.postalCode')}
        name="postalCode"
        required
        inputMode="numeric"
        autoComplete="postal-code"
        defaultValue={values.postalCode}
        errors={err('postalCode')}
      />
      <TextField
        label={t('nomination.field.town')}
        name="town"
        required
        autoComplete="address-level2"
        defaultValue={values.town}
        errors={err('town')}
      />
      <TextField
        label={t('nomination.field.departement')}
        help={t('nomination.field.departementHelp')}
        name="departement"
        required
        defaultValue={values.departement}
        errors={err('departement')}
        onChange={onEligibilityInput}
      />
      <div className="hidden sm:block" />
      <TextField
        label={t('nomination.field.employees')}
        name="employees"
        inputMode="numeric"
        defaultValue={values.employees}
        errors={err('employees')}
      />
      <TextField
        label={t('nomination.field.volunteers')}
        name="volunteers"
        inputMode="numeric"
        defaultValue={values.volunteers}
        errors={err('volunteers')}
      />
    </div>
  )
}

function ContactFields({ values, errors, email }: { values: NominationFields; errors: Errors; email: string }) {
  const t = useT()
  const err = useErrors(errors)
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label={t('nomination.field.contactFirstName')}
        name="contactFirstName"
        required
        autoComplete="given-name"
        defaultValue={values.contactFirstName}
        errors={err('contactFirstName')}
      />
      <TextField
        label={t('nomination.field.contactLastName')}
        name="contactLastName"
        required
        autoComplete="family-name"
        defaultValue={values.contactLastName}
        errors={err('contactLastName')}
      />
      <TextField
        label={t('nomination.field.contactEmail')}
        help={t('nomination.field.contactEmailHelp')}
        value={email}
        readOnly
        type="email"
      />
      <TextField
        label={t('nomination.field.contactPhone')}
        name="contactPhone"
        type="tel"
        autoComplete="tel"
        defaultValue={values.contactPhone}
        errors={err('contactPhone')}
      />
    </div>
  )
}

function ProjectFields({ values, errors, ctx }: { values: NominationFields; errors: Errors; ctx: NominationContext }) {
  const t = useT()
  const err = useErrors(errors)
  return (
    <div className="space-y-4">
      <ChoiceGroup
        legend={t('nomination.field.categoryId')}
        name="categoryId"
        type="radio"
        required
        options={ctx.categories.map((c) => ({ value: c.id, label: c.name, hint: c.description || undefined }))}
        defaultValue={values.categoryId}
        errors={err('categoryId')}
      />
      <TextField
        label={t('nomination.field.projectTitle')}
        name="projectTitle"
        required
        defaultValue={values.projectTitle}
        errors={err('projectTitle')}
      />
      <TextareaField
        label={t('nomination.field.projectDescription')}
        name="projectDescription"
        required
        rows={8}
        defaultValue={values.projectDescription}
        errors={err('projectDescription')}
      />
      <TextareaField
        label={t('nomination.field.impact')}
        help={t('nomination.field.impactHelp')}
        name="impact"
        required
        rows={6}
        defaultValue={values.impact}
        errors={err('impact')}
      />
      <TextField
        label={t('nomination.field.budget')}
        help={t('nomination.field.budgetHelp')}
        name="budget"
        inputMode="decimal"
        defaultValue={values.budget}
        errors={err('budget')}
      />
    </div>
  )
}

function QuestionField({
  q,
  value,
  errors,
}: {
  q: FormQuestion
  value: NominationFields['answers'] extends infer A ? (A extends Record<string, infer V> ? V | undefined : never) : never
  errors?: string[]
}) {
  const name = `answers.${q.id}`
  const help = q.help ?? undefined
  switch (q.type) {
    case 'short_text':
      return (
        <TextField
          label={q.label}
          help={help}
          name={name}
          required={q.required}
          defaultValue={typeof value === 'string' ? value : ''}
          errors={errors}
        />
      )
    case 'long_text':
      return (
        <TextareaField
          label={q.label}
          help={help}
          name={name}
          required={q.required}
          rows={5}
          defaultValue={typeof value === 'string' ? value : ''}
          errors={errors}
        />
      )
    case 'single_choice':
    case 'multiple_choice':
      return (
        <ChoiceGroup
          legend={q.label}
          help={help}
          name={name}
          type={q.type === 'single_choice' ? 'radio' : 'checkbox'}
          required={q.required}
          options={q.options.map((o) => ({ value: o, label: o }))}
          defaultValue={Array.isArray(value) ? value : typeof value === 'string' ? value : undefined}
          errors={errors}
        />
      )
    case 'checkbox':
      return <CheckboxField label={q.label} help={help} name={name} required={q.required} defaultChecked={value === true} errors={errors} />
  }
}

function QuestionFields({ values, errors, ctx }: { values: NominationFields; errors: Errors; ctx: NominationContext }) {
  const t = useT()
  const err = useErrors(errors)
  if (ctx.questions.length === 0) return <p>{t('nomination.questions.none')}</p>
  return (
    <div className="space-y-4">
      <input type="hidden" name="answersPresent" value="1" />
      {ctx.questions.map((q) => (
        <QuestionField key={q.id} q={q} value={values.answers?.[q.id]} errors={err(`answers.${q.id}`)} />
      ))}
    </div>
  )
}

function answerText(t: Translate, value: string | string[] | boolean | undefined) {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null
  if (typeof value === 'boolean') return value ? t('nomination.answer.yes') : t('nomination.answer.no')
  return Array.isArray(value) ? value.join(', ') : value
}

function Summary({ d, errors }: { d: LoaderData; errors: Errors }) {
  const t = useT()
  const locale = useLocale()
  const f = d.fields
  const category = d.context.categories.find((c) => c.id === f.categoryId)?.name ?? ''
  const budget = f.budget ? Number(f.budget.replace(',', '.')) : null
  const sections: { step: Step; rows: { name: string; also?: string[]; label: string; value: string | null }[] }[] = [
    {
      step: 1,
      rows: [
        { name: 'structureName', label: t('nomination.field.structureName'), value: f.structureName },
        { name: 'siret', label: t('nomination.field.siret'), value: f.siret },
        { name: 'legalForm', label: t('nomination.field.legalForm'), value: f.legalForm ? t(legalFormLabelKey(f.legalForm)) : '' },
        {
          name: 'creationDate',
          label: t('nomination.field.creationDate'),
          value: f.creationDate ? formatDate(locale, `${f.creationDate}T12:00:00Z`) : '',
        },
        {
          name: 'address',
          also: ['postalCode', 'town'],
          label: t('nomination.field.address'),
          value: [f.address, [f.postalCode, f.town].filter(Boolean).join(' ')].filter(Boolean).join(', '),
        },
        { name: 'departement', label: t('nomination.field.departement'), value: f.departement },
        { name: 'employees', label: t('nomination.field.employees'), value: f.employees },
        { name: 'volunteers', label: t('nomination.field.volunteers'), value: f.volunteers },
      ],
    },
    {
      step: 2,
      rows: [
        {
          name: 'contactLastName',
          also: ['contactFirstName'],
          label: t('nomination.summary.contact'),
          value: `${f.contactFirstName} ${f.contactLastName}`.trim(),
        },
        { name: 'contactEmail', label: t('nomination.field.contactEmail'), value: d.nomination.contactEmail },
        { name: 'contactPhone', label: t('nomination.field.contactPhone'), value: f.contactPhone },
      ],
    },
    {
      step: 3,
      rows: [
        { name: 'categoryId', label: t('nomination.field.categoryId'), value: category },
        { name: 'projectTitle', label: t('nomination.field.projectTitle'), value: f.projectTitle },
        { name: 'projectDescription', label: t('nomination.field.projectDescription'), value: f.projectDescription },
        { name: 'impact', label: t('nomination.field.impact'), value: f.impact },
        {
          name: 'budget',
          label: t('nomination.field.budget'),
          value: budget !== null && Number.isFinite(budget) ? formatMoney(locale, Math.round(budget * 100)) : '',
        },
      ],
    },
    { step: 4, rows: d.context.questions.map((q) => ({ name: `answers.${q.id}`, label: q.label, value: answerText(t, f.answers[q.id]) })) },
  ]
  return (
    <section aria-labelledby="summary-title" className="card space-y-4">
      <h2 id="summary-title" className="text-xl font-semibold">
        {t('nomination.summary.title')}
      </h2>
      {sections.map((s) => (
        <div key={s.step} className="space-y-2">
          <h3 className="font-semibold">{t(STEP_KEYS[s.step])}</h3>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(0,14rem)_1fr]">
            {s.rows.map((r) => (
              <div key={r.name} className="contents">
                <dt className="font-semibold text-stone-700">{r.label}</dt>
                <dd className="whitespace-pre-line break-words">
                  {r.value ? r.value : <span className="text-stone-600">{t('nomination.summary.empty')}</span>}
                  {[...new Set([r.name, ...(r.also ?? [])].flatMap((name) => errors[name] ?? []))].map((e) => (
                    <span key={e} className="field-error block">
                      {formErrorMessage(t, e)}
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
          {d.editable && (
            <p>
              <Link to={`/n/${d.token}?step=${s.step}`} className="link">
                {t('nomination.summary.edit', { step: t(STEP_KEYS[s.step]) })}
              </Link>
            </p>
          )}
        </div>
      ))}
    </section>
  )
}

function Attachments({ d, errors }: { d: LoaderData; errors: Errors }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const full = d.attachments.length >= ATTACHMENT_LIMITS.maxFiles
  // The browser checks a file is chosen (Conform's client validation); the server's refusal comes in `errors`.
  const [upload, uploadFields] = useZodForm(UploadAttachmentSchema, { id: 'upload-attachment' })
  return (
    <section aria-labelledby="attachments-title" className="card space-y-3">
      <h2 id="attachments-title" className="text-xl font-semibold">
        {t('nomination.attachments.title')}
      </h2>
      <p className="text-stone-700">{t('nomination.attachments.help', { max: ATTACHMENT_LIMITS.maxFiles })}</p>
      {d.attachments.length === 0 ? (
        <p>{t('nomination.attachments.none')}</p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="attachments">
          {d.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <a href={`/n/${d.token}/attachments/${a.id}`} className="link break-all" download>
                {a.filename}
              </a>
              <span className="text-sm text-stone-600">{Math.max(1, Math.round(a.size / 1024))} Ko</span>
              {d.editable && (
                <ButtonForm id={`remove-attachment-${a.id}`} action={`/n/${d.token}?step=5`}>
                  <input type="hidden" name="intent" value="removeAttachment" />
                  <input type="hidden" name="attachmentId" value={a.id} />
                  <button
                    type="submit"
                    className="btn-secondary"
                    disabled={busy}
                    aria-label={t('nomination.attachments.removeLabel', { name: a.filename })}
                  >
                    {t('nomination.attachments.remove')}
                  </button>
                </ButtonForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.editable &&
        (full ? (
          <p>{t('nomination.attachments.full')}</p>
        ) : (
          <Form method="post" action={`/n/${d.token}?step=5`} encType="multipart/form-data" className="space-y-3" {...getFormProps(upload)}>
            <input type="hidden" name="intent" value="upload" />
            <TextField
              label={t('nomination.attachments.file')}
              id={uploadFields.file.id}
              name="file"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              required
              errors={(uploadFields.file.errors ?? errors.file)?.map((e) => formErrorMessage(t, e))}
            />
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t('nomination.attachments.upload')}
            </button>
          </Form>
        ))}
    </section>
  )
}

/** A form of buttons only: Conform's props (its client validation) on a plain Remix form. */
function ButtonForm({ id, action, children }: { id: string; action: string; children: React.ReactNode }) {
  const [form] = useZodForm(NominationFormSchema, { id })
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      {children}
    </Form>
  )
}

function Withdraw({ d }: { d: LoaderData }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  return (
    <section id="withdraw" aria-labelledby="withdraw-title" className="card space-y-3">
      <h2 id="withdraw-title" className="text-xl font-semibold">
        {t('nomination.withdraw.title')}
      </h2>
      {d.confirmWithdraw ? (
        <>
          <p>{t('nomination.withdraw.confirmBody')}</p>
          <div className="flex flex-wrap items-center gap-4">
            <ButtonForm id="withdraw-nomination" action={`/n/${d.token}?step=5`}>
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="btn-danger" disabled={busy}>
                {t('nomination.withdraw.confirm')}
              </button>
            </ButtonForm>
            <Link to={`/n/${d.token}?step=5`} className="btn-secondary" preventScrollReset>
              {t('nomination.withdraw.keep')}
            </Link>
          </div>
        </>
      ) : (
        <>
          <p>{t('nomination.withdraw.intro')}</p>
          {/* A link to the confirmation, so withdrawing takes two deliberate actions even without JavaScript. */}
          <Link to={`/n/${d.token}?step=5&withdraw=1#withdraw`} className="btn-secondary">
            {t('nomination.withdraw.start')}
          </Link>
        </>
      )}
    </section>
  )
}

/** Autosave through a fetcher: debounced while typing, immediate when a field loses focus. */
function useAutosave(token: string, formRef: RefObject<HTMLFormElement | null>) {
  const fetcher = useFetcher<AutosaveResponse>()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const dirty = useRef(false)
  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (!dirty.current || !formRef.current) return
    dirty.current = false
    const formData = new FormData(formRef.current)
    formData.delete('go')
    void fetcher.submit(formData, { method: 'post', action: `/n/${token}/autosave` })
  }, [fetcher, formRef, token])
  const schedule = useCallback(() => {
    dirty.current = true
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(save, AUTOSAVE_DELAY_MS)
  }, [save])
  // Leaving the page (closing the tab, following a link) saves what is pending.
  useEffect(() => {
    const flush = () => {
      if (!dirty.current || !formRef.current) return
      dirty.current = false
      navigator.sendBeacon(`/n/${token}/autosave`, new FormData(formRef.current))
    }
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
      if (timer.current) clearTimeout(timer.current)
    }
  }, [formRef, token])
  /** A full form submission saves everything: nothing left pending. */
  const cancel = useCallback(() => {
    dirty.current = false
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }, [])
  return { fetcher, save, schedule, cancel }
}

function AutosaveStatus({ state, data }: { state: string; data: AutosaveResponse | undefined }) {
  const t = useT()
  const locale = useLocale()
  let text = t('nomination.autosave.help')
  if (state !== 'idle') text = t('nomination.autosave.saving')
  else if (data?.ok) text = t('nomination.autosave.saved', { time: formatTime(locale, data.savedAt) })
  else if (data && !data.ok) text = `${t('nomination.autosave.failed')} ${data.message}`
  return (
    <p role="status" aria-live="polite" className="text-sm text-stone-700" data-testid="autosave-status">
      {text}
    </p>
  )
}

function StepForm({ d, actionData }: { d: LoaderData; actionData: Refusal | undefined }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const formRef = useRef<HTMLFormElement>(null)
  const { fetcher, save, schedule, cancel } = useAutosave(d.token, formRef)
  const step = d.step
  const [form] = useZodForm(NominationFormSchema, { id: `nomination-step-${step}` })
  const fromAction = actionData?.intent === 'save' && actionData.step === step ? actionData : undefined
  const values: NominationFields = fromAction?.submitted ? { ...d.fields, ...fromAction.submitted } : d.fields
  // The latest autosave's verdict replaces the errors of the fields on this page.
  const autosaved = fetcher.data?.ok ? fetcher.data : undefined
  const errors: Errors = autosaved ? autosaved.fieldErrors : (fromAction?.fieldErrors ?? {})

  const [eligibility, setEligibility] = useState(d.eligibility)
  const updateEligibility = useCallback(() => {
    const form = formRef.current
    if (!form) return
    const get = (name: string) => {
      const v = new FormData(form).get(name)
      return typeof v === 'string' ? v : ''
    }
    const creationDate = get('creationDate')
    setEligibility(
      eligibilityOf(
        {
          legalForm: get('legalForm') || null,
          creationDate: /^\d{4}-\d{2}-\d{2}$/.test(creationDate) ? `${creationDate}T00:00:00Z` : null,
          departement: get('departement') || null,
        },
        d.rules,
      ),
    )
  }, [d.rules])

  const errorList = [...(fromAction?.formErrors ?? []), ...Object.values(errors).flat()].map((e) => formErrorMessage(t, e))

  return (
    <Form
      method="post"
      action={`/n/${d.token}?step=${step}`}
      ref={formRef}
      onInput={schedule}
      onChange={schedule}
      onBlur={save}
      {...getFormProps(form)}
      onSubmit={(e) => {
        cancel()
        form.onSubmit(e)
      }}
      className="space-y-6"
      key={step}
    >
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="step" value={step} />
      <FormErrorSummary errors={fromAction ? [...new Set(errorList)] : undefined} />
      <AutosaveStatus state={fetcher.state} data={fetcher.data} />
      {step === 1 && (
        <>
          <StructureFields values={values} errors={errors} onEligibilityInput={updateEligibility} />
          <EligibilityNotice eligibility={eligibility} live />
        </>
      )}
      {step === 2 && <ContactFields values={values} errors={errors} email={d.nomination.contactEmail} />}
      {step === 3 && <ProjectFields values={values} errors={errors} ctx={d.context} />}
      {step === 4 && <QuestionFields values={values} errors={errors} ctx={d.context} />}
      <div className="flex flex-wrap items-center justify-between gap-4">
        {step > 1 ? (
          <button type="submit" name="go" value="previous" className="btn-secondary" disabled={busy}>
            {t('nomination.previous')}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" name="go" value="next" className="btn-primary px-6 py-3 text-base" disabled={busy}>
          {t('nomination.next')}
        </button>
      </div>
    </Form>
  )
}

function SubmitSection({ d, actionData }: { d: LoaderData; actionData: Refusal | undefined }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  return (
    <section aria-labelledby="submit-title" className="card space-y-3">
      <h2 id="submit-title" className="text-xl font-semibold">
        {t('nomination.submit.title')}
      </h2>
      {actionData?.intent === 'submit' && <FormErrorSummary errors={actionData.formErrors} />}
      <p>{t('nomination.submit.help')}</p>
      <ButtonForm id="submit-nomination" action={`/n/${d.token}?step=5`}>
        <input type="hidden" name="intent" value="submit" />
        <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
          {d.nomination.status === 'submitted' ? t('nomination.submit.resubmit') : t('nomination.submit.button')}
        </button>
      </ButtonForm>
    </section>
  )
}

export default function NominationForm() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = refusalOf(useActionData<ActionData>())
  const status = d.nomination.status
  const onSummary = d.step === 5 || !d.editable
  const step5Errors = actionData && actionData.intent !== 'save' ? actionData.fieldErrors : {}
  const otherErrors = actionData && !['save', 'submit'].includes(actionData.intent) ? actionData.formErrors : []

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-stone-700">{t('nomination.title')}</p>
        <h1 className="text-3xl font-bold tracking-tight">{d.edition.title}</h1>
        <p>
          <span className="font-semibold">{t('nomination.status.label')} : </span>
          <span data-testid="nomination-status">{t(`nomination.status.${status}` as MessageKey)}</span>
        </p>
        {d.editable && <p className="text-stone-800">{t('nomination.deadline', { deadline: d.edition.deadline })}</p>}
      </header>

      {d.feedback && <NomineeFeedbackSection feedback={d.feedback} />}

      {status === 'withdrawn' ? (
        <p role="status" className="card">
          {t('nomination.withdrawnNotice')}
        </p>
      ) : !d.editable ? (
        <p role="status" className="card">
          {t('nomination.closedNotice')}
        </p>
      ) : status === 'submitted' ? (
        <p role="status" className="rounded-md border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-800">
          {t('nomination.submittedNotice')}
        </p>
      ) : null}
      <FormErrorSummary errors={otherErrors} />

      {d.editable && <StepNav token={d.token} current={d.step} />}

      {onSummary ? (
        <>
          {status !== 'withdrawn' && (
            <section aria-labelledby="eligibility-title" className="space-y-2">
              <h2 id="eligibility-title" className="text-xl font-semibold">
                {t('nomination.eligibility.title')}
              </h2>
              <EligibilityNotice eligibility={d.eligibility} />
            </section>
          )}
          {actionData?.intent === 'submit' && Object.keys(step5Errors).length > 0 && <FormErrorSummary errors={actionData.formErrors} />}
          <Summary d={d} errors={step5Errors} />
          <Attachments d={d} errors={actionData?.intent === 'upload' ? actionData.fieldErrors : {}} />
          {d.editable && (
            <SubmitSection
              d={d}
              actionData={actionData?.intent === 'submit' && Object.keys(step5Errors).length === 0 ? actionData : undefined}
            />
          )}
          {status !== 'withdrawn' && <Withdraw d={d} />}
        </>
      ) : (
        <section aria-labelledby="step-title" className="card space-y-4">
          <p className="text-sm text-stone-700">{t('nomination.stepOf', { step: d.step, total: STEPS.length })}</p>
          <h2 id="step-title" className="text-xl font-semibold">
            {t(STEP_KEYS[d.step])}
          </h2>
          <StepForm d={d} actionData={actionData} />
        </section>
      )}

      <p className="text-sm text-stone-600">{t('nomination.private')}</p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
