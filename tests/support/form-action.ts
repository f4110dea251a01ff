// Calls a route's action with a posted form, as Remix would, and reads its answer: the status and,
// for a form's reply, Conform's submission result (field errors by name).
import type { ActionFunctionArgs } from '@remix-run/node'
import { createSession } from '#app/modules/auth/session.server.ts'

type Action = (args: ActionFunctionArgs) => Promise<unknown>
export type FormAnswer = { status: number; errors: Record<string, string[] | null>; body: unknown }

export async function sessionCookieFor(userId: string) {
  return `essor_session=${(await createSession(userId)).token}`
}

export async function postForm(
  action: Action,
  url: string,
  form: Record<string, string> | [string, string][],
  opts: { cookie?: string; params?: Record<string, string> } = {},
): Promise<FormAnswer> {
  const headers = new Headers(opts.cookie ? { cookie: opts.cookie } : {})
  const request = new Request(new URL(url, 'http://localhost'), { method: 'POST', headers, body: new URLSearchParams(form) })
  let answer: unknown
  try {
    answer = await action({ request, params: opts.params ?? {}, context: {} })
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, errors: {}, body: null }
    throw thrown
  }
  if (answer instanceof Response) return { status: answer.status, errors: {}, body: null }
  const { data, init } = answer as { data: { result?: { error?: Record<string, string[] | null> } }; init: { status?: number } | null }
  return { status: init?.status ?? 200, errors: data.result?.error ?? {}, body: data }
}
