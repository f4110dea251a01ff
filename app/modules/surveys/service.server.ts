// Satisfaction surveys: the organisation's question bank, surveys per event built from it, the
// invitations sent to those who attended (attendance module), reminders to those who have not
// answered, the answers (anonymous or named) and the results.
import { randomUUID } from 'node:crypto'
import { prisma, type Tx } from '#app/db.server.ts'
import { attendanceOf } from '#app/modules/attendance/attended.server.ts'
import { generateToken, hashToken } from '#app/modules/auth/session.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { AppError, notFoundError } from '#app/utils/errors.ts'
import { isLocale, type Locale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import {
  isSurveyReminderDue,
  parseReminderDays,
  responseRate,
  surveyResults,
  type AnswerForResults,
  type Option,
  type QuestionKind,
  type SurveyKind,
} from './rules.ts'

export type QuestionInput = { kind: QuestionKind; labelFr: string; labelEn: string; options: Option[] }

const parseOptions = (json: string): Option[] => {
  try {
    const value = JSON.parse(json) as unknown
    return Array.isArray(value) ? (value as Option[]) : []
  } catch {
    return []
  }
}
const parseChoices = (json: string): number[] => parseOptions(json) as unknown as number[]

export const surveyUrlFor = (token: string) => absoluteUrl(`/s/${token}`)
const surveyNotFound = () => notFoundError()
const alreadySent = () => new AppError({ status: 409, code: 'survey_sent', messageKey: 'surveys.error.alreadySent' })

// ——— Question bank ———

export async function listBankQuestions(organisationId: string) {
  const rows = await prisma.surveyBankQuestion.findMany({ where: { organisationId }, orderBy: { createdAt: 'asc' } })
  return rows.map((row) => ({ ...row, kind: row.kind as QuestionKind, options: parseOptions(row.options) }))
}

export async function createBankQuestion(organisationId: string, input: QuestionInput) {
  return prisma.surveyBankQuestion.create({
    data: { organisationId, kind: input.kind, labelFr: input.labelFr, labelEn: input.labelEn, options: JSON.stringify(input.options) },
  })
}

export async function deleteBankQuestion(organisationId: string, id: string) {
  const { count } = await prisma.surveyBankQuestion.deleteMany({ where: { id, organisationId } })
  if (count === 0) throw notFoundError()
}

// ——— Surveys ———

export type SurveySettings = { kind: SurveyKind; anonymous: boolean; opensAt: Date; closesAt: Date; reminderDays: number[] }

function checkDates(s: SurveySettings) {
  if (s.closesAt <= s.opensAt)
    throw new AppError({
      status: 400,
      code: 'invalid',
      messageKey: 'surveys.error.closesBeforeOpens',
      fields: { closesAt: ['surveys.error.closesBeforeOpens'] },
    })
}

export async function createSurvey(eventId: string, settings: SurveySettings) {
  checkDates(settings)
  return prisma.survey.create({
    data: { eventId, ...settings, reminderDays: parseReminderDays(settings.reminderDays.join(',')).join(',') },
  })
}

export async function listSurveys(eventId: string) {
  const surveys = await prisma.survey.findMany({
    where: { eventId },
    orderBy: { createdAt: 'asc' },
    include: { _count: { select: { questions: true, invitations: true } } },
  })
  const answered = await prisma.surveyInvitation.groupBy({
    by: ['surveyId'],
    where: { surveyId: { in: surveys.map((s) => s.id) }, answeredAt: { not: null } },
    _count: { _all: true },
  })
  const answeredBy = new Map(answered.map((row) => [row.surveyId, row._count._all]))
  return surveys.map((s) => ({
    id: s.id,
    kind: s.kind as SurveyKind,
    anonymous: s.anonymous,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    sentAt: s.sentAt,
    questions: s._count.questions,
    invited: s._count.invitations,
    answered: answeredBy.get(s.id) ?? 0,
  }))
}

/** A survey of this event with its questions in order; 404 for another event's. */
export async function getSurvey(eventId: string, surveyId: string) {
  const survey = await prisma.survey.findFirst({
    where: { id: surveyId, eventId },
    include: { questions: { orderBy: { position: 'asc' } } },
  })
  if (!survey) throw surveyNotFound()
  return {
    ...survey,
    kind: survey.kind as SurveyKind,
    reminderDays: parseReminderDays(survey.reminderDays),
    questions: survey.questions.map((q) => ({ ...q, kind: q.kind as QuestionKind, options: parseOptions(q.options) })),
  }
}

async function editableSurvey(eventId: string, surveyId: string) {
  const survey = await getSurvey(eventId, surveyId)
  if (survey.sentAt) throw alreadySent()
  return survey
}

export async function updateSurveySettings(eventId: string, surveyId: string, settings: SurveySettings) {
  checkDates(settings)
  const survey = await getSurvey(eventId, surveyId)
  // Once sent, people were told whether their answers are anonymous: that cannot change.
  if (survey.sentAt && settings.anonymous !== survey.anonymous) throw alreadySent()
  await prisma.survey.update({
    where: { id: survey.id },
    data: { ...settings, reminderDays: parseReminderDays(settings.reminderDays.join(',')).join(',') },
  })
}

export async function deleteSurvey(eventId: string, surveyId: string) {
  await editableSurvey(eventId, surveyId)
  await prisma.survey.delete({ where: { id: surveyId } })
}

/** Adds a question at the end: a copy of a bank question of the organisation, or a new one (optionally saved to the bank too). */
export async function addSurveyQuestion(
  organisationId: string,
  eventId: string,
  surveyId: string,
  from: { bankQuestionId: string } | (QuestionInput & { saveToBank: boolean }),
) {
  const survey = await editableSurvey(eventId, surveyId)
  const position = (survey.questions.at(-1)?.position ?? 0) + 1
  return prisma.$transaction(async (tx) => {
    let question: QuestionInput & { bankQuestionId: string | null }
    if ('bankQuestionId' in from) {
      const bank = await tx.surveyBankQuestion.findFirst({ where: { id: from.bankQuestionId, organisationId } })
      if (!bank) throw notFoundError()
      question = {
        kind: bank.kind as QuestionKind,
        labelFr: bank.labelFr,
        labelEn: bank.labelEn,
        options: parseOptions(bank.options),
        bankQuestionId: bank.id,
      }
    } else {
      const { saveToBank, ...input } = from
      const bank = saveToBank
        ? await tx.surveyBankQuestion.create({ data: { organisationId, ...input, options: JSON.stringify(input.options) } })
        : null
      question = { ...input, bankQuestionId: bank?.id ?? null }
    }
    return tx.surveyQuestion.create({ data: { surveyId, position, ...question, options: JSON.stringify(question.options) } })
  })
}

export async function moveSurveyQuestion(eventId: string, surveyId: string, questionId: string, direction: 'up' | 'down') {
  const survey = await editableSurvey(eventId, surveyId)
  const index = survey.questions.findIndex((q) => q.id === questionId)
  if (index < 0) throw notFoundError()
  const other = survey.questions[direction === 'up' ? index - 1 : index + 1]
  if (!other) return
  const current = survey.questions[index]!
  await prisma.$transaction([
    prisma.surveyQuestion.update({ where: { id: current.id }, data: { position: other.position } }),
    prisma.surveyQuestion.update({ where: { id: other.id }, data: { position: current.position } }),
  ])
}

export async function removeSurveyQuestion(eventId: string, surveyId: string, questionId: string) {
  await editableSurvey(eventId, surveyId)
  const { count } = await prisma.surveyQuestion.deleteMany({ where: { id: questionId, surveyId } })
  if (count === 0) throw notFoundError()
}

type Invitee = { id: string; email: string; firstName: string; lastName: string; locale: string }

async function enqueueSurveyEmail(
  tx: Tx,
  invitee: Invitee,
  event: { title: string; organisationId: string },
  survey: { id: string; kind: string; anonymous: boolean; closesAt: Date },
  token: string,
  reminder: boolean,
) {
  const locale: Locale = isLocale(invitee.locale) ? invitee.locale : 'fr'
  await enqueueEmail(tx, {
    to: invitee.email,
    toName: `${invitee.firstName} ${invitee.lastName}`,
    locale,
    template: 'survey-invitation',
    organisationId: event.organisationId,
    category: `survey:${survey.id}`,
    props: {
      firstName: invitee.firstName,
      eventTitle: event.title,
      kind: survey.kind as SurveyKind,
      anonymous: survey.anonymous,
      closesAt: survey.closesAt.toISOString(),
      url: surveyUrlFor(token),
      reminder,
    },
  })
}

/**
 * Sends the survey to those who attended (attendanceOf), each invitation and its email in one
 * transaction. Sending again later reaches only attendees not yet invited (late check-ins).
 */
export async function sendSurvey(eventId: string, surveyId: string, now = new Date()) {
  const survey = await getSurvey(eventId, surveyId)
  if (survey.questions.length === 0) throw new AppError({ status: 409, code: 'survey_empty', messageKey: 'surveys.error.noQuestions' })
  if (now >= survey.closesAt) throw new AppError({ status: 409, code: 'survey_closed', messageKey: 'surveys.error.closed' })
  const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, organisationId: true } })
  const attended = await attendanceOf(eventId)
  const already = new Set(
    (await prisma.surveyInvitation.findMany({ where: { surveyId }, select: { registrationId: true } })).map((i) => i.registrationId),
  )
  const ids = [...attended.keys()].filter((id) => !already.has(id))
  const invitees = await prisma.registration.findMany({
    where: { id: { in: ids }, eventId },
    select: { id: true, email: true, firstName: true, lastName: true, locale: true },
  })
  await prisma.$transaction(async (tx) => {
    for (const invitee of invitees) {
      const token = generateToken()
      await tx.surveyInvitation.create({ data: { surveyId, registrationId: invitee.id, tokenHash: hashToken(token), sentAt: now } })
      await enqueueSurveyEmail(tx, invitee, event, survey, token, false)
    }
    if (!survey.sentAt) await tx.survey.update({ where: { id: surveyId }, data: { sentAt: now } })
  })
  return { invited: invitees.length }
}

/**
 * The periodic job: one reminder per due step (rules.isSurveyReminderDue) to invitees who have not
 * answered, claimed with a conditional update on reminderCount so a step is never sent twice, even
 * by two runners. The reminder carries a fresh link (only hashes are stored); earlier links keep working.
 */
export async function sendSurveyReminders(now = new Date()) {
  const surveys = await prisma.survey.findMany({
    where: { sentAt: { not: null }, closesAt: { gt: now } },
    select: {
      id: true,
      kind: true,
      anonymous: true,
      closesAt: true,
      reminderDays: true,
      event: { select: { title: true, organisationId: true } },
    },
  })
  let sent = 0
  for (const survey of surveys) {
    const reminderDays = parseReminderDays(survey.reminderDays)
    if (reminderDays.length === 0) continue
    const open = await prisma.surveyInvitation.findMany({
      where: { surveyId: survey.id, answeredAt: null },
      include: { registration: { select: { id: true, email: true, firstName: true, lastName: true, locale: true, status: true } } },
    })
    for (const invitation of open) {
      const step = isSurveyReminderDue({ ...invitation, closesAt: survey.closesAt, reminderDays }, now)
      if (step === null || invitation.registration.status !== 'confirmed') continue
      await prisma.$transaction(async (tx) => {
        const token = generateToken()
        const { count } = await tx.surveyInvitation.updateMany({
          where: { id: invitation.id, reminderCount: invitation.reminderCount, answeredAt: null },
          data: { reminderCount: step, remindedAt: now },
        })
        if (count === 0) return
        await tx.surveyReminderLink.create({ data: { tokenHash: hashToken(token), invitationId: invitation.id } })
        await enqueueSurveyEmail(tx, invitation.registration, survey.event, survey, token, true)
        sent++
      })
    }
  }
  return sent
}

// ——— Answering from the personal link ———

async function invitationByToken(token: string) {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return null
  const tokenHash = hashToken(token)
  const viaReminder = await prisma.surveyReminderLink.findUnique({ where: { tokenHash }, select: { invitationId: true } })
  return prisma.surveyInvitation.findUnique({
    where: viaReminder ? { id: viaReminder.invitationId } : { tokenHash },
    include: {
      survey: { include: { questions: { orderBy: { position: 'asc' } }, event: { select: { title: true, timeZone: true } } } },
      registration: { select: { firstName: true, locale: true } },
    },
  })
}

export type SurveyPageQuestion = { id: string; kind: QuestionKind; labelFr: string; labelEn: string; options: Option[]; required: boolean }

/**
 * What the personal link shows: the form (open, not yet answered, or named and changeable until
 * it closes, with the earlier answers), "merci" once answered, or "closed" / "not open yet".
 */
export async function surveyPage(token: string, now = new Date()) {
  const invitation = await invitationByToken(token)
  if (!invitation) throw notFoundError()
  const { survey } = invitation
  const questions: SurveyPageQuestion[] = survey.questions.map((q) => ({
    ...q,
    kind: q.kind as QuestionKind,
    options: parseOptions(q.options),
  }))
  const state = now < survey.opensAt ? 'notOpen' : now >= survey.closesAt ? 'closed' : 'open'
  let previous: Record<string, { rating: number | null; choices: number[]; text: string | null }> = {}
  if (!survey.anonymous && invitation.answeredAt) {
    const response = await prisma.surveyResponse.findUnique({
      where: { surveyId_registrationId: { surveyId: survey.id, registrationId: invitation.registrationId } },
      include: { answers: true },
    })
    previous = Object.fromEntries(
      (response?.answers ?? []).map((a) => [a.questionId, { rating: a.rating, choices: parseChoices(a.choices), text: a.text }]),
    )
  }
  return {
    eventTitle: survey.event.title,
    kind: survey.kind as SurveyKind,
    anonymous: survey.anonymous,
    closesAt: survey.closesAt,
    timeZone: survey.event.timeZone,
    firstName: invitation.registration.firstName,
    state,
    answeredAt: invitation.answeredAt,
    /** Named surveys may be answered again until they close; anonymous ones once (nothing links the answer back). */
    canAnswer: state === 'open' && (!invitation.answeredAt || !survey.anonymous),
    questions,
    previous,
  }
}

export type SubmittedAnswer = { questionId: string; rating?: number; choices?: number[]; text?: string }

/** Records the answers of the invitation's holder; anonymous surveys keep no link from the response to them. */
export async function submitSurveyResponse(token: string, answers: SubmittedAnswer[], now = new Date()) {
  const invitation = await invitationByToken(token)
  if (!invitation) throw notFoundError()
  const { survey } = invitation
  if (now < survey.opensAt || now >= survey.closesAt)
    throw new AppError({ status: 409, code: 'survey_closed', messageKey: 'surveys.error.closed' })
  const questions = new Map(survey.questions.map((q) => [q.id, { kind: q.kind as QuestionKind, options: parseOptions(q.options) }]))
  const rows = answers.flatMap((answer) => {
    const question = questions.get(answer.questionId)
    if (!question) return []
    const choices = (answer.choices ?? []).filter((c) => Number.isInteger(c) && c >= 0 && c < question.options.length)
    const row = {
      questionId: answer.questionId,
      rating: question.kind === 'rating' && answer.rating && answer.rating >= 1 && answer.rating <= 5 ? answer.rating : null,
      choices: JSON.stringify(question.kind === 'single' ? choices.slice(0, 1) : question.kind === 'multiple' ? choices : []),
      text: question.kind === 'text' && answer.text?.trim() ? answer.text.trim() : null,
    }
    return row.rating === null && row.choices === '[]' && row.text === null ? [] : [row]
  })
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  await prisma.$transaction(async (tx) => {
    if (survey.anonymous) {
      // Claim first: a second submit of the same link finds the invitation answered and stops.
      const { count } = await tx.surveyInvitation.updateMany({ where: { id: invitation.id, answeredAt: null }, data: { answeredAt: day } })
      if (count === 0) throw new AppError({ status: 409, code: 'survey_answered', messageKey: 'surveys.error.alreadyAnswered' })
      await tx.surveyResponse.create({ data: { id: randomUUID(), surveyId: survey.id, submittedOn: day, answers: { create: rows } } })
      return
    }
    const key = { surveyId_registrationId: { surveyId: survey.id, registrationId: invitation.registrationId } }
    const existing = await tx.surveyResponse.findUnique({ where: key, select: { id: true } })
    if (existing) {
      await tx.surveyAnswer.deleteMany({ where: { responseId: existing.id } })
      await tx.surveyResponse.update({ where: { id: existing.id }, data: { submittedOn: now, answers: { create: rows } } })
    } else {
      await tx.surveyResponse.create({
        data: {
          id: randomUUID(),
          surveyId: survey.id,
          registrationId: invitation.registrationId,
          submittedOn: now,
          answers: { create: rows },
        },
      })
    }
    await tx.surveyInvitation.update({ where: { id: invitation.id }, data: { answeredAt: invitation.answeredAt ?? now } })
  })
}

// ——— Results ———

/** Per question: distribution, mean of ratings, free texts; and the response rate. Labels in `locale`. */
export async function surveyResultsOf(eventId: string, surveyId: string, locale: Locale) {
  const survey = await getSurvey(eventId, surveyId)
  const [invited, answered, answers] = await Promise.all([
    prisma.surveyInvitation.count({ where: { surveyId } }),
    prisma.surveyInvitation.count({ where: { surveyId, answeredAt: { not: null } } }),
    prisma.surveyAnswer.findMany({
      where: { response: { surveyId } },
      select: { questionId: true, rating: true, choices: true, text: true },
    }),
  ])
  const parsed: AnswerForResults[] = answers.map((a) => ({ ...a, choices: parseChoices(a.choices) }))
  const label = (o: { fr: string; en: string }) => (locale === 'en' && o.en ? o.en : o.fr)
  const results = surveyResults(survey.questions, parsed, label)
  return {
    survey,
    invited,
    answered,
    responseRate: responseRate(invited, answered),
    questions: survey.questions.map((q, i) => ({ ...results[i]!, position: i + 1, label: label({ fr: q.labelFr, en: q.labelEn }) })),
  }
}

export type SurveyResults = Awaited<ReturnType<typeof surveyResultsOf>>

/** The results as rows for CSV/XLSX: one row per option or rating value, then one per free text. */
export function resultRows(
  results: SurveyResults,
  headers: { question: string; answer: string; count: string; percent: string; mean: string },
) {
  const rows: (string | number)[][] = [[headers.question, headers.answer, headers.count, headers.percent, headers.mean]]
  for (const q of results.questions) {
    const title = `${q.position}. ${q.label}`
    for (const d of q.distribution) rows.push([title, d.label, d.count, d.percent, q.mean ?? ''])
    for (const text of q.texts) rows.push([title, text, '', '', ''])
  }
  return rows
}

/** All surveys of an event with their results, for the API. */
export async function eventSurveyResults(eventId: string, locale: Locale) {
  const surveys = await prisma.survey.findMany({ where: { eventId }, orderBy: { createdAt: 'asc' }, select: { id: true } })
  return Promise.all(surveys.map((s) => surveyResultsOf(eventId, s.id, locale)))
}
