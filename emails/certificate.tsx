// A certificate of attendance (certificat de réalisation or attestation de présence) sent after
// the event; the PDF is drawn when the message is rendered, from the document stored in the props.
import { Heading, Text } from '@react-email/components'
import { certificateFilename, certificatePdf, type CertificateDocument } from '#app/modules/attendance/certificate-pdf.server.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EmailLayout, heading, paragraph } from './layout.tsx'
import type { EmailAttachment } from './ticket-attachments.ts'

export type CertificateProps = { firstName: string; eventTitle: string; document: CertificateDocument }

export const certificateSubject = (locale: Locale, p: CertificateProps) =>
  translate(locale, 'email.certificate.subject', { document: p.document.title, title: p.eventTitle })

export async function certificateAttachments(p: CertificateProps): Promise<EmailAttachment[]> {
  return [{ filename: certificateFilename(p.document), content: await certificatePdf(p.document), contentType: 'application/pdf' }]
}

export function Certificate(p: CertificateProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={certificateSubject(p.locale, p)}>
      <Heading as="h1" style={heading}>
        {certificateSubject(p.locale, p)}
      </Heading>
      <Text style={paragraph}>{t('email.certificate.greeting', { name: p.firstName })}</Text>
      <Text style={paragraph}>
        {t('email.certificate.body', { document: p.document.title, title: p.eventTitle, hours: p.document.hoursAttended })}
      </Text>
      <Text style={paragraph}>{t('email.certificate.thanks', { organisation: p.document.organisation.name })}</Text>
    </EmailLayout>
  )
}
