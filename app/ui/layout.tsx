import { Form, Link, useLocation, useRouteLoaderData } from '@remix-run/react'
import { useState } from 'react'
import type { loader as rootLoader } from '#app/root.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import type { Toast } from '#app/utils/toast.server.ts'

function LanguageSwitch() {
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const other = locale === 'fr' ? 'en' : 'fr'
  // A whole new page: the browser holds only the current language's catalogue (see #catalogues).
  return (
    <Form method="post" action="/set-language" className="inline" reloadDocument>
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button
        type="submit"
        lang={other}
        aria-label={t('lang.switchLabel')}
        className="rounded px-2 py-1 text-sm underline hover:bg-brand-800"
      >
        {t('lang.switchTo')}
      </button>
    </Form>
  )
}

function OrganisationSwitcher({ organisations }: { organisations: { slug: string; name: string }[] }) {
  const t = useT()
  const location = useLocation()
  const current = /^\/o\/([^/]+)/.exec(location.pathname)?.[1] ?? ''
  if (organisations.length === 0) return null
  return (
    <Form method="get" action="/o" className="flex items-center gap-1">
      <label htmlFor="org-switcher" className="sr-only">
        {t('nav.switchOrganisation')}
      </label>
      <select
        id="org-switcher"
        name="slug"
        defaultValue={current}
        className="max-w-48 rounded border border-white/40 bg-brand-800 px-2 py-1 text-sm text-white"
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      >
        {!current && <option value="">{t('nav.organisations')}</option>}
        {organisations.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded border border-white/40 px-2 py-1 text-sm">
          {t('nav.go')}
        </button>
      </noscript>
    </Form>
  )
}

function ToastMessage({ toast }: { toast: Toast }) {
  const t = useT()
  const [open, setOpen] = useState(true)
  if (!open) return null
  const colours =
    toast.type === 'error'
      ? 'border-red-700 bg-red-50 text-red-900'
      : toast.type === 'success'
        ? 'border-brand-700 bg-brand-50 text-brand-800'
        : 'border-stone-400 bg-white text-stone-900'
  return (
    <div
      role={toast.type === 'error' ? 'alert' : 'status'}
      className={`mx-auto mt-4 flex max-w-5xl items-start justify-between gap-4 rounded-md border-l-4 px-4 py-3 shadow ${colours}`}
      data-testid="toast"
    >
      <p>{t(toast.key, toast.params)}</p>
      <button type="button" onClick={() => setOpen(false)} className="text-sm underline" aria-label={t('toast.close')}>
        ×
      </button>
    </div>
  )
}

export function Layout({ children, toast }: { children: React.ReactNode; toast: Toast | null }) {
  const t = useT()
  const root = useRouteLoaderData<typeof rootLoader>('root')
  const user = root?.user ?? null
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900"
      >
        {t('nav.skipToContent')}
      </a>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link to="/" className="text-xl font-bold tracking-tight">
            {t('app.name')}
            <span className="sr-only"> — {t('nav.home')}</span>
          </Link>
          <nav aria-label={t('nav.main')} className="flex flex-wrap items-center gap-3 text-sm">
            <Link to="/e" className="underline">
              {t('nav.events')}
            </Link>
            <Link to="/prix" className="underline">
              {t('nav.prizes')}
            </Link>
            {user ? (
              <>
                <OrganisationSwitcher organisations={root?.organisations ?? []} />
                {root?.isJuror && (
                  <Link to="/jury" className="underline">
                    {t('jury.nav.link')}
                  </Link>
                )}
                <Link to="/account" className="underline">
                  {t('nav.account')}
                </Link>
                <Form method="post" action="/logout">
                  <button type="submit" className="underline">
                    {t('nav.signOut')}
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/login" className="underline">
                {t('auth.signIn')}
              </Link>
            )}
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      {/* A new toast (new id) remounts the message, so a closed one does not hide the next. */}
      {toast && <ToastMessage key={toast.id} toast={toast} />}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-10">
        {children}
      </main>
      <footer className="border-t border-stone-200 bg-white text-sm text-stone-700">
        <div className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-4">
          <Link to="/legal" className="link">
            {t('footer.legal')}
          </Link>
          <Link to="/privacy" className="link">
            {t('footer.privacy')}
          </Link>
          <Link to="/accessibility" className="link">
            {t('footer.accessibility')}
          </Link>
        </div>
      </footer>
    </div>
  )
}
