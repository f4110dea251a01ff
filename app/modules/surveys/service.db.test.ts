// Satisfaction surveys against a real database (SQLite and PostgreSQL): invitations only to those
// who attended, reminders only to those who have not answered and once per step, anonymous
// responses with no link to the person, named ones changeable, and the results and their export.
import { describe, expect, test } from 'vitest'
import { register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { makeEvent, makeOrganisation, person } from '#tests/support/factories.ts'
import {
  addSurveyQuestion,
  createBankQuestion,
  createSurvey,
  resultRows,
  sendSurvey,
  sendSurveyReminders,
  submitSurveyResponse,
  surveyPage,
  surveyResultsOf,
} from './service.server.ts'

const DAY = 86_400_000

async function surveyWithAttendees(opts: { anonymous: boolean }) {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { capacity: 20 })
  const people = []
  for (const locale of ['fr', 'en', 'fr'] as const) {
    const { registration } = await register(event.id, person({ locale }))
    people.push(registration)
  }
  // Registration happens before the event; the survey after it.
  await prisma.event.update({
    where: { id: event.id },
    data: { startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - 2 * DAY + 3 * 3600_000) },
  })
  // Two of the three came (checked in); the third registered but never showed up.
  await prisma.registration.updateMany({ where: { id: { in: [people[0]!.id, people[1]!.id] } }, data: { checkedInAt: new Date() } })
  const survey = await createSurvey(event.id, {
    kind: 'hot',
    anonymous: opts.anonymous,
    opensAt: new Date(Date.now() - DAY),
    closesAt: new Date(Date.now() + 30 * DAY),
    reminderDays: [3, 7],
  })
  const rating = await createBankQuestion(org.id, {
    kind: 'rating',
    labelFr: 'Satisfaction globale',
    labelEn: 'Overall satisfaction',
    options: [],
  })
  await addSurveyQuestion(org.id, event.id, survey.id, { bankQuestionId: rating.id })
  await addSurveyQuestion(org.id, event.id, survey.id, {
    kind: 'multiple',
    labelFr: 'Ce qui vous a plu',
    labelEn: 'What you liked',
    options: [
      { fr: 'Accueil', en: 'Welcome' },
      { fr: 'Contenu', en: 'Content' },
    ],
    saveToBank: false,
  })
  await addSurveyQuestion(org.id, event.id, survey.id, {
    kind: 'text',
    labelFr: 'Commentaire',
    labelEn: 'Comment',
    options: [],
    saveToBank: false,
  })
  const questions = await prisma.surveyQuestion.findMany({ where: { surveyId: survey.id }, orderBy: { position: 'asc' } })
  return { org, event, survey, people, questions }
}

async function surveyEmails(surveyId: string) {
  const rows = await prisma.emailMessage.findMany({ where: { category: `survey:${surveyId}` }, orderBy: { createdAt: 'asc' } })
  return rows.map((row) => {
    const props = JSON.parse(row.payload) as { url: string; reminder: boolean }
    return { to: row.toAddress, locale: row.locale, reminder: props.reminder, token: props.url.split('/s/')[1]! }
  })
}

describe('sending a survey', () => {
  test('invites only those who attended, each in their language, through the outbox with a hashed token', async () => {
    const { event, survey, people } = await surveyWithAttendees({ anonymous: true })
    expect(await sendSurvey(event.id, survey.id)).toEqual({ invited: 2 })
    const invitations = await prisma.surveyInvitation.findMany({ where: { surveyId: survey.id } })
    expect(invitations.map((i) => i.registrationId).sort()).toEqual([people[0]!.id, people[1]!.id].sort())
    const emails = await surveyEmails(survey.id)
    expect(emails.map((e) => [e.to, e.locale]).sort()).toEqual(
      [
        [people[0]!.email, 'fr'],
        [people[1]!.email, 'en'],
      ].sort(),
    )
    // Only the hash is stored: the token in the email is not in the table.
    for (const email of emails) expect(invitations.some((i) => i.tokenHash === email.token)).toBe(false)
    // Sending again invites nobody twice.
    expect(await sendSurvey(event.id, survey.id)).toEqual({ invited: 0 })
  })
})

describe('reminders', () => {
  test('go only to those who have not answered, once per step, at most two', async () => {
    const { event, survey, people, questions } = await surveyWithAttendees({ anonymous: false })
    const sentAt = new Date()
    await sendSurvey(event.id, survey.id, sentAt)
    const [first] = (await surveyEmails(survey.id)).filter((e) => e.to === people[0]!.email)
    await submitSurveyResponse(first!.token, [{ questionId: questions[0]!.id, rating: 4 }])

    // Other tests' surveys share the database: count this survey's reminder emails after each run.
    const remindersAfter = async (days: number) => {
      await sendSurveyReminders(new Date(sentAt.getTime() + days * DAY))
      return (await surveyEmails(survey.id)).filter((e) => e.reminder).length
    }
    expect(await remindersAfter(2)).toBe(0)
    expect(await remindersAfter(3.01)).toBe(1)
    expect(await remindersAfter(4)).toBe(1)
    expect(await remindersAfter(7.01)).toBe(2)
    expect(await remindersAfter(20)).toBe(2)
    const reminders = (await surveyEmails(survey.id)).filter((e) => e.reminder)
    expect(reminders.map((e) => e.to)).toEqual([people[1]!.email, people[1]!.email])
    // A reminder's link opens the same invitation; the first email's link still works too.
    const page = await surveyPage(reminders[0]!.token)
    expect(page.canAnswer).toBe(true)
    const original = (await surveyEmails(survey.id)).find((e) => e.to === people[1]!.email && !e.reminder)!
    expect((await surveyPage(original.token)).canAnswer).toBe(true)
  })
})

describe('answers', () => {
  test('anonymous: the response carries no registration and cannot be sent twice', async () => {
    const { event, survey, people, questions } = await surveyWithAttendees({ anonymous: true })
    await sendSurvey(event.id, survey.id)
    const emails = await surveyEmails(survey.id)
    const mine = emails.find((e) => e.to === people[0]!.email)!
    await submitSurveyResponse(mine.token, [
      { questionId: questions[0]!.id, rating: 5 },
      { questionId: questions[2]!.id, text: 'Très bien organisé' },
    ])
    const responses = await prisma.surveyResponse.findMany({ where: { surveyId: survey.id } })
    expect(responses).toHaveLength(1)
    expect(responses[0]!.registrationId).toBeNull()
    // The invitation records that they answered (the day only), nothing points to the response.
    const invitation = await prisma.surveyInvitation.findFirstOrThrow({ where: { surveyId: survey.id, registrationId: people[0]!.id } })
    expect(invitation.answeredAt).not.toBeNull()
    expect(invitation.answeredAt!.getUTCHours()).toBe(0)
    expect(responses[0]!.submittedOn.getTime()).toBe(invitation.answeredAt!.getTime())
    await expect(submitSurveyResponse(mine.token, [{ questionId: questions[0]!.id, rating: 1 }])).rejects.toMatchObject({ status: 409 })
    const page = await surveyPage(mine.token)
    expect(page.canAnswer).toBe(false)
    expect(page.answeredAt).not.toBeNull()
  })

  test('named: the response is the person’s and may be changed until the survey closes', async () => {
    const { event, survey, people, questions } = await surveyWithAttendees({ anonymous: false })
    await sendSurvey(event.id, survey.id)
    const mine = (await surveyEmails(survey.id)).find((e) => e.to === people[1]!.email)!
    await submitSurveyResponse(mine.token, [{ questionId: questions[0]!.id, rating: 2 }])
    await submitSurveyResponse(mine.token, [{ questionId: questions[0]!.id, rating: 4 }])
    const responses = await prisma.surveyResponse.findMany({ where: { surveyId: survey.id }, include: { answers: true } })
    expect(responses).toHaveLength(1)
    expect(responses[0]!.registrationId).toBe(people[1]!.id)
    expect(responses[0]!.answers.map((a) => a.rating)).toEqual([4])
    expect((await surveyPage(mine.token)).previous[questions[0]!.id]!.rating).toBe(4)
  })
})

describe('results and export', () => {
  test('distribution, mean, free texts, response rate; the export rows carry them', async () => {
    const { event, survey, people, questions } = await surveyWithAttendees({ anonymous: true })
    await sendSurvey(event.id, survey.id)
    const emails = await surveyEmails(survey.id)
    const tokenOf = (i: number) => emails.find((e) => e.to === people[i]!.email)!.token
    await submitSurveyResponse(tokenOf(0), [
      { questionId: questions[0]!.id, rating: 5 },
      { questionId: questions[1]!.id, choices: [0, 1] },
      { questionId: questions[2]!.id, text: 'Bravo' },
    ])
    await submitSurveyResponse(tokenOf(1), [
      { questionId: questions[0]!.id, rating: 3 },
      { questionId: questions[1]!.id, choices: [1, 7] },
    ])
    const results = await surveyResultsOf(event.id, survey.id, 'fr')
    expect([results.invited, results.answered, results.responseRate]).toEqual([2, 2, 100])
    expect(results.questions[0]!.mean).toBe(4)
    expect(results.questions[1]!.distribution).toEqual([
      { label: 'Accueil', count: 1, percent: 50 },
      { label: 'Contenu', count: 2, percent: 100 },
    ])
    expect(results.questions[2]!.texts).toEqual(['Bravo'])
    const rows = resultRows(results, { question: 'Question', answer: 'Réponse', count: 'Nombre', percent: '%', mean: 'Moyenne' })
    expect(rows).toContainEqual(['1. Satisfaction globale', '5', 1, 50, 4])
    expect(rows).toContainEqual(['2. Ce qui vous a plu', 'Contenu', 2, 100, ''])
    expect(rows).toContainEqual(['3. Commentaire', 'Bravo', '', '', ''])
  })
})
