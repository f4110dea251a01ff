import { describe, expect, test } from 'vitest'
import { translator } from '#app/utils/i18n.ts'
import { formErrorMessage } from '#app/shared/form-message.ts'
import {
  formContextOf,
  parseEditValues,
  parseRegistrationFormData,
  parseRegistrationJson,
  toRegistrationInput,
  type FormContext,
} from './form.ts'

const ctx: FormContext = formContextOf({
  questions: [
    {
      id: 'q_lunch',
      label: 'Déjeuner',
      type: 'single_choice',
      required: true,
      options: JSON.stringify(['Sur place', 'Non merci']),
      position: 1,
    },
    {
      id: 'q_topics',
      label: 'Thèmes',
      type: 'multiple_choice',
      required: false,
      options: JSON.stringify(['Emploi', 'Climat', 'Finance']),
      position: 2,
    },
    { id: 'q_photo', label: 'Droit à l’image', type: 'checkbox', required: true, options: '[]', position: 3 },
    { id: 'q_news', label: 'Lettre', type: 'checkbox', required: false, options: '[]', position: 4 },
    { id: 'q_role', label: 'Fonction', type: 'short_text', required: false, options: '[]', position: 5 },
    { id: 'q_project', label: 'Projet', type: 'long_text', required: true, options: '[]', position: 0 },
    { id: 'q_bad', label: 'Ancien type', type: 'rating', required: true, options: '[]', position: 6 },
  ],
  slots: [
    { id: 'slot_am', label: 'Matin' },
    { id: 'slot_pm', label: 'Après-midi' },
  ],
  workshops: [
    { id: 'w1', slotId: 'slot_am', title: 'Atelier 1', position: 0 },
    { id: 'w2', slotId: 'slot_am', title: 'Atelier 2', position: 1 },
    { id: 'w3', slotId: 'slot_pm', title: 'Atelier 3', position: 0 },
  ],
})

function fd(entries: [string, string][]) {
  const f = new FormData()
  for (const [k, v] of entries) f.append(k, v)
  return f
}

const valid: [string, string][] = [
  ['firstName', '  Camille '],
  ['lastName', 'Martin'],
  ['email', ' Camille.Martin@Example.org '],
  ['organisation', 'SCOP Les Ateliers'],
  ['organisationType', 'cooperative'],
  ['phone', ''],
  ['accessibilityNeeds', ''],
  ['dietaryNeeds', 'Végétarien'],
  ['answers.q_lunch', 'Sur place'],
  ['answers.q_topics', 'Emploi'],
  ['answers.q_topics', 'Climat'],
  ['answers.q_photo', 'on'],
  ['answers.q_role', ''],
  ['answers.q_project', 'Une recyclerie à Narbonne'],
  ['workshop.slot_am', 'w2'],
  ['workshop.slot_pm', ''],
  ['consent', 'on'],
]

describe('context', () => {
  test('questions are ordered, unknown types dropped, workshops grouped by slot', () => {
    expect(ctx.questions.map((q) => q.id)).toEqual(['q_project', 'q_lunch', 'q_topics', 'q_photo', 'q_news', 'q_role'])
    expect(ctx.slots.map((s) => s.workshops.map((w) => w.id))).toEqual([['w1', 'w2'], ['w3']])
  })
})

describe('form submission', () => {
  test('a complete form maps to the service input', () => {
    const r = parseRegistrationFormData(fd(valid), ctx)
    expect(r.success).toBe(true)
    if (!r.success) return
    expect(r.value).toMatchObject({
      firstName: 'Camille',
      email: 'Camille.Martin@Example.org',
      phone: null,
      accessibilityNeeds: null,
      dietaryNeeds: 'Végétarien',
    })
    expect(r.value.answers).toEqual({
      q_lunch: 'Sur place',
      q_topics: ['Emploi', 'Climat'],
      q_photo: true,
      q_news: false,
      q_project: 'Une recyclerie à Narbonne',
    })
    expect(toRegistrationInput(r.value, 'en')).toMatchObject({
      organisationName: 'SCOP Les Ateliers',
      organisationType: 'cooperative',
      workshopIds: ['w2'],
      locale: 'en',
    })
  })

  test('every missing required field gets its own error, and what was typed comes back', () => {
    const r = parseRegistrationFormData(
      fd([
        ['firstName', 'Camille'],
        ['email', 'pas-un-email'],
        ['answers.q_role', 'Chargée de mission'],
      ]),
      ctx,
    )
    expect(r.success).toBe(false)
    if (r.success) return
    expect(r.fieldErrors).toMatchObject({
      lastName: ['register.error.required'],
      email: ['register.error.email'],
      organisation: ['register.error.required'],
      organisationType: ['register.error.required'],
      consent: ['register.error.consent'],
      'answers.q_lunch': ['register.error.required'],
      'answers.q_photo': ['register.error.mustCheck'],
      'answers.q_project': ['register.error.required'],
    })
    expect(r.fieldErrors.firstName).toBeUndefined()
    expect(r.fieldErrors['answers.q_topics']).toBeUndefined()
    expect(r.submitted).toMatchObject({ firstName: 'Camille', email: 'pas-un-email', answers: { q_role: 'Chargée de mission' } })
  })

  test('choices must be among the options; unknown profiles are refused', () => {
    const r = parseRegistrationFormData(
      fd([
        ...valid.filter(([k]) => !['answers.q_lunch', 'organisationType'].includes(k)),
        ['answers.q_lunch', 'Buffet'],
        ['answers.q_topics', 'Autre'],
        ['organisationType', 'multinationale'],
      ]),
      ctx,
    )
    expect(r.success).toBe(false)
    if (r.success) return
    expect(r.fieldErrors).toEqual({
      'answers.q_lunch': ['register.error.choice'],
      'answers.q_topics': ['register.error.choice'],
      organisationType: ['register.error.profile'],
    })
  })

  test('at most one workshop per slot; a workshop of another event is refused', () => {
    const two = parseRegistrationFormData(fd([...valid, ['workshop.slot_am', 'w1']]), ctx)
    expect(two.success).toBe(false)
    if (!two.success) expect(two.fieldErrors).toEqual({ 'workshop.slot_am': ['registration.error.onePerSlot'] })
    const foreign = parseRegistrationFormData(fd([...valid, ['workshop.slot_pm', 'elsewhere']]), ctx)
    expect(foreign.success).toBe(false)
    if (!foreign.success) expect(foreign.fieldErrors).toEqual({ workshops: ['registration.error.invalidWorkshop'] })
  })

  test('lengths and phone format are checked', () => {
    const r = parseRegistrationFormData(
      fd([
        ...valid.filter(([k]) => !['firstName', 'phone', 'answers.q_role'].includes(k)),
        ['firstName', 'x'.repeat(101)],
        ['phone', 'appelez-moi'],
        ['answers.q_role', 'y'.repeat(301)],
      ]),
      ctx,
    )
    expect(r.success).toBe(false)
    if (r.success) return
    expect(r.fieldErrors).toEqual({
      firstName: ['register.error.tooLong?max=100'],
      phone: ['register.error.phone'],
      'answers.q_role': ['register.error.tooLong?max=300'],
    })
    const ok = parseRegistrationFormData(fd([...valid.filter(([k]) => k !== 'phone'), ['phone', '+33 (0)6 12-34-56.78']]), ctx)
    expect(ok.success && ok.value.phone).toBe('+33 (0)6 12-34-56.78')
  })

  test('error keys with parameters are translated', () => {
    const t = translator('fr')
    expect(formErrorMessage(t, 'register.error.tooLong?max=100')).toBe('Ce texte est trop long : 100 caractères au maximum.')
    expect(formErrorMessage(translator('en'), 'register.error.required')).toBe('This field is required.')
    expect(formErrorMessage(t, 'Déjà traduit')).toBe('Déjà traduit')
  })
})

describe('JSON (API) body', () => {
  const body = {
    firstName: 'Ana',
    lastName: 'Lopez',
    email: 'ana@example.org',
    organisation: 'Mutuelle du Sud',
    consent: true,
    answers: { q_lunch: 'Non merci', q_photo: true, q_project: 'Épicerie solidaire', q_topics: 'Finance' },
    workshops: ['w3'],
  }

  test('organisationType defaults to "autre"; a single choice string becomes a list', () => {
    const r = parseRegistrationJson(body, ctx)
    expect(r.success).toBe(true)
    if (!r.success) return
    expect(r.value.organisationType).toBe('autre')
    expect(r.value.answers.q_topics).toEqual(['Finance'])
    expect(r.value.workshops).toEqual(['w3'])
  })

  test('the département is optional, upper-cased, and must be a real one', () => {
    const ok = parseRegistrationJson({ ...body, departement: ' 2a ' }, ctx)
    expect(ok.success && ok.value.departement).toBe('2A')
    const none = parseRegistrationJson(body, ctx)
    expect(none.success && none.value.departement).toBeNull()
    for (const bad of ['99', '20', '989', 'Haute-Garonne']) {
      expect(parseRegistrationJson({ ...body, departement: bad }, ctx)).toMatchObject({
        success: false,
        fieldErrors: { departement: ['register.error.departement'] },
      })
    }
  })

  test('consent must be true; unknown questions and wrong types are reported per field', () => {
    const r = parseRegistrationJson(
      { ...body, consent: false, organisationType: 'x', answers: { ...body.answers, q_photo: 'yes', nope: 'x' }, workshops: ['w1', 'w2'] },
      ctx,
    )
    expect(r.success).toBe(false)
    if (r.success) return
    expect(r.fieldErrors).toEqual({
      consent: ['register.error.consent'],
      organisationType: ['register.error.profile'],
      'answers.q_photo': ['register.error.type'],
      'answers.nope': ['register.error.unknownQuestion'],
      'workshop.slot_am': ['registration.error.onePerSlot'],
    })
  })

  test('a body that is not an object is refused', () => {
    expect(parseRegistrationJson(null, ctx)).toMatchObject({ success: false, formErrors: ['register.error.type'] })
    expect(parseRegistrationJson([], ctx)).toMatchObject({ success: false })
  })
})

describe('edit', () => {
  test('the edit schema ignores email, consent and workshops', () => {
    const r = parseEditValues(
      {
        firstName: 'Ana',
        lastName: 'Lopez',
        organisation: 'Mutuelle',
        organisationType: 'mutuelle',
        answers: { q_lunch: 'Non merci', q_photo: 'on', q_project: 'x' },
      },
      ctx,
    )
    expect(r.success).toBe(true)
    if (r.success) expect(r.value).not.toHaveProperty('email')
    const bad = parseEditValues({ firstName: '', lastName: 'Lopez', organisation: 'Mutuelle', answers: {} }, ctx)
    expect(bad.success).toBe(false)
    if (!bad.success)
      expect(Object.keys(bad.fieldErrors).sort()).toEqual([
        'answers.q_lunch',
        'answers.q_photo',
        'answers.q_project',
        'firstName',
        'organisationType',
      ])
  })
})
