// GET /api/v1/events/{slug}/surveys: the event's satisfaction surveys with per-question results.
import { eventSurveyResults } from '#app/modules/surveys/service.server.ts'
import type { Locale } from '#app/utils/i18n.ts'
import type { ApiAuth } from './events.server.ts'
import { organiserEvent } from './registrations.server.ts'

export async function listSurveysForApi(auth: ApiAuth, slug: string, locale: Locale) {
  const event = await organiserEvent(auth, slug)
  const surveys = await eventSurveyResults(event.id, locale)
  return {
    event: { slug: event.slug },
    surveys: surveys.map((r) => ({
      id: r.survey.id,
      kind: r.survey.kind,
      anonymous: r.survey.anonymous,
      opensAt: r.survey.opensAt.toISOString(),
      closesAt: r.survey.closesAt.toISOString(),
      sentAt: r.survey.sentAt?.toISOString() ?? null,
      invited: r.invited,
      answered: r.answered,
      responseRate: r.responseRate,
      questions: r.questions.map((q) => ({
        id: q.questionId,
        position: q.position,
        kind: q.kind,
        label: q.label,
        answered: q.answered,
        mean: q.mean,
        distribution: q.distribution,
        texts: q.texts,
      })),
    })),
  }
}
