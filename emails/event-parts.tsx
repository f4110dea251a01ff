// Pieces shared by the event and registration emails: the event block and the action button.
import { Button, Heading, Img, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import { formatEventWhen } from '#app/shared/time.ts'
import { translate, type Locale, type MessageKey, type MessageParams } from '#app/utils/i18n.ts'
import { colors, EmailLayout, heading, paragraph } from './layout.tsx'

export type EventSummary = {
  slug: string
  title: string
  startsAt: string
  endsAt: string
  timeZone: string
  venue: string | null
  onlineUrl: string | null
}

/** The event's dates as its public page shows them ("jeudi 4 février 2027, 9 h – 17 h 30"). */
export function eventWhen(locale: Locale, event: EventSummary) {
  return formatEventWhen(locale, event.startsAt, event.endsAt, event.timeZone)
}

export function EventBlock({ locale, event }: { locale: Locale; event: EventSummary }) {
  return (
    <Section style={{ backgroundColor: colors.page, borderRadius: '6px', padding: '12px 16px', margin: '16px 0' }}>
      <Text style={{ ...paragraph, fontWeight: 700, margin: '4px 0' }}>{event.title}</Text>
      <Text style={{ ...paragraph, margin: '4px 0' }}>
        {translate(locale, 'email.event.when')} {eventWhen(locale, event)}
      </Text>
      {event.venue && (
        <Text style={{ ...paragraph, margin: '4px 0' }}>
          {translate(locale, 'email.event.where')} {event.venue}
        </Text>
      )}
      {event.onlineUrl && (
        <Text style={{ ...paragraph, margin: '4px 0' }}>
          {translate(locale, 'email.event.online')} {event.onlineUrl}
        </Text>
      )}
    </Section>
  )
}

export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '24px 0' }}>
      <Button
        href={href}
        style={{
          backgroundColor: colors.brand,
          borderRadius: '6px',
          color: '#ffffff',
          fontSize: '16px',
          fontWeight: 600,
          padding: '12px 20px',
          textDecoration: 'none',
        }}
      >
        {children}
      </Button>
    </Section>
  )
}

/** The common shape of an event email: greeting, heading, paragraphs, event block, optional button. */
export function EventEmail(props: {
  locale: Locale
  firstName: string
  event: EventSummary
  heading: MessageKey
  paragraphs: { key: MessageKey; params?: MessageParams }[]
  button?: { href: string; label: MessageKey }
  qrCid?: string
  ticketCode?: string
  extra?: ReactNode
}) {
  const { locale } = props
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params)
  return (
    <EmailLayout locale={locale} preview={`${t(props.heading)} — ${props.event.title}`}>
      <Heading as="h1" style={heading}>
        {t(props.heading)}
      </Heading>
      <Text style={paragraph}>{t('email.greeting', { name: props.firstName })}</Text>
      {props.paragraphs.map((p) => (
        <Text key={p.key} style={paragraph}>
          {t(p.key, p.params)}
        </Text>
      ))}
      {props.extra}
      <EventBlock locale={locale} event={props.event} />
      {props.ticketCode && (
        <Section style={{ textAlign: 'center', margin: '16px 0' }}>
          {props.qrCid && (
            <Img src={`cid:${props.qrCid}`} width="180" height="180" alt={t('email.ticket.qrAlt')} style={{ margin: '0 auto' }} />
          )}
          <Text style={{ ...paragraph, fontFamily: 'monospace', fontSize: '18px', letterSpacing: '2px' }}>
            {t('email.ticket.code', { code: props.ticketCode })}
          </Text>
        </Section>
      )}
      {props.button && <ActionButton href={props.button.href}>{t(props.button.label)}</ActionButton>}
    </EmailLayout>
  )
}
