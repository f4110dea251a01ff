// Importing contacts from a CSV file in three steps, all working without JavaScript:
// 1. upload the file (5 MB at most); 2. check the columns' mapping and the preview of the first
// rows, add tags, choose whether existing contacts are updated; 3. read the report: created,
// updated, unchanged and every rejected row with its line, its content and the reason.
// Between the steps the file travels back compressed in a hidden field (carry.server.ts).
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { packUpload, unpackUpload } from '#app/modules/contacts/carry.server.ts'
import { CONTACT_FIELDS, IMPORT_MAX_BYTES, PREVIEW_ROWS, type ContactField } from '#app/modules/contacts/limits.ts'
import {
  importMappingFormSchema,
  importUploadFormSchema,
  mappingFromFields,
  tagsToAddFromForm,
  type ColumnMapping,
} from '#app/modules/contacts/schema.ts'
import { previewImport, reasonText, runImport, type RejectedRow } from '#app/modules/contacts/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { CheckboxField, ErrorList, FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'

const MAX_MB = IMPORT_MAX_BYTES / 1024 / 1024

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'contacts.import.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'contact.import')
  return { organisation: { slug: organisation.slug, name: organisation.name } }
}

type Rejected = { line: number; raw: string; reasons: string[] }
type MappingStep = {
  step: 'mapping'
  filename: string
  carry: string
  encoding: string
  separator: string
  headers: string[]
  mapping: Record<ContactField, number | null>
  sample: { line: number; values: Record<ContactField, string>; reasons: string[] }[]
  rows: number
  valid: number
  existing: number
  rejected: Rejected[]
  blankLines: number[]
  tagsToAdd: string
  updateExisting: boolean
  error: string | null
}
type ReportStep = {
  step: 'report'
  filename: string
  rows: number
  created: number
  updated: number
  unchanged: number
  rejected: Rejected[]
  blankLines: number[]
}
/** The first step again, with Conform's reply (the file refused, or lost on the way back). */
type UploadStep = FormReply & { step?: undefined }
type Result = MappingStep | ReportStep | UploadStep

const rejectedText = (locale: Locale, rows: RejectedRow[]): Rejected[] =>
  rows.map((r) => ({ line: r.line, raw: r.raw, reasons: r.reasons.map((reason) => reasonText(locale, reason)) }))

async function readForm(request: Request): Promise<FormData | 'tooLarge'> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) return request.formData()
  if (Number(request.headers.get('Content-Length') ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) return 'tooLarge'
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return 'tooLarge'
    throw error
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { organisation, user } = await requirePermission(request, params.org, 'contact.import')
  const locale = localeFromRequest(request)
  const form = await readForm(request)
  if (form === 'tooLarge') {
    // The upload was not read: the reply names the file field, with nothing to keep.
    const submission = parseWithZod(new FormData(), { schema: importUploadFormSchema })
    const tooLarge = translate(locale, 'contacts.import.error.tooLarge', { max: MAX_MB })
    return data<Result>({ result: submission.reply({ fieldErrors: { file: [tooLarge] } }) }, { status: 413 })
  }

  /** The second step: what the file holds under a mapping (guessed at first), and the options chosen. */
  const mappingStep = async (
    bytes: Uint8Array,
    filename: string,
    chosen: ColumnMapping | undefined,
    options: { tagsToAdd: string; updateExisting: boolean },
    status = 200,
  ) => {
    const preview = await previewImport(organisation.id, bytes, chosen)
    const mapping = preview.mapping
    return data<Result>(
      {
        step: 'mapping',
        filename,
        carry: packUpload(bytes),
        encoding: preview.encoding,
        separator: preview.separator,
        headers: preview.headers,
        mapping,
        sample: preview.sample.map((s) => ({ line: s.line, values: s.values, reasons: s.reasons.map((r) => reasonText(locale, r)) })),
        rows: preview.rows,
        valid: preview.valid,
        existing: preview.existing,
        rejected: rejectedText(locale, preview.rejected),
        blankLines: preview.blankLines,
        tagsToAdd: options.tagsToAdd,
        updateExisting: options.updateExisting,
        error: mapping.email === null ? translate(locale, 'contacts.import.error.emailColumn') : null,
      },
      { status },
    )
  }

  if ((form.get('intent') ?? 'upload') === 'upload') {
    return submitForm(request, form, importUploadFormSchema, async ({ file }) =>
      mappingStep(new Uint8Array(await file.arrayBuffer()), file.name.slice(0, 200), undefined, { tagsToAdd: '', updateExisting: false }),
    )
  }
  return submitForm(request, form, importMappingFormSchema, async ({ intent, carry, filename, map, tagsToAdd, updateExisting }) => {
    const bytes = unpackUpload(carry)
    const chosen = mappingFromFields(map)
    if (intent === 'import') {
      try {
        const report = await runImport(
          organisation.id,
          bytes,
          chosen,
          { tagsToAdd: tagsToAddFromForm(tagsToAdd), updateExisting },
          { actorUserId: user.id },
        )
        return data<Result>({
          step: 'report',
          filename,
          rows: report.rows,
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          rejected: rejectedText(locale, report.rejected),
          blankLines: report.blankLines,
        })
      } catch (error) {
        // No address column chosen: the second step again, which says so.
        if (!isAppError(error) || error.code !== 'import_no_email') throw error
        return mappingStep(bytes, filename, chosen, { tagsToAdd, updateExisting }, 400)
      }
    }
    return mappingStep(bytes, filename, chosen, { tagsToAdd, updateExisting })
  })
}

const separatorLabel = (s: string): MessageKey =>
  s === ';' ? 'contacts.import.sep.semicolon' : s === ',' ? 'contacts.import.sep.comma' : 'contacts.import.sep.tab'

function RejectedTable({ rows, captionKey }: { rows: Rejected[]; captionKey: MessageKey }) {
  const t = useT()
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="rejected-rows">
        <caption className="text-left font-semibold">{t(captionKey, { count: rows.length })}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-3">
              {t('contacts.import.line')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('contacts.import.content')}
            </th>
            <th scope="col" className="py-2">
              {t('contacts.import.reason')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className="border-b border-stone-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                {r.line}
              </th>
              <td className="py-2 pr-3">
                <code className="break-all whitespace-pre-wrap">{r.raw}</code>
              </td>
              <td className="py-2">
                <ul>
                  {r.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function UploadForm({ lastResult }: { lastResult?: FormReply['result'] }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(importUploadFormSchema, { id: 'import-upload', lastResult })
  const message = (e: string) => t(e as MessageKey, { max: MAX_MB })
  const errors = fields.file.errors?.map(message)
  return (
    <section aria-labelledby="upload-title" className="card space-y-4">
      <h2 id="upload-title" className="text-xl font-semibold">
        {t('contacts.import.step1')}
      </h2>
      <p className="text-stone-700">{t('contacts.import.uploadHelp', { max: MAX_MB })}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
        <FormErrorSummary links={summaryEntries(form, { file: 'import-file' }, message)} />
        <input type="hidden" name="intent" value="upload" />
        <div>
          <label htmlFor="import-file" className="label">
            {t('contacts.import.file')}
          </label>
          <input
            id="import-file"
            key={fields.file.key}
            name={fields.file.name}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            required
            className="block w-full text-sm"
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? 'import-file-error' : undefined}
          />
          <ErrorList id="import-file-error" errors={errors ?? null} />
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t('contacts.import.uploadSubmit')}
        </button>
      </Form>
    </section>
  )
}

function MappingForm({ step }: { step: MappingStep }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const column = (i: number) => `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`
  return (
    <section aria-labelledby="mapping-title" className="card space-y-5">
      <h2 id="mapping-title" className="text-xl font-semibold">
        {t('contacts.import.step2')}
      </h2>
      <p data-testid="import-detected">
        {t('contacts.import.detected', {
          filename: step.filename,
          encoding: step.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
          separator: t(separatorLabel(step.separator)),
          columns: step.headers.length,
        })}
      </p>
      <p data-testid="import-summary">
        {t('contacts.import.summary', { rows: step.rows, valid: step.valid, existing: step.existing, rejected: step.rejected.length })}
      </p>
      {step.blankLines.length > 0 && (
        <p>{t('contacts.import.blankLines', { count: step.blankLines.length, lines: step.blankLines.join(', ') })}</p>
      )}
      <Form method="post" className="space-y-5">
        <input type="hidden" name="carry" value={step.carry} />
        <input type="hidden" name="filename" value={step.filename} />
        {step.error && (
          <p role="alert" className="field-error">
            {step.error}
          </p>
        )}
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">{t('contacts.import.mapping')}</legend>
          <p className="text-sm text-stone-700">{t('contacts.import.mappingHelp')}</p>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {CONTACT_FIELDS.map((field) => (
              <div key={field}>
                <label htmlFor={`map-${field}`} className="label">
                  {t(`contacts.field.${field}` as MessageKey)}
                  {field === 'email' && <span className="text-red-800"> *</span>}
                </label>
                <select
                  id={`map-${field}`}
                  name={`map.${field}`}
                  className="input"
                  defaultValue={step.mapping[field] === null ? '' : String(step.mapping[field])}
                >
                  <option value="">{t('contacts.import.notImported')}</option>
                  {step.headers.map((h, i) => (
                    <option key={i} value={String(i)}>
                      {`${column(i)} — ${h || t('contacts.import.untitled')}`}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" name="intent" value="preview" className="btn-secondary" disabled={busy}>
          {t('contacts.import.refresh')}
        </button>

        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="import-preview">
            <caption className="text-left font-semibold">
              {t('contacts.import.previewCaption', { count: Math.min(PREVIEW_ROWS, step.sample.length) })}
            </caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">
                  {t('contacts.import.line')}
                </th>
                {CONTACT_FIELDS.filter((f) => step.mapping[f] !== null).map((f) => (
                  <th key={f} scope="col" className="py-2 pr-3">
                    {t(`contacts.field.${f}` as MessageKey)}
                  </th>
                ))}
                <th scope="col" className="py-2">
                  {t('contacts.import.check')}
                </th>
              </tr>
            </thead>
            <tbody>
              {step.sample.map((row) => (
                <tr key={row.line} className="border-b border-stone-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {row.line}
                  </th>
                  {CONTACT_FIELDS.filter((f) => step.mapping[f] !== null).map((f) => (
                    <td key={f} className="py-2 pr-3">
                      {row.values[f]}
                    </td>
                  ))}
                  <td className="py-2">{row.reasons.length === 0 ? t('contacts.import.ok') : row.reasons.join(' ; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        {step.rejected.length > 0 && <RejectedTable rows={step.rejected} captionKey="contacts.import.willReject" />}

        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">{t('contacts.import.options')}</legend>
          <TextField
            id="import-tags"
            name="tagsToAdd"
            label={t('contacts.import.tagsToAdd')}
            help={t('contacts.field.tagsHelp')}
            defaultValue={step.tagsToAdd}
          />
          <CheckboxField
            id="import-update"
            name="updateExisting"
            label={t('contacts.import.updateExisting')}
            help={t('contacts.import.updateExistingHelp')}
            defaultChecked={step.updateExisting}
          />
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="import" className="btn-primary" disabled={busy}>
            {t('contacts.import.submit', { count: step.valid })}
          </button>
        </div>
      </Form>
    </section>
  )
}

function Report({ step, orgSlug }: { step: ReportStep; orgSlug: string }) {
  const t = useT()
  return (
    <section aria-labelledby="report-title" className="card space-y-4" data-testid="import-report">
      <h2 id="report-title" className="text-xl font-semibold" tabIndex={-1}>
        {t('contacts.import.step3')}
      </h2>
      <p>{t('contacts.import.reportFile', { filename: step.filename, rows: step.rows })}</p>
      <ul className="grid gap-2 sm:grid-cols-4">
        <li className="rounded-md bg-brand-50 p-3" data-testid="report-created">
          {t('contacts.import.created', { count: step.created })}
        </li>
        <li className="rounded-md bg-stone-100 p-3" data-testid="report-updated">
          {t('contacts.import.updated', { count: step.updated })}
        </li>
        <li className="rounded-md bg-stone-100 p-3" data-testid="report-unchanged">
          {t('contacts.import.unchanged', { count: step.unchanged })}
        </li>
        <li className="rounded-md bg-red-50 p-3" data-testid="report-rejected">
          {t('contacts.import.rejected', { count: step.rejected.length })}
        </li>
      </ul>
      {step.blankLines.length > 0 && (
        <p>{t('contacts.import.blankLines', { count: step.blankLines.length, lines: step.blankLines.join(', ') })}</p>
      )}
      {step.rejected.length > 0 && <RejectedTable rows={step.rejected} captionKey="contacts.import.rejectedCaption" />}
      <p className="flex flex-wrap gap-3">
        <Link to={`/o/${orgSlug}/contacts`} className="btn-primary">
          {t('contacts.import.toList')}
        </Link>
        <Link to={`/o/${orgSlug}/contacts/import`} className="btn-secondary" reloadDocument>
          {t('contacts.import.another')}
        </Link>
      </p>
    </section>
  )
}

export default function ContactsImport() {
  const t = useT()
  const { organisation } = useLoaderData<typeof loader>()
  const result = useActionData<Result>()
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link to={`/o/${organisation.slug}/contacts`} className="link">
            {t('contacts.list.title')}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t('contacts.import.title')}</h1>
        <p className="text-stone-700">{t('contacts.import.intro')}</p>
      </header>
      {!result?.step ? (
        <UploadForm lastResult={result?.result} />
      ) : result.step === 'mapping' ? (
        <MappingForm key={result.carry.slice(0, 32) + JSON.stringify(result.mapping)} step={result} />
      ) : (
        <Report step={result} orgSlug={organisation.slug} />
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
