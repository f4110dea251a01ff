import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'

const KNOWN = new Set([401, 403, 404])

/** The one error page: friendly 401 / 403 / 404 / 500, re-exported by routes that need it. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const kind = KNOWN.has(status) ? status : 500
  if (!isRouteErrorResponse(error) && typeof document !== 'undefined') console.error(error)
  return (
    <section aria-labelledby="error-title" className="card mx-auto max-w-xl text-center">
      <p className="text-5xl font-bold text-brand-700" aria-hidden="true">
        {status}
      </p>
      <h1 id="error-title" className="mt-2 text-2xl font-semibold">
        {t(`error.${kind}.title` as MessageKey)}
      </h1>
      <p className="mt-3 text-stone-700">{t(`error.${kind}.body` as MessageKey)}</p>
      <p className="mt-6 flex justify-center gap-4">
        {kind === 401 && (
          <Link to="/login" className="btn-primary">
            {t('auth.signIn')}
          </Link>
        )}
        <Link to="/" className="btn-secondary">
          {t('error.backHome')}
        </Link>
      </p>
    </section>
  )
}
