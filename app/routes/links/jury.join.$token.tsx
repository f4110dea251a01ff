// Joining a prize jury from the emailed link. GET only shows the invitation and a button; POST
// links the juror to their account and signs them in, so a mail scanner opening the link spends
// nothing. Every link emailed to the juror (invitation, re-send, reminder) keeps working while
// they are on the jury: before they join it joins, afterwards it signs them in to their jury space,
// until the jury period ends (then it offers the sign-in page). The page also offers
// "je ne pourrai pas siéger" (POST, intent=decline) to a juror who has not joined; opening the page
// counts as a click on the invitation campaign's recipient.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { sessionCookie } from '#app/modules/auth/session.server.ts'
import { declinedInvitation } from '#app/modules/jury/invitation-campaign.server.ts'
import { JoinAnswerSchema } from '#app/modules/jury/invitation-schema.ts'
import { acceptInvitation, declineInvitation, getInvitation } from '#app/modules/jury/jurors.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin', 'X-Robots-Tag': 'noindex' }

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'jury.join.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request)
  const token = params.token ?? ''
  const invitation = await getInvitation(token, new Date(), { recordClick: true })
  if (!invitation) {
    // Declined: the link no longer signs in, but still confirms the answer.
    const declined = await declinedInvitation(token)
    if (!declined) throw notFound()
    return data({ declined, invitation: null }, { headers: PRIVATE })
  }
  return data(
    {
      declined: null,
      invitation: {
        jurorName: invitation.jurorName,
        editionTitle: invitation.editionTitle,
        categories: invitation.categories,
        juryStartsAt: invitation.juryStartsAt ? formatDateTime(locale, invitation.juryStartsAt) : null,
        juryEndsAt: invitation.juryEndsAt ? formatDateTime(locale, invitation.juryEndsAt) : null,
        valid: invitation.valid,
        joined: invitation.joined,
      },
    },
    { headers: PRIVATE },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The join button sends nothing but the POST itself; only the decline button names an intent.
  const formData = await request.formData().catch(() => new FormData())
  const token = params.token ?? ''
  return submitForm(request, formData, JoinAnswerSchema, async ({ intent }) => {
    try {
      if (intent === 'decline') {
        await declineInvitation(token)
        return redirect(`/jury/join/${token}`, { headers: PRIVATE })
      }
      const joined = await acceptInvitation(token, { userAgent: request.headers.get('user-agent') })
      return redirect('/jury', { headers: { 'Set-Cookie': sessionCookie(joined.sessionToken, joined.expiresAt), ...PRIVATE } })
    } catch (error) {
      // An unknown link is the page's "not found"; any other refusal is the form's error.
      if (isAppError(error) && error.status === 404) throw notFound()
      throw error
    }
  })
}

export default function JoinJury() {
  const t = useT()
  const { invitation: inv, declined } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [joinForm] = useZodForm(JoinAnswerSchema, { id: 'join-jury', lastResult: actionData?.result })
  const [declineForm] = useZodForm(JoinAnswerSchema, { id: 'decline-jury' })
  if (!inv) {
    return (
      <div className="mx-auto max-w-xl space-y-6">
        <h1 className="text-3xl font-bold tracking-tight">{t('jury.join.title')}</h1>
        <section className="card space-y-4">
          <h2 className="text-xl font-semibold">{declined?.editionTitle}</h2>
          <p role="status">{t('jury.join.declined')}</p>
        </section>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('jury.join.title')}</h1>
      <section className="card space-y-4" aria-labelledby="invitation-heading">
        <h2 id="invitation-heading" className="text-xl font-semibold">
          {inv.editionTitle}
        </h2>
        <FormErrorSummary errors={Object.values(joinForm.allErrors).flatMap((errors) => errors.map((e) => t(e as MessageKey)))} />
        <p>{t('jury.join.body', { name: inv.jurorName, title: inv.editionTitle })}</p>
        <div>
          <p className="font-medium">{t('jury.join.categories')}</p>
          <ul className="list-disc pl-6">
            {inv.categories.map((c) => (
              <li key={c.name}>
                {c.name}
                {c.isChair && <span> — {t('jury.chair')}</span>}
              </li>
            ))}
          </ul>
        </div>
        {inv.juryEndsAt && (
          <p>
            {inv.juryStartsAt
              ? t('jury.join.period', { starts: inv.juryStartsAt, ends: inv.juryEndsAt })
              : t('jury.join.deadline', { ends: inv.juryEndsAt })}
          </p>
        )}
        {inv.valid ? (
          <>
            {inv.joined && <p role="status">{t('jury.join.joined')}</p>}
            <Form method="post" {...getFormProps(joinForm)}>
              <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
                {t(inv.joined ? 'jury.join.openSpace' : 'jury.join.submit')}
              </button>
            </Form>
          </>
        ) : (
          <p role="status">
            {t('jury.join.expired')}{' '}
            <Link to="/login?redirectTo=/jury" className="link">
              {t('jury.join.signIn')}
            </Link>
          </p>
        )}
      </section>
      {inv.valid && !inv.joined && (
        <section id="decline" className="card space-y-3" aria-labelledby="decline-heading">
          <h2 id="decline-heading" className="text-lg font-semibold">
            {t('jury.join.decline')}
          </h2>
          <p>{t('jury.join.declineHelp')}</p>
          <Form method="post" {...getFormProps(declineForm)}>
            <button type="submit" name="intent" value="decline" className="btn-secondary" disabled={busy}>
              {t('jury.join.decline')}
            </button>
          </Form>
        </section>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
