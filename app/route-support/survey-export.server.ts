// A survey's results as a CSV or XLSX download (the organiser's survey page links to both).
import { resultRows, surveyResultsOf } from '#app/modules/surveys/service.server.ts'
import { BOM, csvField } from '#app/shared/csv.ts'
import { tableToXlsx } from '#app/shared/xlsx.server.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { loadOrganiserEvent } from './events.server.ts'
import { loadEventSurvey } from './surveys.server.ts'

/** The caller has already asked the permission table (`survey.manage`) for this organisation. */
export async function surveyExport(
  request: Request,
  organisation: { id: string },
  params: { eventId?: string; surveyId?: string },
  format: 'csv' | 'xlsx',
) {
  const event = await loadOrganiserEvent(organisation.id, params.eventId)
  const survey = await loadEventSurvey(event.id, params.surveyId)
  const locale = localeFromRequest(request)
  const results = await surveyResultsOf(event.id, survey.id, locale)
  const [headers, ...rows] = resultRows(results, {
    question: translate(locale, 'surveys.results.question'),
    answer: translate(locale, 'surveys.results.answer'),
    count: translate(locale, 'surveys.results.count'),
    percent: translate(locale, 'surveys.results.percent'),
    mean: translate(locale, 'surveys.results.meanHeader'),
  })
  const filename = `questionnaire-${event.slug}-${survey.kind}.${format}`
  const common = {
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  }
  if (format === 'csv') {
    const body = BOM + [headers!, ...rows].map((row) => row.map((cell) => csvField(String(cell))).join(';')).join('\r\n') + '\r\n'
    return new Response(body, { headers: { ...common, 'Content-Type': 'text/csv; charset=utf-8' } })
  }
  const xlsx = await tableToXlsx(
    {
      headers: headers!.map(String),
      rows: rows.map((r) => r.map((c) => (c === '' ? null : c))),
      dateColumns: [],
      timeZone: event.timeZone,
    },
    'Résultats',
  )
  return new Response(new Uint8Array(xlsx), {
    headers: { ...common, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  })
}
