// The scoring page of one nomination for a juror: the dossier (every field, answers, attachments)
// beside the category's grid, one radio group per criterion on the scale, the overall comment.
// With JavaScript every change is saved a moment later (autosave route, "Enregistré" announced);
// without it the Save button posts the form. Alt+←/→ (or j/k outside text fields) go to the
// previous/next nomination. A juror with a conflict on it never sees this page (403).
import { getFormProps } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigate,
  useNavigation,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { CONFLICT_KINDS, conflictKindLabelKey, MAX_CONFLICT_NOTE_LENGTH } from '#app/modules/jury/conflict-rules.ts'
import { declareConflict } from '#app/modules/jury/conflicts.server.ts'
import { abstain, withdrawAbstention } from '#app/modules/jury/abstention.server.ts'
import { AbstainSchema, WithdrawAbstentionSchema } from '#app/modules/jury/abstention-schema.ts'
import { ABSTENTION_REASON_MAX } from '#app/modules/jury/abstention-rules.ts'
import { requireJuror, requireNominationAccess } from '#app/modules/jury/jurors.server.ts'
import { CRITERION_FIELD_PREFIX, DeclareConflictSchema, SaveScoreSchema, scoreValuesOf } from '#app/modules/jury/scoring-schema.ts'
import { getScoringPage, saveScore } from '#app/modules/jury/scoring.server.ts'
import {
  commentRequired,
  formatTotal,
  isEvaluationComplete,
  MAX_COMMENT_LENGTH,
  scaleSteps,
  weightedTotal,
} from '#app/modules/jury/scoring-rules.ts'
import { LEGAL_FORMS, legalFormLabelKey } from '#app/modules/prizes/rules.ts'
import { AttachmentList } from '#app/modules/prizes/ui.tsx'
import { answerText } from '#app/modules/registrations/export-format.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ErrorList, FormErrorSummary, SelectField, TextareaField } from '#app/ui/forms.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { formatDate, formatDateTime } from '#app/shared/time.ts'
import { formatMoney, localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import type { AutosaveResponse } from './jury.$editionId.$nominationId_.autosave.ts'
import { Detail } from '#app/ui/detail.tsx'
import { formatTime } from '#app/shared/time.ts'
import { orHttpError } from '#app/utils/http.server.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }
const AUTOSAVE_DELAY_MS = 800

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = d?.nomination.structureName || translate(root?.locale ?? 'fr', 'jury.score.title')
  return [{ title: `${title} — Essor` }, { name: 'robots', content: 'noindex, nofollow' }]
}

export const headers = () => PRIVATE

// An autosave changes nothing the loader shows that the page does not already hold.
// Only on the same URL: an autosave that ends during a navigation to another step or nomination
// must not keep the previous page's data under the new URL.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, currentUrl, nextUrl, defaultShouldRevalidate }) =>
  formAction?.endsWith('/autosave') && currentUrl.href === nextUrl.href ? false : defaultShouldRevalidate

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { juror } = await orHttpError(requireJuror(request, params.editionId))
  const locale = localeFromRequest(request)
  const page = await orHttpError(getScoringPage(juror, params.nominationId ?? ''))
  const n = page.nomination
  const base = `/jury/${page.edition.id}/${n.id}`
  // Only what the page shows goes to the browser (the questions are in the answers' labels).
  return data(
    {
      // The server's clock when the page was made: the autosave's revisions follow it (see useAutosave).
      serverNow: Date.now(),
      edition: { ...page.edition, juryEndsAt: page.edition.juryEndsAt ? formatDateTime(locale, page.edition.juryEndsAt) : null },
      category: { ...page.category, submittedAt: page.category.submittedAt ? formatDateTime(locale, page.category.submittedAt) : null },
      criteria: page.criteria,
      score: { values: page.score.values, comment: page.score.comment },
      progress: { done: page.progress.done, total: page.progress.total },
      position: page.position,
      previousId: page.previousId,
      nextId: page.nextId,
      editable: page.editable,
      abstention: page.abstention ? { reason: page.abstention.reason } : null,
      nomination: {
        id: n.id,
        structureName: n.structureName,
        reference: n.reference,
        nameHidden: n.structureName === n.reference,
        siret: n.siret,
        legalForm:
          n.legalForm && (LEGAL_FORMS as readonly string[]).includes(n.legalForm)
            ? translate(locale, legalFormLabelKey(n.legalForm))
            : n.legalForm,
        creationDate: n.creationDate ? formatDate(locale, n.creationDate) : null,
        town: [n.postalCode, n.town].filter(Boolean).join(' '),
        departement: n.departement,
        employees: n.employees,
        volunteers: n.volunteers,
        budget: n.budgetCents === null ? null : formatMoney(locale, n.budgetCents),
        projectTitle: n.projectTitle,
        projectDescription: n.projectDescription,
        impact: n.impact,
        answers: page.questions.map((q) => ({ id: q.id, label: q.label, answer: answerText(n.answers[q.id], locale) })),
        attachments: n.attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size, href: `${base}/attachments/${a.id}` })),
      },
    },
    { headers: PRIVATE },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { juror } = await orHttpError(requireJuror(request, params.editionId))
  const nominationId = params.nominationId ?? ''
  await orHttpError(requireNominationAccess(juror, nominationId))
  const formData = await request.formData()
  if (formData.get('intent') === 'conflict') {
    return submitForm(request, formData, DeclareConflictSchema, async ({ kind, note }) => {
      await declareConflict(juror, nominationId, { kind, note })
      return redirectWithToast(request, '/jury', { type: 'success', key: 'jury.toast.conflictDeclared' })
    })
  }
  if (formData.get('intent') === 'abstain') {
    return submitForm(request, formData, AbstainSchema, async ({ reason }) => {
      await abstain(juror.id, nominationId, reason)
      return redirectWithToast(request, `/jury/${juror.editionId}/${nominationId}`, { type: 'success', key: 'juryPanel.toast.abstained' })
    })
  }
  if (formData.get('intent') === 'withdraw-abstention') {
    return submitForm(request, formData, WithdrawAbstentionSchema, async () => {
      await withdrawAbstention(juror.id, nominationId)
      return redirectWithToast(request, `/jury/${juror.editionId}/${nominationId}`, { type: 'success', key: 'juryPanel.toast.withdrawn' })
    })
  }
  // The Save button of the page without JavaScript (intent=save); any other intent is refused by the schema.
  return submitForm(request, formData, SaveScoreSchema, async (value) => {
    await saveScore(juror.id, nominationId, scoreValuesOf(value), value.comment)
    return redirectWithToast(request, `/jury/${juror.editionId}/${nominationId}`, { type: 'success', key: 'jury.toast.saved' })
  })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>

function Dossier({ n }: { n: LoaderData['nomination'] }) {
  const t = useT()
  const dash = '—'
  return (
    <section aria-labelledby="dossier-title" className="card space-y-4">
      <h2 id="dossier-title" className="text-xl font-semibold">
        {t('jury.score.dossier')}
      </h2>
      <dl className="space-y-3">
        <Detail label={t('prizeReview.field.title')}>{n.projectTitle || dash}</Detail>
        <Detail label={t('prizeReview.field.description')}>{n.projectDescription || dash}</Detail>
        <Detail label={t('prizeReview.field.impact')}>{n.impact || dash}</Detail>
        <Detail label={t('prizeReview.field.siret')}>{n.siret || dash}</Detail>
        <Detail label={t('prizeReview.field.legalForm')}>{n.legalForm || dash}</Detail>
        <Detail label={t('prizeReview.field.creationDate')}>{n.creationDate ?? dash}</Detail>
        <Detail label={t('jury.score.town')}>{n.town || dash}</Detail>
        <Detail label={t('prizeReview.field.departement')}>{n.departement || dash}</Detail>
        <Detail label={t('prizeReview.field.employees')}>{n.employees ?? dash}</Detail>
        <Detail label={t('prizeReview.field.volunteers')}>{n.volunteers ?? dash}</Detail>
        <Detail label={t('prizeReview.field.budget')}>{n.budget ?? dash}</Detail>
        {n.answers.map((a) => (
          <Detail key={a.id} label={a.label}>
            {a.answer || dash}
          </Detail>
        ))}
      </dl>
      <div>
        <h3 className="font-semibold">{t('jury.score.attachments')}</h3>
        <AttachmentList attachments={n.attachments} empty={t('jury.score.noAttachments')} />
      </div>
    </section>
  )
}

/**
 * Autosave through a fetcher: right away for a radio, debounced while typing the comment. One save
 * in flight at a time: a change made meanwhile is sent when it returns, so the last values win.
 * When the juror leaves (another nomination, the tab hidden or closed) a change not sent yet goes
 * at once with navigator.sendBeacon. Every save carries a revision — when it was sent, on the
 * server's clock as estimated from the page's `serverNow`, strictly increasing — and the server
 * keeps the latest revision: the beacon may overtake the save in flight, never the other way.
 */
function useAutosave(action: string, formRef: React.RefObject<HTMLFormElement | null>, serverNow: number) {
  const fetcher = useFetcher<AutosaveResponse>()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const dirty = useRef(false)
  const busy = useRef(false)
  // The form's latest values: the form element is gone when the page unmounts and flushes.
  const latest = useRef<FormData | null>(null)
  // Server clock − client clock, measured once when the page starts; the last revision sent.
  const offset = useRef<number | null>(null)
  const lastRevision = useRef(0)
  useEffect(() => {
    offset.current = serverNow - Date.now()
  }, [serverNow])
  const stamp = useCallback((data: FormData) => {
    const revision = Math.max(Date.now() + (offset.current ?? 0), lastRevision.current + 1)
    lastRevision.current = revision
    data.set('revision', String(revision))
    data.delete('intent')
    return data
  }, [])
  // A change not sent yet: the status says "saving" until it is.
  const [pending, setPending] = useState(false)
  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const form = formRef.current
    if (!dirty.current || !form || busy.current) return
    dirty.current = false
    busy.current = true
    setPending(false)
    void fetcher.submit(stamp(new FormData(form)), { method: 'post', action })
  }, [fetcher, formRef, action, stamp])
  useEffect(() => {
    busy.current = fetcher.state !== 'idle'
    if (!busy.current && dirty.current) save()
  }, [fetcher.state, save])
  const schedule = useCallback(
    (delay = AUTOSAVE_DELAY_MS) => {
      dirty.current = true
      setPending(true)
      if (formRef.current) latest.current = new FormData(formRef.current)
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(save, delay)
    },
    [save, formRef],
  )
  useEffect(() => {
    const flush = () => {
      const data = formRef.current ? new FormData(formRef.current) : latest.current
      if (!dirty.current || !data) return
      dirty.current = false
      if (timer.current) clearTimeout(timer.current)
      timer.current = null
      const body = stamp(data)
      // sendBeacon outlives the page; when the browser refuses it (size, quota), a keepalive fetch does too.
      if (!navigator.sendBeacon(action, body))
        void fetch(action, { method: 'POST', body, keepalive: true, credentials: 'same-origin' }).catch(() => {})
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
      flush()
      if (timer.current) clearTimeout(timer.current)
    }
  }, [formRef, action, stamp])
  const cancel = useCallback(() => {
    dirty.current = false
    setPending(false)
    if (timer.current) clearTimeout(timer.current)
  }, [])
  return { fetcher, schedule, cancel, pending }
}

function isTextField(el: Element | null) {
  if (!el) return false
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true
  if (el instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit'].includes(el.type)
  return (el as HTMLElement).isContentEditable
}

/** Alt+←/→ anywhere, j/k (next/previous) outside text fields. */
function useNominationKeys(previous: string | null, next: string | null) {
  const navigate = useNavigate()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.defaultPrevented) return
      let to: string | null = null
      if (e.altKey && e.key === 'ArrowRight') to = next
      else if (e.altKey && e.key === 'ArrowLeft') to = previous
      else if (!e.altKey && !e.shiftKey && !isTextField(document.activeElement)) {
        if (e.key === 'j') to = next
        else if (e.key === 'k') to = previous
      }
      if (!to) return
      e.preventDefault()
      navigate(to)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate, previous, next])
}

export default function ScoringPage() {
  const d = useLoaderData<typeof loader>()
  // Keyed by nomination: going to the next one starts from its own saved values, never the previous one's.
  return <ScoringView key={d.nomination.id} d={d} />
}

function ScoringView({ d }: { d: LoaderData }) {
  const actionData = useActionData<FormReply>()
  const t = useT()
  const tr = (e: string) => t(e as MessageKey)
  // One reply for two forms: it goes to the form whose button was pressed.
  const conflictReply = actionData?.result.initialValue?.intent === 'conflict'
  const abstainReply = actionData?.result.initialValue?.intent === 'abstain'
  const [scoreForm] = useZodForm(SaveScoreSchema, {
    id: 'score-form',
    lastResult: conflictReply || abstainReply ? null : actionData?.result,
  })
  const [abstainForm, abstainFields] = useZodForm(AbstainSchema, {
    id: 'abstain-form',
    lastResult: abstainReply ? actionData?.result : null,
  })
  const [conflictForm, conflictFields] = useZodForm(DeclareConflictSchema, {
    id: 'conflict-form',
    lastResult: conflictReply ? actionData?.result : null,
  })
  const locale = useLocale()
  const busy = useNavigation().state === 'submitting'
  const base = `/jury/${d.edition.id}`
  const formRef = useRef<HTMLFormElement>(null)
  const { fetcher, schedule, cancel, pending } = useAutosave(`${base}/${d.nomination.id}/autosave`, formRef, d.serverNow)
  const [values, setValues] = useState<Record<string, number>>(d.score.values)
  const [comment, setComment] = useState(d.score.comment)
  const scale = { scaleMin: d.category.scaleMin, scaleMax: d.category.scaleMax }
  const steps = scaleSteps(scale)
  const total = useMemo(() => weightedTotal(d.criteria, values), [d.criteria, values])
  const needsComment = commentRequired(total, scale.scaleMin, scale.scaleMax)
  const previous = d.previousId ? `${base}/${d.previousId}` : null
  const next = d.nextId ? `${base}/${d.nextId}` : null
  useNominationKeys(previous, next)

  const autosaved = fetcher.data
  // The autosave's refusal when there is one, else the Save button's (Conform's reply).
  const serverFields: Record<string, string[] | undefined> =
    autosaved && !autosaved.ok
      ? (autosaved.fields ?? {})
      : Object.fromEntries(Object.entries(scoreForm.allErrors).map(([name, errors]) => [name, errors.map(tr)]))
  const scoreSummary = [
    ...summaryEntries(
      scoreForm,
      { ...Object.fromEntries(d.criteria.map((c) => [`criterion-${c.id}`, `criterion-${c.id}`])), comment: 'comment' },
      tr,
    ),
    // Not a field of the page: the grid changed, or a tampered intent.
    ...['form', 'intent'].flatMap((name) => (scoreForm.allErrors[name] ?? []).map((e) => ({ text: tr(e) }))),
  ]
  let status = t('jury.autosave.help')
  if (fetcher.state !== 'idle' || pending) status = t('jury.autosave.saving')
  else if (autosaved?.ok)
    status = t('jury.autosave.saved', {
      time: formatTime(locale, autosaved.savedAt),
    })
  else if (autosaved && !autosaved.ok) status = `${t('jury.autosave.failed')} ${autosaved.message}`
  // Computed from what is on screen with the same rule as the server, so it never lags behind a save.
  const complete = isEvaluationComplete(d.criteria, values, comment, scale)

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link to="/jury" className="link">
            <span aria-hidden="true">← </span>
            {t('jury.score.back')}
          </Link>
        </p>
        <p className="text-stone-700">
          {d.edition.title} — {d.category.name}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">
          {d.nomination.nameHidden ? t('juryPanel.dossierReference', { reference: d.nomination.reference }) : d.nomination.structureName}
        </h1>
        <p data-testid="scoring-progress">
          {t('jury.progress', { done: d.progress.done, total: d.progress.total })} ·{' '}
          {t('jury.score.position', { position: d.position, total: d.progress.total })}
          {d.edition.juryEndsAt && <> · {t('jury.home.deadline', { date: d.edition.juryEndsAt })}</>}
        </p>
        <nav aria-label={t('jury.score.navLabel')} className="flex flex-wrap gap-3">
          {previous ? (
            <Link to={previous} className="btn-secondary" rel="prev" aria-keyshortcuts="Alt+ArrowLeft k">
              <span aria-hidden="true">← </span>
              {t('jury.score.previous')}
            </Link>
          ) : null}
          {next ? (
            <Link to={next} className="btn-secondary" rel="next" aria-keyshortcuts="Alt+ArrowRight j">
              {t('jury.score.next')}
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
          <p className="self-center text-sm text-stone-700">{t('jury.score.keys')}</p>
        </nav>
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <Dossier n={d.nomination} />

        <section aria-labelledby="grid-title" className="space-y-4">
          <h2 id="grid-title" className="text-xl font-semibold">
            {t('jury.score.grid')}
          </h2>
          {!d.editable && (
            <p role="status" className="card">
              {d.category.submittedAt ? t('jury.score.submitted', { date: d.category.submittedAt }) : t(`jury.state.${d.edition.state}`)}
            </p>
          )}
          <Form
            method="post"
            ref={formRef}
            className="space-y-4"
            onChange={(e) => {
              if (!d.editable) return
              const target = e.target as HTMLInputElement
              if (target.type === 'radio') schedule(0)
              else schedule()
            }}
            {...getFormProps(scoreForm)}
            onSubmit={(e) => {
              cancel()
              scoreForm.onSubmit(e)
            }}
          >
            <FormErrorSummary links={scoreSummary} />
            {d.criteria.map((c) => {
              const fieldErrors = serverFields[`criterion-${c.id}`]
              return (
                <fieldset
                  key={c.id}
                  className="card space-y-3"
                  aria-describedby={`rubric-${c.id}${fieldErrors?.length ? ` error-${c.id}` : ''}`}
                  disabled={!d.editable}
                >
                  <legend className="px-1 text-lg font-semibold">
                    {c.name} <span className="text-sm font-normal text-stone-700">({t('jury.score.weight', { weight: c.weight })})</span>
                  </legend>
                  <p id={`rubric-${c.id}`} className="whitespace-pre-line text-stone-800">
                    {c.rubric || t('jury.score.noRubric')}
                  </p>
                  <div className="flex flex-wrap gap-2">
                    {steps.map((v, i) => (
                      <label key={v} className="relative">
                        <input
                          id={i === 0 ? `criterion-${c.id}` : undefined}
                          type="radio"
                          name={`${CRITERION_FIELD_PREFIX}${c.id}`}
                          value={v}
                          checked={values[c.id] === v}
                          onChange={() => setValues((prev) => ({ ...prev, [c.id]: v }))}
                          className="peer score-step-input"
                        />
                        <span className="score-step">{v}</span>
                      </label>
                    ))}
                  </div>
                  <ErrorList id={`error-${c.id}`} errors={fieldErrors} />
                </fieldset>
              )
            })}
            <div className="card space-y-3">
              <p data-testid="total">
                <span className="font-medium">{t('jury.score.total')} : </span>
                {formatTotal(total, locale)} / {scale.scaleMax}
              </p>
              <TextareaField
                label={t('jury.score.comment')}
                help={needsComment ? t('jury.score.commentRequired') : t('jury.score.commentHelp')}
                name="comment"
                id="comment"
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                maxLength={MAX_COMMENT_LENGTH}
                rows={5}
                disabled={!d.editable}
                aria-required={needsComment || undefined}
                errors={serverFields.comment}
              />
              <p data-testid="completeness">{t(complete ? 'jury.status.complete' : 'jury.status.incompleteHelp')}</p>
              <p role="status" aria-live="polite" className="text-sm text-stone-700" data-testid="autosave-status">
                {status}
              </p>
              {d.editable && (
                <button type="submit" name="intent" value="save" className="btn-primary" disabled={busy}>
                  {t('jury.score.save')}
                </button>
              )}
            </div>
          </Form>

          {d.abstention ? (
            <div className="card space-y-3" data-testid="abstention">
              <p role="status">{t('juryPanel.abstain.current', { reason: d.abstention.reason })}</p>
              {d.editable && (
                <Form method="post">
                  <button type="submit" name="intent" value="withdraw-abstention" className="btn-secondary" disabled={busy}>
                    {t('juryPanel.abstain.withdraw')}
                  </button>
                </Form>
              )}
            </div>
          ) : (
            d.editable && (
              <details className="card" open={abstainReply || undefined}>
                <summary className="cursor-pointer font-semibold">{t('juryPanel.abstain.title')}</summary>
                <Form method="post" className="mt-4 space-y-3" {...getFormProps(abstainForm)}>
                  <FormErrorSummary links={summaryEntries(abstainForm, { reason: 'abstain-reason' }, tr)} />
                  <p className="text-sm text-stone-700">{t('juryPanel.abstain.help')}</p>
                  <TextareaField
                    label={t('juryPanel.abstain.reason')}
                    name={abstainFields.reason.name}
                    key={abstainFields.reason.key}
                    defaultValue={abstainFields.reason.initialValue}
                    id="abstain-reason"
                    required
                    maxLength={ABSTENTION_REASON_MAX}
                    rows={3}
                    errors={abstainFields.reason.errors?.map(tr)}
                  />
                  <button type="submit" name="intent" value="abstain" className="btn-secondary" disabled={busy}>
                    {t('juryPanel.abstain.submit')}
                  </button>
                </Form>
              </details>
            )
          )}

          <details className="card">
            <summary className="cursor-pointer font-semibold">{t('jury.conflict.declare')}</summary>
            <Form method="post" className="mt-4 space-y-3" {...getFormProps(conflictForm)}>
              <FormErrorSummary
                links={summaryEntries(conflictForm, { kind: 'conflict-kind', note: 'conflict-note' }, tr).concat(
                  (conflictForm.allErrors.intent ?? []).map((e) => ({ text: tr(e) })),
                )}
              />
              <p className="text-sm text-stone-700">{t('jury.conflict.help')}</p>
              <SelectField
                label={t('jury.conflict.kind')}
                name={conflictFields.kind.name}
                key={conflictFields.kind.key}
                defaultValue={conflictFields.kind.initialValue}
                id="conflict-kind"
                required
                options={CONFLICT_KINDS.map((k) => ({ value: k, label: t(conflictKindLabelKey(k)) }))}
                errors={conflictFields.kind.errors?.map(tr)}
              />
              <TextareaField
                label={t('jury.conflict.note')}
                name={conflictFields.note.name}
                key={conflictFields.note.key}
                defaultValue={conflictFields.note.initialValue}
                id="conflict-note"
                maxLength={MAX_CONFLICT_NOTE_LENGTH}
                rows={3}
                errors={conflictFields.note.errors?.map(tr)}
              />
              <button type="submit" name="intent" value="conflict" className="btn-danger" disabled={busy}>
                {t('jury.conflict.submit')}
              </button>
            </Form>
          </details>
        </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
