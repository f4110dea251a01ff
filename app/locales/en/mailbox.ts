import type { mailbox as fr } from '../fr/mailbox.ts'

export const mailbox: Record<keyof typeof fr, string> = {
  'mailbox.title': 'Local mailbox',
  'mailbox.intro':
    'No SMTP server is configured: messages are delivered here instead of being sent. This page does not exist when SMTP_URL is set.',
  'mailbox.filter.label': 'Recipient',
  'mailbox.filter.submit': 'Filter',
  'mailbox.filter.clear': 'Show all',
  'mailbox.caption': '{count, plural, one {# message} other {# messages}}, newest first',
  'mailbox.empty': 'No messages.',
  'mailbox.column.to': 'Recipient',
  'mailbox.column.subject': 'Subject',
  'mailbox.column.receivedAt': 'Received',
  'mailbox.back': 'Back to the mailbox',
  'mailbox.message.to': 'To',
  'mailbox.message.receivedAt': 'Received',
  'mailbox.message.messageId': 'Message-ID',
  'mailbox.message.links': 'Links in this message',
  'mailbox.message.attachments': 'Attachments',
  'mailbox.message.html': 'HTML version',
  'mailbox.message.frameTitle': 'Preview of the message “{subject}”',
  'mailbox.message.text': 'Plain-text version',
}
