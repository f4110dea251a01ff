import { describe, expect, test } from 'vitest'
import { formContextOf, type FormContext } from '#app/modules/registrations/form.ts'
import { registrationSubmission, submittedFromPayload } from './registration-submission.ts'

const ctx: FormContext = formContextOf({
  questions: [
    { id: 'q_lunch', label: 'Déjeuner', type: 'single_choice', required: true, options: JSON.stringify(['Oui', 'Non']) },
    { id: 'q_topics', label: 'Thèmes', type: 'multiple_choice', required: false, options: JSON.stringify(['Emploi', 'Climat']) },
    { id: 'q_photo', label: 'Droit à l’image', type: 'checkbox', required: false, options: '[]' },
  ],
  slots: [{ id: 'slot_am', label: 'Matin' }],
  workshops: [
    { id: 'w1', slotId: 'slot_am', title: 'Atelier A' },
    { id: 'w2', slotId: 'slot_am', title: 'Atelier B' },
  ],
})

function form(entries: [string, string][]) {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  return fd
}

const valid: [string, string][] = [
  ['firstName', 'Camille'],
  ['lastName', 'Martin'],
  ['email', 'camille@example.org'],
  ['organisation', 'SCOP Les Ateliers'],
  ['organisationType', 'cooperative'],
  ['answers.q_lunch', 'Oui'],
  ['answers.q_topics', 'Emploi'],
  ['answers.q_topics', 'Climat'],
  ['answers.q_photo', 'on'],
  ['workshop.slot_am', 'w2'],
  ['consent', 'on'],
]

describe('registrationSubmission', () => {
  test('a valid form gives the module’s values', () => {
    const submission = registrationSubmission(form(valid), ctx)
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value.registration).toMatchObject({
      firstName: 'Camille',
      email: 'camille@example.org',
      answers: { q_lunch: 'Oui', q_topics: ['Emploi', 'Climat'], q_photo: true },
      workshops: ['w2'],
    })
    expect(submission.value.project).toBeNull()
  })

  test('errors are keyed by the fields’ names, as Conform and the error summary read them', () => {
    const submission = registrationSubmission(
      form(valid.filter(([k]) => k !== 'answers.q_lunch' && k !== 'consent').map(([k, v]) => [k, k === 'email' ? 'pas-une-adresse' : v])),
      ctx,
    )
    expect(submission.status).toBe('error')
    const reply = submission.reply()
    expect(reply.error).toEqual({
      email: ['register.error.email'],
      'answers.q_lunch': ['register.error.required'],
      consent: ['register.error.consent'],
    })
    // What was typed comes back in the reply, and the form re-renders with it.
    expect(submittedFromPayload(reply.initialValue, ctx)).toMatchObject({
      firstName: 'Camille',
      email: 'pas-une-adresse',
      consent: false,
      answers: { q_topics: ['Emploi', 'Climat'], q_photo: true },
      workshops: ['w2'],
    })
  })

  test('an event that selects its attendees also asks for the project', () => {
    const submission = registrationSubmission(form(valid), ctx, { withProject: true })
    expect(submission.status).toBe('error')
    expect(Object.keys(submission.reply().error ?? {})).toEqual(expect.arrayContaining(['projectName', 'projectDescription']))
  })

  test('the server’s extra errors (payment fields) join the reply', () => {
    const reply = registrationSubmission(form(valid), ctx).reply({ fieldErrors: { ticketTypeId: ['payments.error.ticket'] } })
    expect(reply.status).toBe('error')
    expect(reply.error).toEqual({ ticketTypeId: ['payments.error.ticket'] })
  })
})
