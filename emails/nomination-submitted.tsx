// Confirms a submitted nomination with a summary of what was sent, and the link to change it
// until the deadline.
import { Heading, Section, Text } from '@react-email/components'
import { formatDate, formatDateTime } from '#app/shared/time.ts'
import { formatMoney, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { ActionButton } from './event-parts.tsx'
import { colors, EmailLayout, heading, paragraph } from './layout.tsx'

export type NominationSummary = {
  structureName: string
  siret: string
  /** Legal form code (association, cooperative…), translated when rendered. */
  legalForm: string
  /** YYYY-MM-DD */
  creationDate: string
  town: string
  departement: string
  contactName: string
  category: string
  projectTitle: string
  budgetCents: number | null
  attachments: string[]
}

export type NominationSubmittedProps = {
  editionTitle: string
  editUrl: string
  closesAt: string
  firstName: string
  summary: NominationSummary
  resubmitted: boolean
}

export const nominationSubmittedSubject = (locale: Locale, p: NominationSubmittedProps) =>
  translate(locale, p.resubmitted ? 'email.nomination.submitted.subjectUpdated' : 'email.nomination.submitted.subject', {
    title: p.editionTitle,
  })

const row = { ...paragraph, margin: '4px 0' }

export function NominationSubmitted(p: NominationSubmittedProps & { locale: Locale }) {
  const t = (key: MessageKey, params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  const s = p.summary
  const lines: [MessageKey, string][] = [
    ['nomination.field.structureName', s.structureName],
    ['nomination.field.siret', s.siret],
    ['nomination.field.legalForm', s.legalForm ? t(`prize.legalForm.${s.legalForm}` as MessageKey) : ''],
    ['nomination.field.creationDate', s.creationDate ? formatDate(p.locale, `${s.creationDate}T12:00:00Z`) : ''],
    ['nomination.field.town', [s.town, s.departement ? `(${s.departement})` : ''].filter(Boolean).join(' ')],
    ['nomination.summary.contact', s.contactName],
    ['nomination.field.categoryId', s.category],
    ['nomination.field.projectTitle', s.projectTitle],
    ['nomination.field.budget', s.budgetCents === null ? '' : formatMoney(p.locale, s.budgetCents)],
    ['nomination.summary.attachments', s.attachments.length ? s.attachments.join(', ') : t('nomination.summary.none')],
  ]
  return (
    <EmailLayout locale={p.locale} preview={t('email.nomination.submitted.heading')}>
      <Heading as="h1" style={heading}>
        {t('email.nomination.submitted.heading')}
      </Heading>
      <Text style={paragraph}>{t('email.greeting', { name: p.firstName })}</Text>
      <Text style={paragraph}>
        {t(p.resubmitted ? 'email.nomination.submitted.bodyUpdated' : 'email.nomination.submitted.body', { title: p.editionTitle })}
      </Text>
      <Section style={{ backgroundColor: colors.page, borderRadius: '6px', padding: '12px 16px', margin: '16px 0' }}>
        {lines
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <Text key={label} style={row}>
              <strong>
                {t(label)}
                {p.locale === 'fr' ? '\u202f:' : ':'}
              </strong>{' '}
              {value}
            </Text>
          ))}
      </Section>
      <Text style={paragraph}>{t('email.nomination.submitted.edit', { deadline: formatDateTime(p.locale, p.closesAt) })}</Text>
      <ActionButton href={p.editUrl}>{t('email.nomination.link.button')}</ActionButton>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>{t('email.nomination.link.private')}</Text>
    </EmailLayout>
  )
}
