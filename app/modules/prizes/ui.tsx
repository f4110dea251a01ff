// Pieces shared by the organiser's prize pages: status badge, page header with the edition's
// sections, and the edition form's fields (new and edit).
import type { ReactNode } from 'react'
import { ChoiceGroup, CheckboxField, TextareaField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { LifecycleBadge, SectionPageHeader } from '#app/ui/section-header.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'
import { editionStatusLabelKey, LEGAL_FORMS, legalFormLabelKey } from './rules.ts'
import { PRIZE_LIMITS } from './schema.ts'

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
export function EditionFormFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string[]> }) {
  const t = useT()
  const v = (k: string) => values[k] ?? ''
  const dateField = (name: string, label: MessageKey, required = false) => (
    <TextField
      type="datetime-local"
      name={name}
      id={`edition-${name}`}
      label={t(label)}
      defaultValue={v(name)}
      required={required}
      errors={errors[name]}
    />
  )
  return (
    <>
      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-semibold">{t('prizes.form.presentation')}</legend>
        <TextField
          name="title"
          id="edition-title"
          label={t('prize.field.title')}
          help={t('prize.field.titleHelp')}
          defaultValue={v('title')}
          required
          maxLength={PRIZE_LIMITS.title}
          errors={errors.title}
        />
        <TextField
          name="year"
          id="edition-year"
          type="number"
          inputMode="numeric"
          min={PRIZE_LIMITS.yearMin}
          max={PRIZE_LIMITS.yearMax}
          label={t('prize.field.year')}
          defaultValue={v('year')}
          required
          errors={errors.year}
          className="max-w-40"
        />
        <TextareaField
          name="description"
          id="edition-description"
          label={t('prize.field.description')}
          help={t('prize.field.descriptionHelp')}
          defaultValue={v('description')}
          rows={6}
          errors={errors.description}
        />
        <TextareaField
          name="rules"
          id="edition-rules"
          label={t('prize.field.rules')}
          help={t('prize.field.rulesHelp')}
          defaultValue={v('rules')}
          rows={10}
          errors={errors.rules}
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
        <ChoiceGroup
          legend={t('prize.field.eligibleLegalForms')}
          help={t('prize.field.eligibleLegalFormsHelp')}
          name="eligibleLegalForms"
          type="checkbox"
          options={LEGAL_FORMS.map((f) => ({ value: f, label: t(legalFormLabelKey(f)) }))}
          defaultValue={v('eligibleLegalForms').split(',').filter(Boolean)}
          errors={errors.eligibleLegalForms}
        />
        <TextField
          name="minAgeYears"
          id="edition-minAgeYears"
          type="number"
          inputMode="numeric"
          min={0}
          max={PRIZE_LIMITS.minAgeMax}
          label={t('prize.field.minAgeYears')}
          help={t('prize.field.minAgeYearsHelp')}
          defaultValue={v('minAgeYears')}
          errors={errors.minAgeYears}
          className="max-w-xs"
        />
        <TextField
          name="eligibleDepartements"
          id="edition-eligibleDepartements"
          label={t('prize.field.eligibleDepartements')}
          help={t('prize.field.eligibleDepartementsHelp')}
          defaultValue={v('eligibleDepartements')}
          errors={errors.eligibleDepartements}
        />
      </fieldset>

      <fieldset className="card space-y-4">
        <legend className="px-1 text-lg font-semibold">{t('prizes.form.publicVote')}</legend>
        <CheckboxField
          name="publicVoteEnabled"
          id="edition-publicVoteEnabled"
          label={t('prize.field.publicVoteEnabled')}
          defaultChecked={v('publicVoteEnabled') === 'on'}
          errors={errors.publicVoteEnabled}
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
