// A survey's results per question as an XLSX workbook.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { surveyExport } from '#app/route-support/survey-export.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'survey.manage')
  return surveyExport(request, organisation, params, 'xlsx')
}
