// Every jury join link ever emailed keeps working (issue 14), against a real database (SQLite and
// PostgreSQL), through the join route: the first invitation's link after a re-send and after a
// reminder campaign; after joining, an old link signs the juror in to their jury space; removing
// or declining revokes them all, and inviting the address again does not bring them back.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { sendCampaign } from '#app/composition/campaigns.server.ts'
import { createReminder } from '#app/modules/campaigns/service.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { inviteJuror, removeJuror, resendInvitation } from './jurors.server.ts'

const tokenOf = (url: string) => url.split('/jury/join/')[1]!

async function rejects(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

type JoinPage = {
  data: { invitation: { jurorName: string; joined: boolean; valid: boolean } | null; declined: { editionTitle: string } | null }
}

async function openJoinPage(token: string) {
  const route = await import('#app/routes/links/jury.join.$token.tsx')
  return (await route.loader({
    request: new Request(`http://localhost/jury/join/${token}`),
    params: { token },
    context: {},
  })) as unknown as JoinPage
}

async function openStatus(token: string) {
  return ((await rejects(openJoinPage(token))) as Response).status
}

async function postJoinPage(token: string, body?: Record<string, string>) {
  const route = await import('#app/routes/links/jury.join.$token.tsx')
  const init: RequestInit = { method: 'POST' }
  if (body) init.body = new URLSearchParams(body)
  return (await route.action({
    request: new Request(`http://localhost/jury/join/${token}`, init),
    params: { token },
    context: {},
  })) as Response
}

describe('jury join links', () => {
  test('the first invitation’s link still joins after a re-send and a reminder campaign, then signs the juror in', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const cat = fx.categories[0]!.category.id
    const first = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Eva Morel', email: 'eva@example.org', categoryIds: [cat] })
    const resent = await resendInvitation(fx.org.id, fx.edition.id, first.jurorId)
    const reminder = await createReminder(first.campaignId, { organisationId: fx.org.id })
    expect(await sendCampaign(reminder.id)).toMatchObject({ queued: 1 })
    const reminderRow = await prisma.campaignRecipient.findFirstOrThrow({ where: { campaignId: reminder.id } })
    const reminderMail = await renderStoredEmail(
      await prisma.emailMessage.findUniqueOrThrow({ where: { id: reminderRow.emailMessageId! } }),
    )
    const reminderUrl = /https?:\/\/\S+\/jury\/join\/[a-z0-9]+/.exec(reminderMail.text)![0]
    const urls = [first.joinUrl, resent.joinUrl, reminderUrl]
    expect(new Set(urls).size).toBe(3)

    // Three emails, three links, each opens the invitation.
    for (const url of urls) {
      const page = await openJoinPage(tokenOf(url))
      expect(page.data.invitation).toMatchObject({ jurorName: 'Eva Morel', joined: false, valid: true })
    }

    // The first email's link joins.
    const joined = await postJoinPage(tokenOf(first.joinUrl))
    expect(joined.status).toBe(302)
    expect(joined.headers.get('location')).toBe('/jury')
    expect(joined.headers.get('set-cookie')).toMatch(/^essor_session=[a-z0-9]+/)
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: first.jurorId } })).joinedAt).not.toBeNull()
    expect(await prisma.auditLog.count({ where: { action: 'juror.join', entityId: first.jurorId } })).toBe(1)

    // Once joined, any of them leads to the jury space (the page says so; POST signs in), not a 404.
    for (const url of urls) {
      expect((await openJoinPage(tokenOf(url))).data.invitation).toMatchObject({ joined: true, valid: true })
      const again = await postJoinPage(tokenOf(url))
      expect(again.headers.get('location')).toBe('/jury')
      expect(again.headers.get('set-cookie')).toMatch(/^essor_session=/)
    }
    expect(await prisma.auditLog.count({ where: { action: 'juror.join', entityId: first.jurorId } })).toBe(1)
  })

  test('opening the first email’s link after a re-send counts as the invitation’s click', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const cat = fx.categories[0]!.category.id
    const first = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Hugo', email: 'hugo@example.org', categoryIds: [cat] })
    await resendInvitation(fx.org.id, fx.edition.id, first.jurorId)
    const recipient = () =>
      prisma.campaignRecipient.findUniqueOrThrow({
        where: { campaignId_email: { campaignId: first.campaignId, email: 'hugo@example.org' } },
      })
    expect((await recipient()).clickedAt).toBeNull()
    await openJoinPage(tokenOf(first.joinUrl))
    expect((await recipient()).clickedAt).not.toBeNull()
  })

  test('removing a juror revokes every link; inviting the address again gives a new one and the old ones stay dead', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const cat = fx.categories[0]!.category.id
    const first = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Fabien', email: 'fabien@example.org', categoryIds: [cat] })
    const second = await resendInvitation(fx.org.id, fx.edition.id, first.jurorId)
    await removeJuror(fx.org.id, fx.edition.id, first.jurorId)
    expect(await openStatus(tokenOf(first.joinUrl))).toBe(404)
    expect(await openStatus(tokenOf(second.joinUrl))).toBe(404)
    expect((await postJoinPage(tokenOf(first.joinUrl)).catch((e: Response) => e)).status).toBe(404)

    const back = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Fabien', email: 'fabien@example.org', categoryIds: [cat] })
    expect((await openJoinPage(tokenOf(back.joinUrl))).data.invitation?.joined).toBe(false)
    expect(await openStatus(tokenOf(first.joinUrl))).toBe(404)
    expect(await openStatus(tokenOf(second.joinUrl))).toBe(404)
  })

  test('declining from the newest link: an older link confirms the answer and no longer joins', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const cat = fx.categories[0]!.category.id
    const first = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Gaëlle', email: 'gaelle@example.org', categoryIds: [cat] })
    const second = await resendInvitation(fx.org.id, fx.edition.id, first.jurorId)
    expect((await postJoinPage(tokenOf(second.joinUrl), { intent: 'decline' })).status).toBe(302)
    for (const url of [first.joinUrl, second.joinUrl]) {
      const page = await openJoinPage(tokenOf(url))
      expect(page.data.invitation).toBeNull()
      expect(page.data.declined?.editionTitle).toBe('Prix de l’ESS 2026')
    }
    expect((await postJoinPage(tokenOf(first.joinUrl)).catch((e: Response) => e)).status).toBe(404)
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: first.jurorId } })).userId).toBeNull()
  })
})
