// An organisation's contacts: the list with search and filters, one contact at a time, the CSV
// import (preview, then run, with a report accounting for every line), adding people met elsewhere
// (attendees, nominees: the composition reads them), the export, and the contacts an audience may
// select (campaigns match them and add the attendees).
//
// Import choices:
// - The first occurrence of an address in the file wins; every later row with the same address
//   is rejected as "duplicate of line N" (nothing is merged behind the organiser's back).
// - An address already among the contacts is updated when `updateExisting` is set: the file's
//   non-empty cells replace the stored values, empty cells never erase, tags are added to the
//   existing ones. Without `updateExisting` the contact is left as it is and counted as
//   "already a contact".
// - Rows are written in chunks of IMPORT_CHUNK, one transaction each, with one audit entry per
//   chunk (counts, lines; never the addresses).
import { randomBytes } from 'node:crypto'
import { Prisma, prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { isProfile, type Profile } from '#app/shared/profiles.ts'
import { AppError, isUniqueViolation } from '#app/utils/errors.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { hasCriteria, type Audience } from './audience.ts'
import { IMPORT_CHUNK, IMPORT_MAX_BYTES, PAGE_SIZE, PREVIEW_ROWS } from './limits.ts'
import { readCsv, writeCsv, type CsvTable, type Encoding, type Separator } from './csv.ts'
import { departementFromText } from '#app/shared/territories.ts'
import {
  CONTACT_FIELDS,
  contactSearchText,
  fold,
  guessMapping,
  isContactLocale,
  mergeTags,
  normaliseTags,
  parseTags,
  rowToRaw,
  validateContact,
  type ColumnMapping,
  type ContactField,
  type ContactInput,
  type ContactLocale,
  type ContactSource,
  type RawContact,
} from './schema.ts'

export type Actor = { actorUserId?: string | null }

export { IMPORT_CHUNK, IMPORT_MAX_BYTES, PAGE_SIZE, PREVIEW_ROWS }
const IN_CHUNK = 500

// ---- List -------------------------------------------------------------------------------------

export type ContactFilters = { q?: string; tag?: string; profile?: string; departement?: string; locale?: string }

function whereFor(organisationId: string, f: ContactFilters) {
  const q = f.q ? fold(f.q) : ''
  const tag = f.tag ? normaliseTags(f.tag)[0] : undefined
  return {
    organisationId,
    ...(q ? { searchText: { contains: q } } : {}),
    ...(tag ? { tags: { contains: JSON.stringify(tag) } } : {}),
    ...(f.profile ? { profile: f.profile } : {}),
    ...(f.departement ? { departement: f.departement.toUpperCase() } : {}),
    ...(f.locale ? { locale: f.locale } : {}),
  }
}

const LIST_SELECT = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  structure: true,
  profile: true,
  departement: true,
  locale: true,
  tags: true,
  source: true,
  createdAt: true,
  updatedAt: true,
} as const

export async function listContacts(organisationId: string, filters: ContactFilters = {}, opts: { page?: number; pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? PAGE_SIZE, 1), 500)
  const where = whereFor(organisationId, filters)
  const [total, all] = await Promise.all([prisma.contact.count({ where }), prisma.contact.count({ where: { organisationId } })])
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(opts.page ?? 1, 1), pageCount)
  const rows = await prisma.contact.findMany({
    where,
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { email: 'asc' }],
    take: pageSize,
    skip: (page - 1) * pageSize,
    select: LIST_SELECT,
  })
  return { rows: rows.map((r) => ({ ...r, tags: parseTags(r.tags) })), total, all, page, pageSize, pageCount }
}

/** The values the filters offer, with how many contacts carry each (whole organisation). */
export async function contactFacets(organisationId: string) {
  const rows = await prisma.contact.findMany({
    where: { organisationId },
    select: { tags: true, profile: true, departement: true, locale: true },
  })
  const count = (values: (string | null)[]) => {
    const m = new Map<string, number>()
    for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1)
    return [...m].map(([value, n]) => ({ value, count: n })).sort((a, b) => a.value.localeCompare(b.value, 'fr'))
  }
  return {
    tags: count(rows.flatMap((r) => parseTags(r.tags))),
    profiles: count(rows.map((r) => r.profile)),
    departements: count(rows.map((r) => r.departement)),
    locales: count(rows.map((r) => r.locale)),
  }
}

export async function getContact(organisationId: string, contactId: string) {
  const row = await prisma.contact.findFirst({ where: { id: contactId, organisationId }, select: LIST_SELECT })
  if (!row) throw new AppError({ status: 404, code: 'contact_not_found', messageKey: 'contacts.error.notFound' })
  return { ...row, tags: parseTags(row.tags) }
}

// ---- One contact ------------------------------------------------------------------------------

function invalid(problems: { field: string; key: string }[]): never {
  const fields: Record<string, string[]> = {}
  for (const p of problems) (fields[p.field] ??= []).push(p.key)
  throw new AppError({ status: 400, code: 'invalid_contact', messageKey: 'contacts.error.invalid', fields })
}

const dataOf = (c: ContactInput) => ({
  email: c.email,
  firstName: c.firstName,
  lastName: c.lastName,
  structure: c.structure,
  profile: c.profile,
  departement: c.departement,
  locale: c.locale,
  tags: JSON.stringify(c.tags),
  searchText: contactSearchText(c),
})

const emailTaken = () =>
  new AppError({
    status: 409,
    code: 'contact_exists',
    messageKey: 'contacts.error.emailTaken',
    fields: { email: ['contacts.error.emailTaken'] },
  })

export async function createContact(
  organisationId: string,
  raw: Partial<Record<string, string>>,
  actor: Actor = {},
  source: ContactSource = 'manual',
) {
  const result = validateContact(raw as RawContact)
  if (!result.ok) invalid(result.problems)
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.contact.create({ data: { organisationId, source, ...dataOf(result.contact) }, select: { id: true } })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'contact.create',
        entityType: 'contact',
        entityId: created.id,
        details: { source },
      })
      return created
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken()
    throw error
  }
}

export async function updateContact(organisationId: string, contactId: string, raw: Partial<Record<string, string>>, actor: Actor = {}) {
  const result = validateContact(raw as RawContact)
  if (!result.ok) invalid(result.problems)
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.contact.findFirst({ where: { id: contactId, organisationId } })
      if (!before) throw new AppError({ status: 404, code: 'contact_not_found', messageKey: 'contacts.error.notFound' })
      const data = dataOf(result.contact)
      const changed = (['email', 'firstName', 'lastName', 'structure', 'profile', 'departement', 'locale', 'tags'] as const).filter(
        (k) => before[k] !== data[k],
      )
      await tx.contact.update({ where: { id: before.id }, data })
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'contact.update',
        entityType: 'contact',
        entityId: before.id,
        details: { fields: changed },
      })
      return { id: before.id }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken()
    throw error
  }
}

export async function deleteContact(organisationId: string, contactId: string, actor: Actor = {}) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.contact.deleteMany({ where: { id: contactId, organisationId } })
    if (count === 0) throw new AppError({ status: 404, code: 'contact_not_found', messageKey: 'contacts.error.notFound' })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'contact.delete',
      entityType: 'contact',
      entityId: contactId,
    })
  })
}

// ---- Writing many contacts at once ------------------------------------------------------------

type Incoming = {
  line: number
  contact: ContactInput
  /** Fields the source actually gave (non-empty), the only ones an update may replace. */
  present: ReadonlySet<ContactField>
}

/** What happens to an incoming contact whose address is already a contact. */
type ExistingMode = 'update' | 'skip' | 'tagOnly'

type UpsertOutcome = {
  created: number
  updated: number
  unchanged: number
  createdLines: number[]
  updatedLines: number[]
  unchangedLines: number[]
}

const INSERT_ROWS = 200

/**
 * Multi-row INSERTs (the same SQL on SQLite and PostgreSQL), far faster than one ORM call per
 * row at import sizes. In 'update' mode the rows exist: ON CONFLICT updates them in place
 * (id, source and createdAt kept).
 */
async function writeContacts(
  tx: Tx,
  organisationId: string,
  source: ContactSource,
  contacts: readonly ContactInput[],
  mode: 'insert' | 'update',
) {
  const now = new Date()
  for (let i = 0; i < contacts.length; i += INSERT_ROWS) {
    const values = contacts.slice(i, i + INSERT_ROWS).map((c) => {
      const d = dataOf(c)
      return Prisma.sql`(${`c${randomBytes(12).toString('hex')}`}, ${organisationId}, ${d.email}, ${d.firstName}, ${d.lastName}, ${d.structure}, ${d.profile}, ${d.departement}, ${d.locale}, ${d.tags}, ${source}, ${d.searchText}, ${now}, ${now})`
    })
    const onConflict =
      mode === 'update'
        ? Prisma.sql`ON CONFLICT ("organisationId", "email") DO UPDATE SET "firstName" = excluded."firstName", "lastName" = excluded."lastName",
            "structure" = excluded."structure", "profile" = excluded."profile", "departement" = excluded."departement", "locale" = excluded."locale",
            "tags" = excluded."tags", "searchText" = excluded."searchText", "updatedAt" = excluded."updatedAt"`
        : Prisma.empty
    await tx.$executeRaw`
      INSERT INTO "Contact" ("id", "organisationId", "email", "firstName", "lastName", "structure", "profile", "departement", "locale", "tags", "source", "searchText", "createdAt", "updatedAt")
      VALUES ${Prisma.join(values)} ${onConflict}`
  }
}

async function upsertContacts(
  organisationId: string,
  items: readonly Incoming[],
  opts: {
    mode: ExistingMode
    tagsToAdd: readonly string[]
    source: ContactSource
    action: string
    actor: Actor
    details?: Record<string, unknown>
  },
): Promise<UpsertOutcome> {
  const out: UpsertOutcome = { created: 0, updated: 0, unchanged: 0, createdLines: [], updatedLines: [], unchangedLines: [] }
  for (let i = 0; i < items.length; i += IMPORT_CHUNK) {
    const chunk = items.slice(i, i + IMPORT_CHUNK)
    const part = await prisma.$transaction(
      async (tx) => {
        const emails = chunk.map((c) => c.contact.email)
        const existing = new Map<
          string,
          {
            id: string
            tags: string
            firstName: string
            lastName: string
            structure: string | null
            profile: string | null
            departement: string | null
            locale: string
            email: string
          }
        >()
        for (let j = 0; j < emails.length; j += IN_CHUNK) {
          const rows = await tx.contact.findMany({
            where: { organisationId, email: { in: emails.slice(j, j + IN_CHUNK) } },
            select: {
              id: true,
              email: true,
              tags: true,
              firstName: true,
              lastName: true,
              structure: true,
              profile: true,
              departement: true,
              locale: true,
            },
          })
          for (const r of rows) existing.set(r.email, r)
        }
        const toCreate: Incoming[] = []
        const toUpdate: ContactInput[] = []
        const p: UpsertOutcome = { created: 0, updated: 0, unchanged: 0, createdLines: [], updatedLines: [], unchangedLines: [] }
        for (const item of chunk) {
          const found = existing.get(item.contact.email)
          if (!found) {
            toCreate.push(item)
            continue
          }
          if (opts.mode === 'skip') {
            p.unchanged++
            p.unchangedLines.push(item.line)
            continue
          }
          const tags = JSON.stringify(
            mergeTags(parseTags(found.tags), [...(opts.mode === 'update' ? item.contact.tags : []), ...opts.tagsToAdd]),
          )
          const next = { ...found, tags }
          if (opts.mode === 'update') {
            for (const field of ['firstName', 'lastName', 'structure', 'profile', 'departement', 'locale'] as const) {
              if (item.present.has(field)) (next as Record<string, unknown>)[field] = item.contact[field]
            }
          }
          const changed = (['tags', 'firstName', 'lastName', 'structure', 'profile', 'departement', 'locale'] as const).some(
            (k) => next[k] !== found[k],
          )
          if (!changed) {
            p.unchanged++
            p.unchangedLines.push(item.line)
            continue
          }
          toUpdate.push({
            email: found.email,
            firstName: next.firstName,
            lastName: next.lastName,
            structure: next.structure,
            profile: next.profile as Profile | null,
            departement: next.departement,
            locale: next.locale as ContactLocale,
            tags: parseTags(next.tags),
          })
          p.updated++
          p.updatedLines.push(item.line)
        }
        // The same multi-row statement; the address exists, so ON CONFLICT updates it in place.
        if (toUpdate.length > 0) await writeContacts(tx, organisationId, opts.source, toUpdate, 'update')
        if (toCreate.length > 0) {
          await writeContacts(
            tx,
            organisationId,
            opts.source,
            toCreate.map((item) => ({ ...item.contact, tags: mergeTags(item.contact.tags, opts.tagsToAdd) })),
            'insert',
          )
          p.created += toCreate.length
          p.createdLines.push(...toCreate.map((c) => c.line))
        }
        await audit(tx, {
          organisationId,
          actorUserId: opts.actor.actorUserId,
          action: opts.action,
          entityType: 'contact',
          details: {
            ...opts.details,
            created: p.created,
            updated: p.updated,
            unchanged: p.unchanged,
            fromLine: chunk[0]!.line,
            toLine: chunk.at(-1)!.line,
          },
        })
        return p
      },
      { timeout: 60_000, maxWait: 30_000 },
    )
    out.created += part.created
    out.updated += part.updated
    out.unchanged += part.unchanged
    out.createdLines.push(...part.createdLines)
    out.updatedLines.push(...part.updatedLines)
    out.unchangedLines.push(...part.unchangedLines)
  }
  return out
}

// ---- Import -----------------------------------------------------------------------------------

export type RejectReason = { key: string; field?: ContactField; value?: string; params?: Record<string, string | number> }
export type RejectedRow = { line: number; raw: string; reasons: RejectReason[] }

type Analysis = { table: CsvTable; mapping: ColumnMapping; accepted: Incoming[]; rejected: RejectedRow[]; rows: number }

function readTable(bytes: Uint8Array): CsvTable {
  if (bytes.length === 0) throw new AppError({ status: 400, code: 'import_empty', messageKey: 'contacts.import.error.empty' })
  if (bytes.length > IMPORT_MAX_BYTES)
    throw new AppError({
      status: 413,
      code: 'import_too_large',
      messageKey: 'contacts.import.error.tooLarge',
      params: { max: IMPORT_MAX_BYTES / 1024 / 1024 },
    })
  const table = readCsv(bytes)
  if (table.headers.length === 0) throw new AppError({ status: 400, code: 'import_empty', messageKey: 'contacts.import.error.empty' })
  return table
}

function analyse(table: CsvTable, mapping: ColumnMapping): Analysis {
  if (mapping.email === null)
    throw new AppError({
      status: 400,
      code: 'import_no_email',
      messageKey: 'contacts.import.error.emailColumn',
      fields: { 'map.email': ['contacts.import.error.emailColumn'] },
    })
  const rejected: RejectedRow[] = table.problems.map((p) => ({
    line: p.line,
    raw: p.raw,
    reasons: [
      p.code === 'unterminatedQuote'
        ? { key: 'contacts.import.reason.unterminatedQuote' }
        : { key: 'contacts.import.reason.columnCount', params: { expected: p.expected ?? 0, found: p.found ?? 0 } },
    ],
  }))
  const accepted: Incoming[] = []
  const firstLine = new Map<string, number>()
  for (const row of table.rows) {
    const raw = rowToRaw(row.fields, mapping)
    const result = validateContact(raw)
    if (!result.ok) {
      rejected.push({ line: row.line, raw: row.raw, reasons: result.problems.map((p) => ({ key: p.key, field: p.field, value: p.value })) })
      continue
    }
    const seen = firstLine.get(result.contact.email)
    if (seen !== undefined) {
      rejected.push({
        line: row.line,
        raw: row.raw,
        reasons: [{ key: 'contacts.import.reason.duplicate', field: 'email', value: result.contact.email, params: { line: seen } }],
      })
      continue
    }
    firstLine.set(result.contact.email, row.line)
    const present = new Set(CONTACT_FIELDS.filter((f) => mapping[f] !== null && raw[f].trim() !== ''))
    accepted.push({ line: row.line, contact: result.contact, present })
  }
  rejected.sort((a, b) => a.line - b.line)
  return { table, mapping, accepted, rejected, rows: table.rows.length + table.problems.length }
}

export type ImportPreview = {
  encoding: Encoding
  separator: Separator
  headers: string[]
  mapping: ColumnMapping
  guessed: boolean
  sample: { line: number; values: Record<ContactField, string>; reasons: RejectReason[] }[]
  rows: number
  valid: number
  existing: number
  rejected: RejectedRow[]
  blankLines: number[]
}

/** Reads the file and tells what an import would do, writing nothing. */
export async function previewImport(organisationId: string, bytes: Uint8Array, mapping?: ColumnMapping): Promise<ImportPreview> {
  const table = readTable(bytes)
  const used = mapping ?? guessMapping(table.headers)
  const sample = table.rows.slice(0, PREVIEW_ROWS).map((row) => {
    const values = rowToRaw(row.fields, used)
    const result = validateContact(values)
    return {
      line: row.line,
      values,
      reasons: result.ok ? [] : result.problems.map((p) => ({ key: p.key, field: p.field, value: p.value })),
    }
  })
  const base = {
    encoding: table.encoding,
    separator: table.separator,
    headers: table.headers,
    mapping: used,
    guessed: !mapping,
    sample,
    blankLines: table.blankLines,
  }
  if (used.email === null) {
    return { ...base, rows: table.rows.length + table.problems.length, valid: 0, existing: 0, rejected: [] }
  }
  const analysis = analyse(table, used)
  let existing = 0
  const emails = analysis.accepted.map((a) => a.contact.email)
  for (let i = 0; i < emails.length; i += IN_CHUNK) {
    existing += await prisma.contact.count({ where: { organisationId, email: { in: emails.slice(i, i + IN_CHUNK) } } })
  }
  return { ...base, rows: analysis.rows, valid: analysis.accepted.length, existing, rejected: analysis.rejected }
}

export type ImportOptions = { tagsToAdd?: readonly string[]; updateExisting?: boolean }

export type ImportReport = {
  encoding: Encoding
  separator: Separator
  /** Data records read (every line but the header and blank lines; a record may span lines). */
  rows: number
  created: number
  updated: number
  /** Already contacts and left as they were (no update asked, or nothing new). */
  unchanged: number
  rejected: RejectedRow[]
  blankLines: number[]
}

/** Imports the file: every data record ends up created, updated, unchanged or rejected with its reasons. */
export async function runImport(
  organisationId: string,
  bytes: Uint8Array,
  mapping: ColumnMapping,
  options: ImportOptions = {},
  actor: Actor = {},
): Promise<ImportReport> {
  const table = readTable(bytes)
  const analysis = analyse(table, mapping)
  const tagsToAdd = normaliseTags(options.tagsToAdd ?? [])
  const outcome = await upsertContacts(organisationId, analysis.accepted, {
    mode: options.updateExisting ? 'update' : 'skip',
    tagsToAdd,
    source: 'import',
    action: 'contact.import',
    actor,
    details: { rejected: analysis.rejected.length },
  })
  return {
    encoding: table.encoding,
    separator: table.separator,
    rows: analysis.rows,
    created: outcome.created,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    rejected: analysis.rejected,
    blankLines: table.blankLines,
  }
}

/** A rejection reason in words. */
export function reasonText(locale: Locale, reason: RejectReason): string {
  const field = reason.field ? translate(locale, `contacts.field.${reason.field}` as MessageKey) : null
  const message = translate(locale, reason.key as MessageKey, { ...reason.params, value: reason.value ?? '' })
  if (!field || reason.key === 'contacts.import.reason.duplicate') return message
  const value = reason.value?.trim() ? (locale === 'fr' ? ` «\u202f${reason.value.trim()}\u202f»` : ` “${reason.value.trim()}”`) : ''
  return `${field}${locale === 'fr' ? '\u202f:' : ':'} ${message}${value}`
}

// ---- Attendees and nominees -------------------------------------------------------------------

/** The contact profile of a nominee's legal form (prizes' legal forms, mostly the same codes). */
export const profileFromLegalForm = (legalForm: string | null): Profile | null => {
  if (!legalForm) return null
  if (legalForm === 'societe_ess') return 'esus'
  if (legalForm === 'other') return 'autre'
  return isProfile(legalForm) ? legalForm : null
}

function personToIncoming(p: Person, line: number, tags: string[]): Incoming | null {
  const result = validateContact({
    email: p.email,
    firstName: p.firstName.slice(0, 100),
    lastName: p.lastName.slice(0, 100),
    structure: p.structure.slice(0, 200),
  })
  if (!result.ok) return null
  const departement = p.departement ? departementFromText(p.departement) : null
  return {
    line,
    contact: {
      ...result.contact,
      profile: p.profile && isProfile(p.profile) ? p.profile : null,
      departement: departement ?? null,
      locale: isContactLocale(p.locale) ? p.locale : 'fr',
      tags,
    },
    present: new Set(),
  }
}

export type AddPeopleResult = { found: number; created: number; tagged: number; unchanged: number }

/** Someone known from elsewhere (an event's attendee, a nominee) to add as a contact. */
export type Person = {
  email: string
  firstName: string
  lastName: string
  structure: string
  profile: string | null
  departement: string | null
  locale: string
}

/**
 * Adds people met elsewhere as contacts (source "attendee" or "nominee"), with the tag: people
 * already in the contacts keep their data and get the tag. The composition reads the people from
 * their module (app/composition/contacts.server.ts).
 */
export async function addPeopleAsContacts(
  organisationId: string,
  people: readonly Person[],
  tag: string,
  origin: { source: 'attendee' | 'nominee'; action: string; details: Record<string, unknown> },
  actor: Actor = {},
): Promise<AddPeopleResult> {
  const tags = normaliseTags(tag).slice(0, 1)
  // The people added are found again by their tag: without one they would be lost in the list.
  if (tags.length === 0)
    throw new AppError({
      status: 400,
      code: 'tag_required',
      messageKey: 'contacts.add.tagRequired',
      fields: { tag: ['contacts.add.tagRequired'] },
    })
  const seen = new Set<string>()
  const items: Incoming[] = []
  for (const [i, p] of people.entries()) {
    const item = personToIncoming(p, i + 1, tags)
    if (item && !seen.has(item.contact.email)) {
      seen.add(item.contact.email)
      items.push(item)
    }
  }
  const out = await upsertContacts(organisationId, items, {
    mode: 'tagOnly',
    tagsToAdd: tags,
    source: origin.source,
    action: origin.action,
    actor,
    details: origin.details,
  })
  return { found: items.length, created: out.created, tagged: out.updated, unchanged: out.unchanged }
}

// ---- Export -----------------------------------------------------------------------------------

const EXPORT_COLUMNS = [
  'email',
  'firstName',
  'lastName',
  'structure',
  'profile',
  'departement',
  'locale',
  'tags',
  'source',
  'createdAt',
] as const

/** The filtered list as CSV for French spreadsheets (UTF-8 BOM, ";"); the import reads it back. */
export async function exportContactsCsv(organisationId: string, filters: ContactFilters, locale: Locale, now = new Date()) {
  const rows = await prisma.contact.findMany({
    where: whereFor(organisationId, filters),
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { email: 'asc' }],
    select: LIST_SELECT,
  })
  const headers = EXPORT_COLUMNS.map((c) => translate(locale, `contacts.field.${c}` as MessageKey))
  const day = now.toISOString().slice(0, 10)
  const body = writeCsv(
    headers,
    rows.map((r) => [
      r.email,
      r.firstName,
      r.lastName,
      r.structure ?? '',
      r.profile && isProfile(r.profile) ? translate(locale, `profile.${r.profile}`) : (r.profile ?? ''),
      r.departement ?? '',
      r.locale,
      parseTags(r.tags).join(', '),
      translate(locale, `contacts.source.${r.source}` as MessageKey),
      r.createdAt.toISOString().slice(0, 10),
    ]),
  )
  return {
    body,
    filename: `${translate(locale, 'contacts.export.filePrefix')}-${day}.csv`,
    contentType: 'text/csv; charset=utf-8',
    count: rows.length,
  }
}

// ---- Audience ---------------------------------------------------------------------------------

/** A contact as the audience selection (campaigns/audience.server.ts) matches it. */
export type AudienceContact = {
  contactId: string
  email: string
  firstName: string
  lastName: string
  structure: string | null
  profile: string | null
  departement: string | null
  locale: ContactLocale
  tags: string[]
}

/**
 * The contacts an audience may select: with criteria every contact of the organisation (the
 * caller matches them), else only the hand-picked ones. Nobody when the audience is empty.
 */
export async function audienceContacts(organisationId: string, audience: Audience, db: Tx = prisma): Promise<AudienceContact[]> {
  const criteria = hasCriteria(audience)
  if (!criteria && audience.contactIds.length === 0) return []
  type Row = {
    id: string
    email: string
    firstName: string
    lastName: string
    structure: string | null
    profile: string | null
    departement: string | null
    locale: string
    tags: string
  }
  // With criteria every contact of the organisation is a candidate: one raw SELECT of only the
  // needed columns (the ORM's per-row mapping costs more than the query at 10,000 contacts).
  const contacts: Row[] = criteria
    ? await db.$queryRaw<
        Row[]
      >`SELECT "id", "email", "firstName", "lastName", "structure", "profile", "departement", "locale", "tags" FROM "Contact" WHERE "organisationId" = ${organisationId}`
    : await db.contact.findMany({
        where: { organisationId, id: { in: audience.contactIds } },
        select: {
          id: true,
          email: true,
          firstName: true,
          lastName: true,
          structure: true,
          profile: true,
          departement: true,
          locale: true,
          tags: true,
        },
      })
  return contacts.map((c) => ({
    contactId: c.id,
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    structure: c.structure,
    profile: c.profile,
    departement: c.departement,
    locale: isContactLocale(c.locale) ? c.locale : 'fr',
    tags: parseTags(c.tags),
  }))
}

/** The tags used in the organisation's contacts (for the audience editor). */
export async function contactTags(organisationId: string): Promise<{ value: string; count: number }[]> {
  return (await contactFacets(organisationId)).tags
}
