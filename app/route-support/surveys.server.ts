// What the organiser's survey routes share: the event's survey, or a 404 response.
import { getSurvey } from '#app/modules/surveys/service.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'

export async function loadEventSurvey(eventId: string, surveyId: string | undefined) {
  try {
    return await getSurvey(eventId, surveyId ?? '')
  } catch (error) {
    if (isAppError(error) && error.status === 404) throw notFound()
    throw error
  }
}
