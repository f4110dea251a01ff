// A survey's results per question as an XLSX workbook.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { surveyExport } from '#app/route-support/survey-export.server.ts'

export const loader = ({ request, params }: LoaderFunctionArgs) => surveyExport(request, params, 'xlsx')
