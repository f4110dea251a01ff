// Admission's part in registration (plugged in by app/composition/registrations.server.ts): on an
// event that selects its attendees, registering is applying with a project; an application takes
// no seat until the organisers accept it (decide() in service.server.ts).
import { eventEmailSummary } from '#app/modules/registrations/new-registration.server.ts'
import type { PolicyColumns, RegistrationPolicy } from '#app/modules/registrations/pipeline.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { AppError } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'
import type { ProjectInput } from './schema.ts'

export type AdmissionInput = {
  /** The project of an application (events that require one). */
  project?: ProjectInput | null
}

export function projectRequiredError() {
  return new AppError({
    status: 422,
    code: 'application_required',
    messageKey: 'admission.error.projectRequired',
    fields: { projectName: ['required'], projectStage: ['required'], projectDescription: ['required'], projectTerritory: ['required'] },
  })
}

function projectColumns(p: ProjectInput): PolicyColumns {
  return {
    projectName: p.projectName.trim(),
    projectStage: p.projectStage,
    projectDescription: p.projectDescription.trim(),
    projectTerritory: p.projectTerritory.trim(),
    projectNeeds: p.projectNeeds?.trim() || null,
    // Applying again after withdrawing starts a fresh review.
    rating: null,
    decidedAt: null,
    decidedByUserId: null,
    decisionMessage: null,
  }
}

export const admissionPolicy: RegistrationPolicy<AdmissionInput> = {
  name: 'admission',
  async beforeSeat(_tx, { event, input, opts, manageUrl }) {
    // Organisers adding someone by hand register them directly.
    if (!event.requiresApplication || opts.source === 'manual') return null
    const project = input.project
    if (!project) throw projectRequiredError()
    return {
      seatless: { status: 'applied' },
      async afterInsert(tx, registration) {
        await enqueueEmail(tx, {
          to: registration.email,
          toName: `${registration.firstName} ${registration.lastName}`,
          locale: registration.locale as Locale,
          template: 'application-received',
          props: { event: eventEmailSummary(event), firstName: registration.firstName, manageUrl, projectName: project.projectName },
          organisationId: event.organisationId,
          category: `event:${event.id}`,
        })
        return { columns: projectColumns(project), ownEmail: true }
      },
    }
  },
}
