// A registration as the export reads it, for the export tests: one attendee, confirmed, no answers.
import type { ExportRegistration } from '#app/modules/registrations/export-format.ts'

export function exportRegistration(overrides: Partial<ExportRegistration> = {}): ExportRegistration {
  return {
    firstName: 'Élodie',
    lastName: 'Garçon',
    email: 'elodie@example.org',
    organisationName: 'SCOP Les Ateliers',
    organisationType: 'cooperative',
    departement: '31',
    phone: null,
    status: 'confirmed',
    accessibilityNeeds: null,
    dietaryNeeds: null,
    answers: '{}',
    createdAt: new Date('2026-11-20T08:05:00Z'),
    checkedInAt: null,
    workshops: [],
    ...overrides,
  }
}
