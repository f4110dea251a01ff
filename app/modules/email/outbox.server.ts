// The outbox: an email is a row written in the same transaction as the change that causes
// it. The worker (worker.server.ts) renders and sends it later, retrying until it succeeds.
import { randomUUID } from 'node:crypto'
import { Prisma, prisma, type Tx } from '#app/db.server.ts'
import type { Locale } from '#app/utils/i18n.ts'
import type { TemplateName, TemplateProps } from '#emails/index.ts'
import { newRowId } from '#app/utils/random.server.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

export type OutgoingEmail<T extends TemplateName> = {
  to: string
  toName?: string | null
  locale: Locale
  template: T
  props: TemplateProps<T>
  organisationId?: string | null
  /** Groups messages, e.g. "auth", "campaign:<id>". */
  category?: string
}

/** The domain in generated Message-IDs; stable per installation. */
function messageIdDomain() {
  const from = process.env.MAIL_FROM ?? ''
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'essor.localhost'
}

/**
 * Writes the message in the caller's transaction. One plain INSERT: emails are written on the
 * hottest paths (a registration rush), where each ORM call costs far more than the statement.
 */
export async function enqueueEmail<T extends TemplateName>(tx: Tx, email: OutgoingEmail<T>) {
  const { statement, id, messageId } = emailInsert(email)
  await tx.$executeRaw(statement)
  return { id, messageId }
}

/**
 * The outbox row of `email` as one INSERT, for callers that run it themselves (the direct
 * registration path, registrations/direct.server.ts) in their own transaction. `computed`
 * replaces the template by an SQL expression (chosen by the statement the INSERT is part of).
 */
export function emailInsert<T extends TemplateName>(email: OutgoingEmail<T>, computed?: { template: Prisma.Sql }) {
  const id = newRowId()
  const messageId = `<${randomUUID()}@${messageIdDomain()}>`
  const now = new Date()
  const statement = Prisma.sql`
    INSERT INTO "EmailMessage" ("id", "messageId", "organisationId", "toAddress", "toName", "locale", "template", "payload", "status", "attempts", "nextAttemptAt", "category", "createdAt")
    VALUES (${id}, ${messageId}, ${email.organisationId ?? null}, ${normaliseEmail(email.to)}, ${email.toName ?? null}, ${email.locale},
      ${computed?.template ?? email.template}, ${JSON.stringify(email.props)}, 'pending', 0, ${now}, ${email.category ?? null}, ${now})`
  return { statement, id, messageId }
}

export { prisma as outboxDb }

/**
 * GDPR erasure: messages of one category to this address lose their personal content. Unsent
 * ones are dropped (nobody should receive mail about data that no longer exists); sent ones keep
 * their delivery record without the address or the props.
 */
export async function forgetRecipient(tx: Tx, address: string, category: string, replacement: string) {
  const toAddress = normaliseEmail(address)
  await tx.emailMessage.deleteMany({ where: { toAddress, category, status: { not: 'sent' } } })
  await tx.emailMessage.updateMany({ where: { toAddress, category }, data: { toAddress: replacement, toName: null, payload: '{}' } })
}
