// Any unknown URL: the friendly 404 of the error boundary.
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { notFound } from '#app/utils/http.server.ts'

export function loader() {
  throw notFound()
}

export function action() {
  throw notFound()
}

export default function NotFound() {
  return <GeneralErrorBoundary />
}

export const ErrorBoundary = GeneralErrorBoundary
