// A survey's results per question as CSV (semicolons, BOM: French spreadsheet software).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { surveyExport } from '#app/route-support/survey-export.server.ts'

export const loader = ({ request, params }: LoaderFunctionArgs) => surveyExport(request, params, 'csv')
