// Flash messages shown once after a redirect, carried in their own signed cookie.
import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { randomUUID } from 'node:crypto'
import { getEnv } from '#app/utils/env.server.ts'
import type { MessageKey, MessageParams } from '#app/utils/i18n.ts'
import { secureCookies } from '#app/utils/url.server.ts'

export type Toast = { type: 'success' | 'error' | 'info'; key: MessageKey; params?: MessageParams; id?: string }

type ToastFlash = { toast: Toast }
let storage: ReturnType<typeof createCookieSessionStorage<ToastFlash, ToastFlash>> | undefined
function toastStorage() {
  const secure = secureCookies()
  storage ??= createCookieSessionStorage<ToastFlash, ToastFlash>({
    cookie: { name: 'essor_toast', httpOnly: true, sameSite: 'lax', path: '/', secrets: [getEnv().SESSION_SECRET], secure },
  })
  return storage
}

export async function toastCookie(request: Request, toast: Toast) {
  const s = toastStorage()
  const session = await s.getSession()
  session.flash('toast', { ...toast, id: toast.id ?? randomUUID() })
  return s.commitSession(session)
}

export async function redirectWithToast(request: Request, to: string, toast: Toast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastCookie(request, toast))
  return redirect(to, { ...init, headers })
}

/** Reads and clears the pending toast; the returned header must be sent with the response. */
export async function takeToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  if (!request.headers.get('cookie')?.includes('essor_toast=')) return { toast: null, setCookie: null }
  const s = toastStorage()
  const session = await s.getSession(request.headers.get('cookie'))
  const toast = (session.get('toast') as Toast | undefined) ?? null
  return { toast, setCookie: toast ? await s.commitSession(session) : null }
}
