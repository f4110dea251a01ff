import { describe, expect, test } from 'vitest'
import {
  eventFormSchema,
  eventInputSchema,
  eventPatchSchema,
  eventRuleErrors,
  eventToFormValues,
  fieldErrorsOf,
  questionFormSchema,
  questionInputSchema,
  slotFormSchema,
  workshopFormSchema,
} from './schema.ts'

const apiBody = {
  title: 'Conférence régionale de l’ESS 2025',
  kind: 'conference',
  startsAt: '2025-11-29T09:00:00+01:00',
  endsAt: '2025-11-30T17:00:00+01:00',
  capacity: 300,
  waitlist: true,
  published: false,
}

function errorsOf(result: { success: boolean; error?: unknown }) {
  expect(result.success).toBe(false)
  return fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0])
}

describe('eventInputSchema (API shape)', () => {
  test('accepts the API body with ISO datetimes and its field names', () => {
    const v = eventInputSchema.parse(apiBody)
    expect(v.startsAt.toISOString()).toBe('2025-11-29T08:00:00.000Z')
    expect(v.endsAt.toISOString()).toBe('2025-11-30T16:00:00.000Z')
    expect(v).toMatchObject({
      title: 'Conférence régionale de l’ESS 2025',
      kind: 'conference',
      capacity: 300,
      waitlist: true,
      published: false,
    })
    expect(eventInputSchema.parse({ ...apiBody, startsAt: '2025-11-29T08:00:00Z', capacity: null }).capacity).toBeNull()
  })

  test('optional fields are validated: venue, département, online link, window, visibility', () => {
    const v = eventInputSchema.parse({
      ...apiBody,
      town: ' Narbonne ',
      departement: '11',
      onlineUrl: 'https://visio.example.org/ess',
      registrationOpensAt: '2025-09-01T00:00:00+02:00',
      registrationClosesAt: '2025-11-27T23:59:00+01:00',
      visibility: 'unlisted',
      contactEmail: 'Contact@CRESS-Occitanie.org',
    })
    expect(v.town).toBe('Narbonne')
    expect(v.registrationOpensAt?.toISOString()).toBe('2025-08-31T22:00:00.000Z')
    expect(v.contactEmail).toBe('contact@cress-occitanie.org')
    expect(eventInputSchema.parse({ ...apiBody, departement: '2a' }).departement).toBe('2A')
    expect(eventInputSchema.parse({ ...apiBody, departement: '974' }).departement).toBe('974')
  })

  test('reports each bad field with a message key', () => {
    const errors = errorsOf(
      eventInputSchema.safeParse({
        title: 'A',
        kind: 'party',
        startsAt: '2025-11-29T09:00:00',
        endsAt: 'tomorrow',
        capacity: 0,
        waitlist: 'yes',
        onlineUrl: 'javascript:alert(1)',
        departement: '99',
        visibility: 'secret',
      }),
    )
    expect(errors).toEqual({
      title: ['events.error.titleRequired'],
      kind: ['events.error.kindInvalid'],
      startsAt: ['events.error.dateInvalid'],
      endsAt: ['events.error.dateInvalid'],
      capacity: ['events.error.capacityInvalid'],
      waitlist: ['events.error.booleanInvalid'],
      onlineUrl: ['events.error.onlineUrlInvalid'],
      departement: ['events.error.departementInvalid'],
      visibility: ['events.error.visibilityInvalid'],
    })
    expect(errorsOf(eventInputSchema.safeParse({ title: 'Titre', kind: 'other' }))).toEqual({
      startsAt: ['events.error.dateRequired'],
      endsAt: ['events.error.dateRequired'],
    })
  })

  test('cross-field rules: end after start, registration window inside the event', () => {
    expect(errorsOf(eventInputSchema.safeParse({ ...apiBody, endsAt: '2025-11-29T09:00:00+01:00' }))).toEqual({
      endsAt: ['events.error.endBeforeStart'],
    })
    expect(errorsOf(eventInputSchema.safeParse({ ...apiBody, endsAt: '2026-01-15T09:00:00+01:00' }))).toEqual({
      endsAt: ['events.error.durationTooLong'],
    })
    expect(
      errorsOf(
        eventInputSchema.safeParse({
          ...apiBody,
          registrationOpensAt: '2025-11-10T00:00:00Z',
          registrationClosesAt: '2025-11-01T00:00:00Z',
        }),
      ),
    ).toEqual({ registrationClosesAt: ['events.error.windowOrder'] })
    expect(errorsOf(eventInputSchema.safeParse({ ...apiBody, registrationClosesAt: '2025-12-01T00:00:00Z' }))).toEqual({
      registrationClosesAt: ['events.error.closesAfterEnd'],
    })
    expect(eventRuleErrors({ startsAt: new Date('2025-01-01'), endsAt: new Date('2025-01-02') })).toEqual({})
  })

  test('a patch accepts any subset and leaves missing fields undefined (no defaults sneak in)', () => {
    const v = eventPatchSchema.parse({ capacity: 120 })
    expect(v).toEqual({ capacity: 120 })
    expect(eventPatchSchema.parse({ town: '' }).town).toBeNull()
  })
})

describe('eventFormSchema (datetime-local in Europe/Paris)', () => {
  const form = {
    title: 'YESS Académie — Narbonne',
    kind: 'yess_academie',
    description: 'Deux jours pour **votre projet**.',
    startsAt: '2025-11-29T09:00',
    endsAt: '2025-11-30T17:30',
    timeZone: 'Europe/Paris',
    venueName: 'Espace de Liberté',
    address: '',
    town: 'Narbonne',
    departement: '11',
    onlineUrl: '',
    capacity: '',
    waitlist: 'on',
    offerHours: '24',
    registrationOpensAt: '',
    registrationClosesAt: '2025-11-25T23:59',
    visibility: 'public',
    reminderDaysBefore: '3',
    contactEmail: '',
  }

  test('reads wall times in Paris and empty fields as "none"', () => {
    const v = eventFormSchema.parse(form)
    expect(v.startsAt.toISOString()).toBe('2025-11-29T08:00:00.000Z')
    expect(v.endsAt.toISOString()).toBe('2025-11-30T16:30:00.000Z')
    expect(v.registrationClosesAt?.toISOString()).toBe('2025-11-25T22:59:00.000Z')
    expect(v.registrationOpensAt).toBeNull()
    expect(v).toMatchObject({
      capacity: null,
      waitlist: true,
      offerHours: 24,
      reminderDaysBefore: 3,
      address: null,
      onlineUrl: null,
      contactEmail: null,
    })
    // Summer time: UTC+2.
    expect(
      eventFormSchema
        .parse({ ...form, startsAt: '2025-06-12T09:00', endsAt: '2025-06-12T17:00', registrationClosesAt: '' })
        .startsAt.toISOString(),
    ).toBe('2025-06-12T07:00:00.000Z')
  })

  test('an unticked waiting-list box means no waiting list; another zone moves the instants', () => {
    const { waitlist: _w, ...unticked } = form
    expect(eventFormSchema.parse(unticked).waitlist).toBe(false)
    const reunion = eventFormSchema.parse({ ...form, timeZone: 'Indian/Reunion', registrationClosesAt: '' })
    expect(reunion.startsAt.toISOString()).toBe('2025-11-29T05:00:00.000Z')
  })

  test('bad form input becomes field errors, never an exception', () => {
    const errors = errorsOf(
      eventFormSchema.safeParse({ ...form, title: '', startsAt: '2025-02-30T10:00', capacity: 'beaucoup', offerHours: '-1', endsAt: '' }),
    )
    expect(errors).toEqual({
      title: ['events.error.titleRequired'],
      startsAt: ['events.error.dateInvalid'],
      endsAt: ['events.error.dateRequired'],
      capacity: ['events.error.capacityInvalid'],
      offerHours: ['events.error.offerHoursInvalid'],
    })
  })

  test('an event round-trips through its form values', () => {
    const v = eventFormSchema.parse(form)
    const values = eventToFormValues({
      ...v,
      description: v.description ?? '',
      timeZone: v.timeZone ?? 'Europe/Paris',
      venueName: v.venueName ?? null,
      address: v.address ?? null,
      town: v.town ?? null,
      departement: v.departement ?? null,
      onlineUrl: v.onlineUrl ?? null,
      capacity: v.capacity ?? null,
      waitlistEnabled: v.waitlist ?? true,
      offerHours: v.offerHours ?? 48,
      registrationOpensAt: v.registrationOpensAt ?? null,
      registrationClosesAt: v.registrationClosesAt ?? null,
      visibility: v.visibility ?? 'public',
      reminderDaysBefore: v.reminderDaysBefore ?? 2,
      contactEmail: v.contactEmail ?? null,
    })
    expect(values).toMatchObject({
      startsAt: '2025-11-29T09:00',
      endsAt: '2025-11-30T17:30',
      registrationClosesAt: '2025-11-25T23:59',
      capacity: '',
      waitlist: 'on',
    })
  })
})

describe('programme and question schemas', () => {
  test('slots: local times in the event zone, end after start', () => {
    const slot = slotFormSchema('Europe/Paris').parse({
      label: 'Ateliers du matin',
      startsAt: '2025-11-29T10:00',
      endsAt: '2025-11-29T12:00',
    })
    expect(slot.startsAt.toISOString()).toBe('2025-11-29T09:00:00.000Z')
    expect(
      errorsOf(slotFormSchema('Europe/Paris').safeParse({ label: '', startsAt: '2025-11-29T12:00', endsAt: '2025-11-29T10:00' })),
    ).toEqual({
      label: ['events.error.labelRequired'],
      endsAt: ['events.error.endBeforeStart'],
    })
    expect(
      errorsOf(slotFormSchema('Europe/Paris').safeParse({ label: 'A', startsAt: '2025-11-29T12:00', endsAt: '2025-11-29T10:00' })),
    ).toEqual({
      endsAt: ['events.error.endBeforeStart'],
    })
  })

  test('workshops: capacity optional, positive', () => {
    expect(workshopFormSchema.parse({ slotId: 's1', title: 'Financer son projet', capacity: '', room: '' })).toMatchObject({
      capacity: null,
      room: null,
    })
    expect(workshopFormSchema.parse({ slotId: 's1', title: 'Financer son projet', capacity: '25' }).capacity).toBe(25)
    expect(errorsOf(workshopFormSchema.safeParse({ slotId: '', title: 'X', capacity: '0' }))).toEqual({
      slotId: ['events.error.slotRequired'],
      title: ['events.error.titleRequired'],
      capacity: ['events.error.capacityInvalid'],
    })
  })

  test('questions: choices one per line, at least two for choice types, none kept for text types', () => {
    const q = questionFormSchema.parse({ label: 'Repas du midi', type: 'single_choice', options: 'Oui\r\nNon\n\nOui\n', required: 'on' })
    expect(q).toEqual({ label: 'Repas du midi', help: null, type: 'single_choice', required: true, options: ['Oui', 'Non'] })
    expect(questionFormSchema.parse({ label: 'Attentes', type: 'long_text', options: 'x\ny' }).options).toEqual([])
    expect(questionInputSchema.parse({ label: 'Droit à l’image', type: 'checkbox' })).toMatchObject({ required: false, options: [] })
    expect(errorsOf(questionFormSchema.safeParse({ label: 'Atelier', type: 'multiple_choice', options: 'Seul' }))).toEqual({
      options: ['events.error.optionsRequired'],
    })
    expect(errorsOf(questionFormSchema.safeParse({ label: '', type: 'essay' }))).toEqual({
      label: ['events.error.labelRequired'],
      type: ['events.error.questionTypeInvalid'],
    })
  })
})
