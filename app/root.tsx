import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { getAuth } from '#app/modules/auth/session.server.ts'
import { headerDataOf } from '#app/modules/jury/jurors.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale } from '#app/ui/i18n.tsx'
import { Layout } from '#app/ui/layout.tsx'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { takeToast } from '#app/utils/toast.server.ts'
import stylesheet from './styles.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const locale = data?.locale ?? 'fr'
  return [{ title: `${translate(locale, 'app.name')} — ${translate(locale, 'app.tagline')}` }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request)
  const auth = await getAuth(request)
  const [{ memberships, isJuror }, { toast, setCookie }] = await Promise.all([
    auth ? headerDataOf(auth.user) : { memberships: [], isJuror: false },
    takeToast(request),
  ])
  return data(
    {
      locale,
      user: auth ? { email: auth.user.email, name: auth.user.name } : null,
      isJuror,
      organisations: memberships.map((m) => ({ slug: m.slug, name: m.name, role: m.role })),
      toast,
    },
    setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined,
  )
}

export type RootData = Awaited<ReturnType<typeof loader>>['data']

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

function Document({ children }: { children: React.ReactNode }) {
  const locale = useLocale()
  return (
    <html lang={locale} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full bg-stone-50 text-stone-900 antialiased">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>()
  return (
    <Document>
      <Layout toast={toast}>
        <Outlet />
      </Layout>
    </Document>
  )
}

export function ErrorBoundary() {
  return (
    <Document>
      <Layout toast={null}>
        <GeneralErrorBoundary />
      </Layout>
    </Document>
  )
}
