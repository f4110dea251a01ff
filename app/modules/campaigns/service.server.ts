// Email campaigns: drafts, preview, test send, sending to an audience with personal links,
// and what became of each invitation (clicked, registered, declined, unsubscribed).
// Sending is idempotent: a campaign moves draft|scheduled → sending → sent by conditional
// updates, and (campaignId, email) is unique, so a second call — or a call after a crash half-way —
// never writes a second recipient or email for the same address.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { dbTarget, prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { hashToken } from '#app/modules/auth/session.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { suppress, suppressedAmong } from '#app/modules/email/suppression.server.ts'
import { renderMarkdown } from '#app/shared/markdown.server.ts'
import { AppError, notFoundError } from '#app/utils/errors.ts'
import type { CampaignProps } from '#emails/campaign.tsx'
import { isLocale, type Locale } from '#app/utils/i18n.ts'
import { absoluteUrl, appOrigin } from '#app/utils/url.server.ts'
import type { Audience } from '#app/modules/contacts/audience.ts'
import { countAudience, selectAudience, type AudienceRecipient } from './audience.server.ts'
import { mergeHtml, mergeText, type MergeValues } from './merge-fields.ts'
import { campaignInputSchema, contentFor, missingForSend, type CampaignInput, type CampaignKind } from './schema.ts'
import { parseAudience } from '#app/modules/contacts/audience.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

const TX = { maxWait: 30_000, timeout: 60_000 }
/**
 * Recipients per transaction (one recipient row and one outbox row each, two statements): about
 * 0.1–0.3 s a transaction, short enough that on SQLite registrations waiting for the process-wide
 * lock are not starved while 10,000 invitations are queued.
 */
const CHUNK = 1000

export type CampaignActor = { actorUserId?: string | null }

function validationError(fields: Record<string, string[]>, params?: Record<string, string>) {
  return new AppError({ status: 422, code: 'invalid_input', messageKey: 'campaigns.error.invalid', fields, params })
}

function parseInput(input: CampaignInput) {
  const parsed = campaignInputSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const fields: Record<string, string[]> = {}
  let params: Record<string, string> | undefined
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || ''
    ;(fields[key] ??= []).push(issue.message)
    const extra = (issue as { params?: Record<string, string> }).params
    if (extra) params = { ...params, ...extra }
  }
  throw validationError(fields, params)
}

/** The event or prize edition must belong to the organisation. */
async function checkTarget(tx: Tx, organisationId: string, v: { eventId?: string | null; editionId?: string | null }) {
  if (v.eventId) {
    const event = await tx.event.findFirst({ where: { id: v.eventId, organisationId }, select: { id: true } })
    if (!event) throw validationError({ eventId: ['campaigns.error.eventRequired'] })
  }
  if (v.editionId) {
    const edition = await tx.prizeEdition.findFirst({ where: { id: v.editionId, organisationId }, select: { id: true } })
    if (!edition) throw validationError({ editionId: ['campaigns.error.editionRequired'] })
  }
}

/** Creates a draft (or a scheduled campaign when `scheduledAt` is given). */
export async function createCampaign(
  organisationId: string,
  input: CampaignInput,
  opts: CampaignActor & { parentId?: string | null } = {},
): Promise<{ id: string }> {
  const v = parseInput(input)
  // A jury invitation campaign is made by the jury page (one per edition, see
  // jury/invitation-campaign.server.ts); here only its reminders.
  if (v.kind === 'jury_invitation' && !opts.parentId) throw validationError({ kind: ['campaigns.error.juryFromJuryPage'] })
  return prisma.$transaction(async (tx) => {
    await checkTarget(tx, organisationId, v)
    const campaign = await tx.campaign.create({
      data: {
        organisationId,
        kind: v.kind,
        eventId: v.eventId ?? null,
        editionId: v.editionId ?? null,
        name: v.name,
        subjectFr: v.subjectFr,
        bodyFr: v.bodyFr,
        subjectEn: v.subjectEn,
        bodyEn: v.bodyEn,
        audience: JSON.stringify(v.audience),
        trackOpens: v.trackOpens,
        status: v.scheduledAt ? 'scheduled' : 'draft',
        scheduledAt: v.scheduledAt ?? null,
        parentId: opts.parentId ?? null,
        createdByUserId: opts.actorUserId ?? null,
      },
      select: { id: true },
    })
    await audit(tx, {
      organisationId,
      actorUserId: opts.actorUserId,
      action: 'campaign.create',
      entityType: 'Campaign',
      entityId: campaign.id,
      details: { kind: v.kind },
    })
    return campaign
  }, TX)
}

/** Edits a draft; once scheduled it must be cancelled back to a draft first. */
export async function updateCampaign(organisationId: string, campaignId: string, input: CampaignInput, opts: CampaignActor = {}) {
  const v = parseInput(input)
  await prisma.$transaction(async (tx) => {
    await checkTarget(tx, organisationId, v)
    const { count } = await tx.campaign.updateMany({
      where: { id: campaignId, organisationId, status: 'draft' },
      data: {
        kind: v.kind,
        eventId: v.eventId ?? null,
        editionId: v.editionId ?? null,
        name: v.name,
        subjectFr: v.subjectFr,
        bodyFr: v.bodyFr,
        subjectEn: v.subjectEn,
        bodyEn: v.bodyEn,
        audience: JSON.stringify(v.audience),
        trackOpens: v.trackOpens,
      },
    })
    if (count !== 1) throw notEditable()
    await audit(tx, {
      organisationId,
      actorUserId: opts.actorUserId,
      action: 'campaign.update',
      entityType: 'Campaign',
      entityId: campaignId,
    })
  }, TX)
}

function notEditable() {
  return new AppError({ status: 409, code: 'not_editable', messageKey: 'campaigns.error.notEditable' })
}

export async function deleteCampaign(organisationId: string, campaignId: string, opts: CampaignActor = {}) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.campaign.deleteMany({ where: { id: campaignId, organisationId, status: { in: ['draft', 'cancelled'] } } })
    if (count !== 1) throw notEditable()
    await audit(tx, {
      organisationId,
      actorUserId: opts.actorUserId,
      action: 'campaign.delete',
      entityType: 'Campaign',
      entityId: campaignId,
    })
  }, TX)
}

export async function scheduleCampaign(organisationId: string, campaignId: string, at: Date, opts: CampaignActor & { now?: Date } = {}) {
  const now = opts.now ?? new Date()
  if (!(at instanceof Date) || Number.isNaN(at.getTime()) || at.getTime() <= now.getTime())
    throw validationError({ scheduledAt: ['campaigns.error.dateInPast'] })
  await prisma.$transaction(async (tx) => {
    const c = await tx.campaign.findFirst({ where: { id: campaignId, organisationId } })
    if (!c) throw notFoundError()
    const missing = missingForSend(c)
    if (missing.length > 0) throw validationError(Object.fromEntries(missing.map((m) => [m, ['campaigns.error.required']])))
    const { count } = await tx.campaign.updateMany({
      where: { id: campaignId, organisationId, status: { in: ['draft', 'scheduled'] } },
      data: { status: 'scheduled', scheduledAt: at },
    })
    if (count !== 1) throw notEditable()
    await audit(tx, {
      organisationId,
      actorUserId: opts.actorUserId,
      action: 'campaign.schedule',
      entityType: 'Campaign',
      entityId: campaignId,
      details: { at: at.toISOString() },
    })
  }, TX)
}

/** A scheduled campaign goes back to a draft (nothing was sent). */
export async function cancelSchedule(organisationId: string, campaignId: string, opts: CampaignActor = {}) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id: campaignId, organisationId, status: 'scheduled' },
      data: { status: 'draft', scheduledAt: null },
    })
    if (count !== 1) throw notEditable()
    await audit(tx, {
      organisationId,
      actorUserId: opts.actorUserId,
      action: 'campaign.unschedule',
      entityType: 'Campaign',
      entityId: campaignId,
    })
  }, TX)
}

// ---------------------------------------------------------------------------------------------
// Rendering

type Target = { kind: CampaignKind; title: string; slug: string | null; organisationName: string }

async function targetOf(
  db: Tx,
  c: { kind: string; eventId: string | null; editionId: string | null; organisationId: string },
): Promise<Target> {
  const org = await db.organisation.findUnique({ where: { id: c.organisationId }, select: { name: true } })
  const organisationName = org?.name ?? ''
  if (c.eventId) {
    const e = await db.event.findUnique({ where: { id: c.eventId }, select: { title: true, slug: true } })
    if (e) return { kind: c.kind as CampaignKind, title: e.title, slug: e.slug, organisationName }
  }
  if (c.editionId) {
    const e = await db.prizeEdition.findUnique({ where: { id: c.editionId }, select: { title: true, slug: true } })
    if (e) return { kind: c.kind as CampaignKind, title: e.title, slug: e.slug, organisationName }
  }
  return { kind: c.kind as CampaignKind, title: '', slug: null, organisationName }
}

type CampaignContent = { subjectFr: string; bodyFr: string; subjectEn: string; bodyEn: string; trackOpens: boolean }

/** The Markdown is rendered once per language; each recipient only gets the merge fields replaced. */
function renderer(c: CampaignContent) {
  const cache = new Map<Locale, { subject: string; html: string }>()
  return (locale: Locale) => {
    let hit = cache.get(locale)
    if (!hit) {
      const { subject, body } = contentFor(c, locale)
      hit = { subject, html: renderMarkdown(body, { headingOffset: 1 }) }
      cache.set(locale, hit)
    }
    return hit
  }
}

export type CampaignEmailProps = CampaignProps

function linksFor(token: string, kind: CampaignKind, trackOpens: boolean, origin = appOrigin()) {
  // Tokens are base32 (URL-safe): plain concatenation, computed once per recipient of 10,000.
  return {
    linkUrl: `${origin}/i/${token}`,
    declineUrl: kind === 'event_invitation' || kind === 'jury_invitation' ? `${origin}/i/${token}/decline` : null,
    unsubscribeUrl: `${origin}/u/${token}`,
    openPixelUrl: trackOpens ? `${origin}/i/${token}/open.gif` : null,
  }
}

/** Same digest as hashToken (SHA-256, hex of the UTF-8 token), with node's native hash for bulk sending. */
const sha256Hex = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

type Links = { linkUrl: string | null; declineUrl: string | null; unsubscribeUrl: string | null; openPixelUrl: string | null }

function propsFor(
  render: ReturnType<typeof renderer>,
  locale: Locale,
  values: MergeValues,
  target: Target,
  links: Links,
): CampaignEmailProps {
  const { subject, html } = render(locale)
  return {
    subject: mergeText(subject, values),
    bodyHtml: mergeHtml(html, values),
    organisationName: target.organisationName,
    kind: target.kind,
    targetTitle: target.title,
    ...links,
  }
}

const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : 'fr')

export type PreviewSample = { firstName: string; lastName: string; structure: string | null }

/** The email as one sample recipient would read it, in French and in English. */
export async function previewCampaign(organisationId: string, campaignId: string, sample?: PreviewSample) {
  const c = await prisma.campaign.findFirst({ where: { id: campaignId, organisationId } })
  if (!c) throw notFoundError()
  const target = await targetOf(prisma, c)
  const render = renderer(c)
  const person = sample ?? (await sampleRecipient(c.organisationId, parseAudience(c.audience)))
  const links = {
    linkUrl: absoluteUrl('/i/preview'),
    declineUrl: null,
    unsubscribeUrl: absoluteUrl('/u/preview'),
    openPixelUrl: null,
  }
  const out = {} as Record<Locale, CampaignEmailProps>
  for (const locale of ['fr', 'en'] as const) {
    const values: MergeValues = {
      firstName: person.firstName,
      lastName: person.lastName,
      structure: person.structure ?? '',
      link: links.linkUrl,
      target: target.title,
      organisation: target.organisationName,
    }
    out[locale] = propsFor(render, locale, values, target, {
      ...links,
      declineUrl: c.kind === 'event_invitation' ? absoluteUrl('/i/preview/decline') : null,
    })
  }
  return out
}

async function sampleRecipient(organisationId: string, audience: Audience): Promise<PreviewSample> {
  const first = (await selectAudience(organisationId, audience))[0]
  return first
    ? { firstName: first.firstName, lastName: first.lastName, structure: first.structure }
    : { firstName: 'Camille', lastName: 'Martin', structure: 'SCOP Exemple' }
}

/** One email to the organiser themself (category `campaign-test:<id>`), links pointing at the target's public page. */
export async function sendTestEmail(
  organisationId: string,
  campaignId: string,
  to: { email: string; name: string | null; locale: Locale; userId: string },
) {
  const c = await prisma.campaign.findFirst({ where: { id: campaignId, organisationId } })
  if (!c) throw notFoundError()
  const missing = missingForSend(c)
  if (missing.length > 0) throw validationError(Object.fromEntries(missing.map((m) => [m, ['campaigns.error.required']])))
  const target = await targetOf(prisma, c)
  const publicPath = c.eventId && target.slug ? `/e/${target.slug}` : c.editionId && target.slug ? `/prix/${target.slug}` : '/'
  const link = absoluteUrl(publicPath)
  const [firstName = '', ...rest] = (to.name ?? '').split(' ')
  const values: MergeValues = {
    firstName,
    lastName: rest.join(' '),
    structure: target.organisationName,
    link,
    target: target.title,
    organisation: target.organisationName,
  }
  const props = propsFor(renderer(c), to.locale, values, target, {
    linkUrl: link,
    declineUrl: null,
    unsubscribeUrl: null,
    openPixelUrl: null,
  })
  await prisma.$transaction(async (tx) => {
    await enqueueEmail(tx, {
      to: to.email,
      toName: to.name,
      locale: to.locale,
      template: 'campaign',
      props,
      organisationId,
      category: `campaign-test:${c.id}`,
    })
    await audit(tx, { organisationId, actorUserId: to.userId, action: 'campaign.test', entityType: 'Campaign', entityId: c.id })
  }, TX)
}

// ---------------------------------------------------------------------------------------------
// Sending

export type SendResult = { status: 'sent'; queued: number; skipped: number; alreadySent: boolean }

type SendOptions = { request?: Request; actorUserId?: string | null }

/**
 * Senders of the campaign kinds another module writes (a jury reminder: the jury module gives each
 * juror a fresh join link). Handed in by app/composition/campaigns.server.ts, so campaigns imports
 * none of those modules.
 */
export type CampaignSenders = Partial<Record<string, (campaignId: string, now: Date, opts: SendOptions) => Promise<SendResult>>>

type Candidate = AudienceRecipient & { skippedReason: string | null }

/** The people a reminder goes to: the parent's recipients who neither registered, declined, unsubscribed nor bounced. */
async function nonResponders(parentId: string): Promise<AudienceRecipient[]> {
  const rows = await prisma.campaignRecipient.findMany({
    where: { campaignId: parentId, registeredAt: null, declinedAt: null, unsubscribedAt: null, skippedReason: null },
    orderBy: { email: 'asc' },
  })
  const messageIds = rows.map((r) => r.emailMessageId).filter((id): id is string => id !== null)
  const bounced = new Set<string>()
  for (let i = 0; i < messageIds.length; i += CHUNK) {
    const found = await prisma.emailMessage.findMany({
      where: { id: { in: messageIds.slice(i, i + CHUNK) }, bouncedAt: { not: null } },
      select: { id: true },
    })
    for (const m of found) bounced.add(m.id)
  }
  return rows
    .filter((r) => !(r.emailMessageId && bounced.has(r.emailMessageId)))
    .map((r) => ({
      contactId: r.contactId,
      email: r.email,
      firstName: r.firstName,
      lastName: r.lastName,
      structure: r.structure,
      profile: r.profile,
      departement: r.departement,
      locale: localeOf(r.locale),
      suppressed: false,
    }))
}

async function candidatesOf(c: { id: string; organisationId: string; audience: string; parentId: string | null }): Promise<Candidate[]> {
  const people = c.parentId ? await nonResponders(c.parentId) : await selectAudience(c.organisationId, parseAudience(c.audience))
  const seen = new Set<string>()
  const unique: AudienceRecipient[] = []
  for (const p of people) {
    const email = normaliseEmail(p.email)
    if (!email || seen.has(email)) continue
    seen.add(email)
    unique.push({ ...p, email })
  }
  // selectAudience flags suppressed addresses; a reminder's people come from the first campaign and are checked here.
  const suppressed = c.parentId
    ? await suppressedAmong(
        c.organisationId,
        unique.map((p) => p.email),
      )
    : new Set<string>()
  return unique.map((p) => ({ ...p, skippedReason: p.suppressed || suppressed.has(p.email) ? 'suppressed' : null }))
}

function messageIdDomain() {
  return /@([^>\s]+)/.exec(process.env.MAIL_FROM ?? '')?.[1] ?? 'essor.localhost'
}
const TOKEN_BYTES = 20
const ID_BYTES = 12
const RANDOM_PER_RECIPIENT = TOKEN_BYTES + 2 * ID_BYTES

/**
 * Sends the campaign now: one recipient row (personal token, stored hashed) and one outbox row per
 * address of the audience that is not suppressed; suppressed addresses get a recipient row with
 * `skippedReason` and no email. Safe to call again: addresses already written are left alone.
 */
export async function sendCampaign(
  campaignId: string,
  now: Date = new Date(),
  opts: SendOptions = {},
  senders: CampaignSenders = {},
): Promise<SendResult> {
  const claimed = await prisma.campaign.updateMany({
    where: { id: campaignId, status: { in: ['draft', 'scheduled'] } },
    data: { status: 'sending' },
  })
  const c = await prisma.campaign.findUnique({ where: { id: campaignId } })
  if (!c) throw notFoundError()
  if (c.status === 'sent') return { status: 'sent', queued: 0, skipped: 0, alreadySent: true }
  if (c.status !== 'sending') throw notEditable()
  const missing = missingForSend(c)
  if (missing.length > 0) {
    if (claimed.count === 1) await prisma.campaign.updateMany({ where: { id: c.id, status: 'sending' }, data: { status: 'draft' } })
    throw validationError(Object.fromEntries(missing.map((m) => [m, ['campaigns.error.required']])))
  }
  // A kind another module writes (a jury reminder: each juror a fresh join link): its sender does it.
  const send = senders[c.kind]
  if (send) return send(c.id, now, opts)
  if (c.kind === 'jury_invitation')
    throw new AppError({ status: 500, code: 'no_sender', message: 'jury reminders are sent through app/composition/campaigns.server.ts' })

  const target = await targetOf(prisma, c)
  const render = renderer(c)
  // Addresses written by an earlier (interrupted) run keep their row and their email.
  const done = new Set(
    (await prisma.campaignRecipient.findMany({ where: { campaignId: c.id }, select: { email: true } })).map((r) => r.email),
  )
  const candidates = (await candidatesOf(c)).filter((r) => !done.has(r.email))
  let queued = 0
  let skipped = 0
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK)
    const counts = await prisma.$transaction((tx) => writeChunk(tx, c, chunk, { target, render, now, request: opts.request }), TX)
    queued += counts.queued
    skipped += counts.skipped
  }

  await prisma.$transaction(async (tx) => {
    await tx.campaign.updateMany({ where: { id: c.id, status: 'sending' }, data: { status: 'sent', sentAt: now } })
    await audit(tx, {
      organisationId: c.organisationId,
      actorUserId: opts.actorUserId,
      action: 'campaign.send',
      entityType: 'Campaign',
      entityId: c.id,
      details: { queued, skipped },
    })
  }, TX)
  return { status: 'sent', queued, skipped, alreadySent: false }
}

async function writeChunk(
  tx: Tx,
  c: { id: string; organisationId: string; kind: string; trackOpens: boolean },
  chunk: Candidate[],
  ctx: { target: Target; render: ReturnType<typeof renderer>; now: Date; request?: Request },
) {
  const todo = chunk
  const origin = appOrigin()

  const domain = messageIdDomain()
  const recipientRows: unknown[][] = []
  const emailRows: unknown[][] = []
  let skipped = 0
  // One buffer of randomness for the whole chunk, sliced per recipient: a 20-byte token (as
  // generateToken makes them) and two 12-byte ids. Same sizes and encodings as one call each.
  const random = randomBytes(todo.length * RANDOM_PER_RECIPIENT)
  let at = 0
  const take = (n: number) => random.subarray(at, (at += n))
  for (const r of todo) {
    const token = encodeBase32LowerCaseNoPadding(take(TOKEN_BYTES))
    const recipientId = `c${take(ID_BYTES).toString('hex')}`
    const freshEmailId = `c${take(ID_BYTES).toString('hex')}`
    const locale = localeOf(r.locale)
    let emailId: string | null = null
    if (r.skippedReason) skipped++
    else {
      emailId = freshEmailId
      const links = linksFor(token, ctx.target.kind, c.trackOpens, origin)
      const values: MergeValues = {
        firstName: r.firstName,
        lastName: r.lastName,
        structure: r.structure ?? '',
        link: links.linkUrl,
        target: ctx.target.title,
        organisation: ctx.target.organisationName,
      }
      const props = propsFor(ctx.render, locale, values, ctx.target, links)
      const toName = `${r.firstName} ${r.lastName}`.trim() || null
      emailRows.push([
        emailId,
        `<${randomUUID()}@${domain}>`,
        c.organisationId,
        r.email,
        toName,
        locale,
        'campaign',
        JSON.stringify(props),
        'pending',
        0,
        ctx.now,
        `campaign:${c.id}`,
        links.unsubscribeUrl,
        ctx.now,
      ])
    }
    recipientRows.push([
      recipientId,
      c.id,
      r.contactId,
      r.email,
      r.firstName,
      r.lastName,
      r.structure,
      r.profile,
      r.departement,
      locale,
      sha256Hex(token),
      emailId,
      r.skippedReason,
      ctx.now,
    ])
  }
  const emailColumns = [
    'id',
    'messageId',
    'organisationId',
    'toAddress',
    'toName',
    'locale',
    'template',
    'payload',
    'status',
    'attempts',
    'nextAttemptAt',
    'category',
    'unsubscribeUrl',
    'createdAt',
  ]
  const recipientColumns = [
    'id',
    'campaignId',
    'contactId',
    'email',
    'firstName',
    'lastName',
    'structure',
    'profile',
    'departement',
    'locale',
    'tokenHash',
    'emailMessageId',
    'skippedReason',
    'createdAt',
  ]
  if (emailRows.length > 0) await insertRows(tx, 'EmailMessage', emailColumns, emailRows)
  await insertRows(tx, 'CampaignRecipient', recipientColumns, recipientRows)
  return { queued: emailRows.length, skipped }
}

/**
 * One INSERT of many rows with bound parameters; table and column names are constants of this
 * file, every value is a parameter. PostgreSQL: one array per column, expanded by `unnest` — 14
 * parameters instead of 14 per row, which the server parses and plans far faster. SQLite: one
 * JSON parameter unpacked by json_each (below).
 */
async function insertRows(tx: Tx, table: string, columns: string[], rows: unknown[][]) {
  const names = columns.map((c) => `"${c}"`).join(', ')
  if (dbTarget.provider === 'postgresql') {
    const arrays = columns.map((_, i) =>
      rows.map((row) => {
        const value = row[i]
        // As ISO text: a `timestamp` column keeps the UTC wall time (a Date would go through the local zone).
        return value instanceof Date ? value.toISOString() : value
      }),
    )
    const types = columns.map((c) => `$${columns.indexOf(c) + 1}::${PG_TYPES[c] ?? 'text'}[]`)
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${types.join(', ')})`, ...arrays)
    return
  }
  // SQLite: the rows as ONE JSON parameter, unpacked by json_each in C — 14,000 bound values
  // cost more in the driver's per-argument mapping than the insert itself. Dates in the
  // adapter's own format (ISO 8601 with +00:00), so they read back exactly as Prisma wrote them.
  const json = JSON.stringify(
    rows.map((row) => row.map((value) => (value instanceof Date ? value.toISOString().replace('Z', '+00:00') : value))),
  )
  const values = columns.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${values} FROM json_each(?)`, json)
}

/** PostgreSQL types of the non-text columns written by insertRows (Prisma: DateTime → timestamp(3), Int → integer). */
const PG_TYPES: Record<string, string> = { attempts: 'integer', nextAttemptAt: 'timestamp(3)', createdAt: 'timestamp(3)' }

/** The scheduler's job: sends every scheduled campaign whose time has come. Returns how many were sent. */
export async function sendDueCampaigns(now: Date = new Date(), senders: CampaignSenders = {}) {
  const due = await prisma.campaign.findMany({ where: { status: 'scheduled', scheduledAt: { lte: now } }, select: { id: true }, take: 10 })
  let sent = 0
  for (const c of due) {
    try {
      const result = await sendCampaign(c.id, now, {}, senders)
      if (!result.alreadySent) sent++
    } catch (error) {
      // Another process claimed it meanwhile: nothing to do here.
      if (!(error instanceof AppError && error.code === 'not_editable')) throw error
    }
  }
  return sent
}

/** A follow-up to those who neither registered, declined, unsubscribed nor bounced: a new campaign pointing at the first. */
export async function createReminder(
  campaignId: string,
  opts: CampaignActor & { organisationId?: string; scheduledAt?: Date | null } = {},
) {
  const parent = await prisma.campaign.findFirst({
    where: { id: campaignId, ...(opts.organisationId ? { organisationId: opts.organisationId } : {}) },
  })
  if (!parent) throw notFoundError()
  if (parent.status !== 'sent') throw notEditable()
  const prefix = (locale: 'fr' | 'en', subject: string) =>
    subject ? (locale === 'fr' ? `Rappel\u202f: ${subject}` : `Reminder: ${subject}`) : ''
  return createCampaign(
    parent.organisationId,
    {
      kind: parent.kind as CampaignKind,
      eventId: parent.eventId,
      editionId: parent.editionId,
      name: `${parent.name} — rappel`,
      subjectFr: prefix('fr', parent.subjectFr),
      bodyFr: parent.bodyFr,
      subjectEn: prefix('en', parent.subjectEn),
      bodyEn: parent.bodyEn,
      audience: parseAudience(parent.audience),
      trackOpens: parent.trackOpens,
      scheduledAt: opts.scheduledAt ?? null,
    },
    { actorUserId: opts.actorUserId, parentId: parent.id },
  )
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listCampaigns(organisationId: string) {
  const campaigns = await prisma.campaign.findMany({ where: { organisationId }, orderBy: { createdAt: 'desc' }, take: 200 })
  const counts = await prisma.campaignRecipient.groupBy({
    by: ['campaignId'],
    where: { campaignId: { in: campaigns.map((c) => c.id) } },
    _count: { _all: true },
  })
  const byId = new Map(counts.map((c) => [c.campaignId, c._count._all]))
  return campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    status: c.status,
    scheduledAt: c.scheduledAt,
    sentAt: c.sentAt,
    createdAt: c.createdAt,
    recipients: byId.get(c.id) ?? 0,
  }))
}

export async function getCampaign(organisationId: string, campaignId: string) {
  const c = await prisma.campaign.findFirst({ where: { id: campaignId, organisationId } })
  if (!c) return null
  return { ...c, audience: parseAudience(c.audience) }
}

/** How many people the audience selects today, and how many of them are suppressed. */
export function audienceSize(organisationId: string, audience: Audience) {
  return countAudience(organisationId, audience)
}

export type RecipientState = 'skipped' | 'queued' | 'sent' | 'failed' | 'bounced'

export type CampaignCounts = Record<RecipientState | 'total' | 'clicked' | 'opened' | 'registered' | 'declined' | 'unsubscribed', number>

/** Counts and the list of recipients, with each one's delivery state from its outbox row. */
export async function campaignReport(organisationId: string, campaignId: string, opts: { take?: number } = {}) {
  const c = await prisma.campaign.findFirst({ where: { id: campaignId, organisationId }, select: { id: true } })
  if (!c) throw notFoundError()
  const recipients = await prisma.campaignRecipient.findMany({ where: { campaignId }, orderBy: { email: 'asc' } })
  const messages = new Map<string, { status: string; lastError: string | null; bouncedAt: Date | null }>()
  const ids = recipients.map((r) => r.emailMessageId).filter((id): id is string => id !== null)
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await prisma.emailMessage.findMany({
      where: { id: { in: ids.slice(i, i + CHUNK) } },
      select: { id: true, status: true, lastError: true, bouncedAt: true },
    })
    for (const m of rows) messages.set(m.id, m)
  }
  const counts: CampaignCounts = {
    total: 0,
    skipped: 0,
    queued: 0,
    sent: 0,
    failed: 0,
    bounced: 0,
    clicked: 0,
    opened: 0,
    registered: 0,
    declined: 0,
    unsubscribed: 0,
  }
  const list = recipients.map((r) => {
    const m = r.emailMessageId ? messages.get(r.emailMessageId) : undefined
    const delivery: RecipientState = r.skippedReason
      ? 'skipped'
      : !m
        ? 'queued'
        : m.bouncedAt
          ? 'bounced'
          : m.status === 'sent'
            ? 'sent'
            : m.status === 'failed'
              ? 'failed'
              : 'queued'
    counts.total++
    counts[delivery]++
    if (r.clickedAt) counts.clicked++
    if (r.openedAt) counts.opened++
    if (r.registeredAt) counts.registered++
    if (r.declinedAt) counts.declined++
    if (r.unsubscribedAt) counts.unsubscribed++
    return {
      id: r.id,
      email: r.email,
      name: `${r.firstName} ${r.lastName}`.trim(),
      structure: r.structure,
      delivery,
      error: m?.lastError ?? null,
      skippedReason: r.skippedReason,
      clickedAt: r.clickedAt,
      openedAt: r.openedAt,
      registeredAt: r.registeredAt,
      declinedAt: r.declinedAt,
      unsubscribedAt: r.unsubscribedAt,
    }
  })
  return { counts, recipients: list.slice(0, opts.take ?? 1000), more: Math.max(0, list.length - (opts.take ?? 1000)) }
}

// ---------------------------------------------------------------------------------------------
// Personal links

async function recipientByToken(token: string, db: Tx = prisma) {
  if (!token || token.length > 200) return null
  return db.campaignRecipient.findUnique({ where: { tokenHash: hashToken(token) }, include: { campaign: true } })
}

export type InvitationView = {
  recipientId: string
  kind: CampaignKind
  organisationId: string
  organisationName: string
  targetTitle: string
  targetSlug: string | null
  eventId: string | null
  email: string
  declined: boolean
  unsubscribed: boolean
  registered: boolean
}

/** What a personal link's pages show; null for an unknown token. */
export async function getInvitation(token: string): Promise<InvitationView | null> {
  const r = await recipientByToken(token)
  if (!r) return null
  const target = await targetOf(prisma, r.campaign)
  return {
    recipientId: r.id,
    kind: target.kind,
    organisationId: r.campaign.organisationId,
    organisationName: target.organisationName,
    targetTitle: target.title,
    targetSlug: target.slug,
    eventId: r.campaign.eventId,
    email: r.email,
    declined: r.declinedAt !== null,
    unsubscribed: r.unsubscribedAt !== null,
    registered: r.registeredAt !== null,
  }
}

/** Records the first click and says where the link leads. */
export async function followInvitation(token: string, now: Date = new Date()) {
  const r = await recipientByToken(token)
  if (!r) return null
  await prisma.campaignRecipient.updateMany({ where: { id: r.id, clickedAt: null }, data: { clickedAt: now } })
  const target = await targetOf(prisma, r.campaign)
  // A jury invitation's personal link is the juror's join link (the same token).
  if (target.kind === 'jury_invitation') return { to: `/jury/join/${token}` }
  if (target.kind === 'event_invitation' && r.campaign.eventId && target.slug) {
    return { to: `/e/${target.slug}/register?invitation=${encodeURIComponent(token)}` }
  }
  if (r.campaign.editionId && target.slug) {
    return {
      to:
        target.kind === 'nomination_call' ? `/prix/${target.slug}/candidater?email=${encodeURIComponent(r.email)}` : `/prix/${target.slug}`,
    }
  }
  return { to: null }
}

export async function recordOpen(token: string, now: Date = new Date()) {
  const r = await recipientByToken(token)
  if (!r || !r.campaign.trackOpens) return false
  const { count } = await prisma.campaignRecipient.updateMany({ where: { id: r.id, openedAt: null }, data: { openedAt: now } })
  return count === 1
}

/** "Je ne pourrai pas venir": recorded once; `undo` takes it back. */
export async function declineInvitation(token: string, opts: { now?: Date; undo?: boolean } = {}) {
  const r = await recipientByToken(token)
  // A juror declines on the join page, which also steps them down from the jury.
  if (!r || r.campaign.kind === 'jury_invitation') throw notFoundError()
  if (opts.undo) {
    await prisma.campaignRecipient.updateMany({ where: { id: r.id }, data: { declinedAt: null } })
    return { declined: false }
  }
  const now = opts.now ?? new Date()
  await prisma.campaignRecipient.updateMany({ where: { id: r.id, declinedAt: null }, data: { declinedAt: now } })
  // Following the email's decline link is a click on the invitation too.
  await prisma.campaignRecipient.updateMany({ where: { id: r.id, clickedAt: null }, data: { clickedAt: now } })
  return { declined: true }
}

/** One-click unsubscribe: the address joins the organisation's suppression list. */
export async function unsubscribe(token: string, now: Date = new Date()) {
  const r = await recipientByToken(token)
  if (!r) throw notFoundError()
  await prisma.$transaction(async (tx) => {
    await suppress(tx, r.campaign.organisationId, r.email, 'unsubscribe', r.campaignId)
    const { count } = await tx.campaignRecipient.updateMany({ where: { id: r.id, unsubscribedAt: null }, data: { unsubscribedAt: now } })
    if (count === 1) {
      await audit(tx, {
        organisationId: r.campaign.organisationId,
        action: 'campaign.unsubscribe',
        entityType: 'CampaignRecipient',
        entityId: r.id,
        details: { campaignId: r.campaignId },
      })
    }
  }, TX)
  return { organisationId: r.campaign.organisationId }
}

// ---------------------------------------------------------------------------------------------
// Invitations and registrations (called by the registrations module)

export type InvitationForEvent = {
  recipientId: string
  used: boolean
  prefill: {
    firstName: string
    lastName: string
    email: string
    organisation: string
    organisationType: string
    departement: string
    locale: Locale
  }
}

/** The invitation a token carries for this event; null when the token is unknown or belongs to another event. */
export async function invitationForEvent(token: string, eventId: string, db: Tx = prisma): Promise<InvitationForEvent | null> {
  const r = await recipientByToken(token, db)
  if (!r || r.campaign.eventId !== eventId || !(r.campaign.kind === 'event_invitation' || r.campaign.kind === 'jury_invitation'))
    return null
  return {
    recipientId: r.id,
    used: r.registrationId !== null,
    prefill: {
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      organisation: r.structure ?? '',
      organisationType: r.profile ?? '',
      departement: r.departement ?? '',
      locale: localeOf(r.locale),
    },
  }
}

/** Marks the invitation as used by this registration, inside the registration's transaction. False when it was used meanwhile. */
export async function claimInvitation(tx: Tx, recipientId: string, registrationId: string, now: Date) {
  const { count } = await tx.campaignRecipient.updateMany({
    where: { id: recipientId, registrationId: null },
    data: { registrationId, registeredAt: now },
  })
  return count === 1
}
