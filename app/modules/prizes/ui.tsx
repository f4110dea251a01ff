// Pieces shared by the organiser's prize pages: status badge, page header with the edition's
// sections, and the edition form's fields (new and edit).
import type { ReactNode } from 'react'
import { ChoiceGroup, CheckboxField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { LifecycleBadge, SectionPageHeader } from '#app/ui/section-header.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'
import { editionStatusLabelKey, LEGAL_FORMS, legalFormLabelKey } from './rules.ts'
import { PRIZE_LIMITS, type EditionFormInput } from './schema.ts'

/** The edition form's field names, in the order the form shows them (the error summary's order). */
export const EDITION_FIELD_NAMES = [
  'title',
  'year',
  'description',
  'rules',
  'submissionsOpenAt',
  'submissionsCloseAt',
  'juryStartsAt',
  'juryEndsAt',
  'announcementAt',
  'eligibleLegalForms',
  'minAgeYears',
  'eligibleDepartements',
  'publicVoteEnabled',
  'voteOpensAt',
  'voteClosesAt',
] as const satisfies readonly (keyof EditionFormInput)[]
export type EditionFieldName = (typeof EDITION_FIELD_NAMES)[number]

export function editionPath(orgSlug: string, editionId: string, section = '') {
  return `/o/${orgSlug}/prizes/${editionId}${section ? `/${section}` : ''}`
}

export function EditionStatusBadge({ status }: { status: string }) {
  const t = useT()
  return <LifecycleBadge status={status} label={t(editionStatusLabelKey(status))} />
}

const SECTIONS: { section: string; key: MessageKey }[] = [
  { section: '', key: 'prizes.nav.summary' },
  { section: 'edit', key: 'prizes.nav.edit' },
  { section: 'categories', key: 'prizes.nav.categories' },
  { section: 'questions', key: 'prizes.nav.questions' },
  { section: 'nominations', key: 'prizeReview.nav.nominations' },
  { section: 'call', key: 'prizeReview.nav.call' },
  { section: 'votes', key: 'votes.admin.title' },
  { section: 'jury', key: 'jury.nav.tab' },
  { section: 'assignments', key: 'juryAdmin.nav.assignments' },
  { section: 'scoring', key: 'juryAdmin.nav.scoring' },
  { section: 'results', key: 'juryAdmin.nav.results' },
  { section: 'report', key: 'juryAdmin.nav.report' },
]

/** Title of an edition page (the one h1), its status and the links to its sections. */
export function EditionPageHeader({
  orgSlug,
  edition,
  heading,
  children,
}: {
  orgSlug: string
  edition: { id: string; title: string; status: string; editable: boolean }
  heading?: string
  children?: ReactNode
}) {
  const t = useT()
  return (
    <SectionPageHeader
      back={{ to: `/o/${orgSlug}/prizes`, label: t('prizes.nav.backToList') }}
      title={edition.title}
      heading={heading}
      badge={<EditionStatusBadge status={edition.status} />}
      navLabel={t('prizes.nav.label')}
      sections={SECTIONS.filter((s) => edition.editable || s.section !== 'edit').map((s) => ({
        to: editionPath(orgSlug, edition.id, s.section),
        label: t(s.key),
      }))}
    >
      {children}
    </SectionPageHeader>
  )
}

/** Empty form of a new edition: next year, the usual two-year minimum age. */
export function editionFormDefaults(now = new Date()): Record<string, string> {
  const year = now.getUTCFullYear() + (now.getUTCMonth() >= 6 ? 1 : 0)
  return {
    title: '',
    year: String(year),
    description: '',
    rules: '',
    submissionsOpenAt: `${year}-05-10T09:00`,
    submissionsCloseAt: `${year}-06-30T23:59`,
    juryStartsAt: '',
    juryEndsAt: '',
    announcementAt: '',
    eligibleLegalForms: LEGAL_FORMS.filter((f) => f !== 'other').join(','),
    minAgeYears: '2',
    eligibleDepartements: '',
    publicVoteEnabled: '',
    voteOpensAt: '',
    voteClosesAt: '',
  }
}

/** The edition's fields: presentation, calendar (Paris time), eligibility, public vote. */
/** One field of the edition form as Conform gives it (`useZodForm(editionFormSchema)`). */
type EditionField = { id: string; name: string; key?: string; initialValue?: string | (string | undefined)[]; errors?: string[] }

/** The edition form's fields (new and edit), from Conform's fields; errors are message keys. */
export function EditionFormFields({ fields }: { fields: Record<EditionFieldName, EditionField> }) {
  const t = useT()
  const f = (name: EditionFieldName) => ({
    id: fields[name].id,
    name: fields[name].name,
    key: fields[name].key,
    errors: fields[name].errors?.map((e) => t(e as MessageKey)),
  })
  const v = (name: EditionFieldName) => {
    const value = fields[name].initialValue
    return Array.isArray(value) ? value.join(',') : (value ?? '')
  }
  const dateField = (name: EditionFieldName, label: MessageKey, required = false) => (
    <TextField type="datetime-local" {...f(name)} label={t(label)} defaultValue={v(name)} required={required} />
  )
  return (
    <>
      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-semibold">{t('prizes.form.presentation')}</legend>
        <TextField
          {...f('title')}
          label={t('prize.field.title')}
          help={t('prize.field.titleHelp')}
          defaultValue={v('title')}
          required
          maxLength={PRIZE_LIMITS.title}
        />
        <TextField
          {...f('year')}
          type="number"
          inputMode="numeric"
          min={PRIZE_LIMITS.yearMin}
          max={PRIZE_LIMITS.yearMax}
          label={t('prize.field.year')}
          defaultValue={v('year')}
          required
          className="max-w-40"
        />
        <TextareaField
          {...f('description')}
          label={t('prize.field.description')}
          help={t('prize.field.descriptionHelp')}
          defaultValue={v('description')}
          rows={6}
        />
        <TextareaField
          {...f('rules')}
          label={t('prize.field.rules')}
          help={t('prize.field.rulesHelp')}
          defaultValue={v('rules')}
          rows={10}
        />
      </fieldset>

      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-semibold">{t('prizes.form.calendar')}</legend>
        <p className="text-sm text-stone-700">{t('prize.field.timesHelp')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {dateField('submissionsOpenAt', 'prize.field.submissionsOpenAt', true)}
          {dateField('submissionsCloseAt', 'prize.field.submissionsCloseAt', true)}
          {dateField('juryStartsAt', 'prize.field.juryStartsAt')}
          {dateField('juryEndsAt', 'prize.field.juryEndsAt')}
          {dateField('announcementAt', 'prize.field.announcementAt')}
        </div>
      </fieldset>

      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-semibold">{t('prizes.form.eligibility')}</legend>
        {/* The error summary links to the group through this id. */}
        <div id={fields.eligibleLegalForms.id} key={fields.eligibleLegalForms.key}>
          <ChoiceGroup
            legend={t('prize.field.eligibleLegalForms')}
            help={t('prize.field.eligibleLegalFormsHelp')}
            name={fields.eligibleLegalForms.name}
            type="checkbox"
            options={LEGAL_FORMS.map((form) => ({ value: form, label: t(legalFormLabelKey(form)) }))}
            defaultValue={v('eligibleLegalForms').split(',').filter(Boolean)}
            errors={f('eligibleLegalForms').errors}
          />
        </div>
        <TextField
          {...f('minAgeYears')}
          type="number"
          inputMode="numeric"
          min={0}
          max={PRIZE_LIMITS.minAgeMax}
          label={t('prize.field.minAgeYears')}
          help={t('prize.field.minAgeYearsHelp')}
          defaultValue={v('minAgeYears')}
          className="max-w-xs"
        />
        <TextField
          {...f('eligibleDepartements')}
          label={t('prize.field.eligibleDepartements')}
          help={t('prize.field.eligibleDepartementsHelp')}
          defaultValue={v('eligibleDepartements')}
        />
      </fieldset>

      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-semibold">{t('prizes.form.publicVote')}</legend>
        <CheckboxField
          {...f('publicVoteEnabled')}
          label={t('prize.field.publicVoteEnabled')}
          defaultChecked={v('publicVoteEnabled') === 'on'}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          {dateField('voteOpensAt', 'prize.field.voteOpensAt')}
          {dateField('voteClosesAt', 'prize.field.voteClosesAt')}
        </div>
      </fieldset>
    </>
  )
}

/** A nomination's attachments as download links with their size; `empty` when it has none. */
export function AttachmentList({
  attachments,
  empty,
}: {
  attachments: { id: string; filename: string; size: number; href: string }[]
  empty: string
}) {
  const t = useT()
  if (attachments.length === 0) return <p>{empty}</p>
  return (
    <ul className="list-disc space-y-1 pl-6">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={a.href} className="link" download>
            {a.filename}
          </a>{' '}
          <span className="text-sm text-stone-600">({t('prizeReview.detail.size', { size: Math.max(1, Math.round(a.size / 1024)) })})</span>
        </li>
      ))}
    </ul>
  )
}

/** The edition form's field ids by name, for the error summary's links. */
export function editionFieldIds(fields: Record<EditionFieldName, { id: string }>) {
  return Object.fromEntries(EDITION_FIELD_NAMES.map((name) => [name, fields[name].id]))
}
