// The contacts list as CSV (the filters of the list page apply), for French spreadsheets.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { exportContactsCsv } from '#app/modules/contacts/service.server.ts'
import { localeFromRequest } from '#app/utils/i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'contact.export')
  const url = new URL(request.url)
  const get = (k: string) => url.searchParams.get(k)?.trim().slice(0, 200) || undefined
  const locale = url.searchParams.get('lang') === 'en' ? 'en' : url.searchParams.get('lang') === 'fr' ? 'fr' : localeFromRequest(request)
  const { body, filename, contentType } = await exportContactsCsv(
    organisation.id,
    { q: get('q'), tag: get('tag'), profile: get('profile'), departement: get('departement'), locale: get('locale') },
    locale,
  )
  return new Response(body, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${organisation.slug}-${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
