// Jury invitations as a campaign, against a real database (SQLite and PostgreSQL): inviting three
// jurors makes one campaign with three recipients whose personal link is the join link; opening
// the link counts as a click, joining as "registered", the decline button as declined; a reminder
// goes only to the juror who did neither, with a fresh link (the first one keeps working).
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { sendCampaign } from '#app/composition/campaigns.server.ts'
import { campaignReport, createCampaign, createReminder, followInvitation } from '#app/modules/campaigns/service.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { type AppError } from '#app/utils/errors.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { juryCampaignId } from './invitation-campaign.server.ts'
import { acceptInvitation, declineInvitation, getInvitation, inviteJuror, linkJurorRowsByEmail, listJurors } from './jurors.server.ts'

const tokenOf = (url: string) => url.split('/jury/join/')[1]!

async function rejects(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

/** GET on the join page, as a juror's browser (or a mail scanner) would. */
async function openJoinPage(token: string) {
  const route = await import('#app/routes/links/jury.join.$token.tsx')
  return route.loader({ request: new Request(`http://localhost/jury/join/${token}`), params: { token }, context: {} })
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

describe('jury invitations as a campaign', () => {
  test('three invitations, one campaign: clicked, joined, declined are tracked and the reminder goes to the one left', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const cat = fx.categories[0]!.category.id
    const ana = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Ana Duval', email: 'ana@example.org', categoryIds: [cat] })
    const ben = await inviteJuror(fx.org.id, fx.edition.id, {
      name: 'Ben Roux',
      email: 'ben@example.org',
      categoryIds: [cat],
      locale: 'en',
    })
    const cleo = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Cléo Petit', email: 'cleo@example.org', categoryIds: [cat] })

    // One campaign for the edition, three recipients, each carrying its email.
    const campaigns = await prisma.campaign.findMany({ where: { organisationId: fx.org.id } })
    expect(campaigns).toHaveLength(1)
    expect(campaigns[0]).toMatchObject({
      id: juryCampaignId(fx.edition.id),
      kind: 'jury_invitation',
      editionId: fx.edition.id,
      status: 'sent',
    })
    expect([ana.campaignId, ben.campaignId, cleo.campaignId]).toEqual([campaigns[0]!.id, campaigns[0]!.id, campaigns[0]!.id])
    const recipients = await prisma.campaignRecipient.findMany({ where: { campaignId: campaigns[0]!.id }, orderBy: { email: 'asc' } })
    expect(recipients.map((r) => r.email)).toEqual(['ana@example.org', 'ben@example.org', 'cleo@example.org'])
    expect(recipients.every((r) => r.emailMessageId)).toBe(true)

    // The email: the campaign's words with the merge fields, the join link as the personal link, the decline link.
    const mail = await prisma.emailMessage.findUniqueOrThrow({ where: { id: recipients[0]!.emailMessageId! } })
    expect(mail).toMatchObject({ template: 'jury-invitation', toAddress: 'ana@example.org', category: `jury:${fx.edition.id}` })
    const rendered = await renderStoredEmail(mail)
    expect(rendered.subject).toBe('Invitation au jury : Prix de l’ESS 2026')
    for (const text of ['Bonjour Ana,', `Votre lien personnel\u202f: ${ana.joinUrl}`, 'Utilité sociale', 'Je ne pourrai pas siéger'])
      expect(rendered.text).toContain(text)
    const benMail = await renderStoredEmail(await prisma.emailMessage.findUniqueOrThrow({ where: { id: recipients[1]!.emailMessageId! } }))
    expect(benMail.subject).toBe('Jury invitation: Prix de l’ESS 2026')
    expect(benMail.text).toContain('Hello Ben,')

    let report = await campaignReport(fx.org.id, campaigns[0]!.id)
    expect(report.counts).toMatchObject({ total: 3, queued: 3, sent: 0, clicked: 0, registered: 0, declined: 0 })
    // The worker delivers two and the server refuses the third for good.
    await prisma.emailMessage.updateMany({
      where: { id: { in: [recipients[0]!.emailMessageId!, recipients[1]!.emailMessageId!] } },
      data: { status: 'sent', sentAt: new Date() },
    })
    await prisma.emailMessage.update({
      where: { id: recipients[2]!.emailMessageId! },
      data: { status: 'failed', lastError: '550 mailbox full' },
    })
    report = await campaignReport(fx.org.id, campaigns[0]!.id)
    expect(report.counts).toMatchObject({ sent: 2, failed: 1 })

    // Ana opens her link (a click), then joins (registered).
    await openJoinPage(tokenOf(ana.joinUrl))
    report = await campaignReport(fx.org.id, campaigns[0]!.id)
    expect(report.counts).toMatchObject({ clicked: 1, registered: 0 })
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: ana.jurorId } })).joinedAt).toBeNull()
    await acceptInvitation(tokenOf(ana.joinUrl))
    // Ben opens his and declines.
    await openJoinPage(tokenOf(ben.joinUrl))
    const declined = await postJoinPage(tokenOf(ben.joinUrl), { intent: 'decline' })
    expect(declined.status).toBe(302)
    report = await campaignReport(fx.org.id, campaigns[0]!.id)
    expect(report.counts).toMatchObject({ total: 3, clicked: 2, registered: 1, declined: 1 })
    expect(report.recipients.find((r) => r.email === 'ana@example.org')?.registeredAt).not.toBeNull()
    expect(report.recipients.find((r) => r.email === 'ben@example.org')?.declinedAt).not.toBeNull()

    // Declining steps Ben down: his link no longer signs in, but the page confirms his answer.
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: ben.jurorId } })).removedAt).not.toBeNull()
    expect(await getInvitation(tokenOf(ben.joinUrl))).toBeNull()
    expect(((await rejects(acceptInvitation(tokenOf(ben.joinUrl)))) as AppError).status).toBe(404)
    const confirmation = (await openJoinPage(tokenOf(ben.joinUrl))) as unknown as { data: { declined: { editionTitle: string } | null } }
    expect(confirmation.data.declined?.editionTitle).toBe('Prix de l’ESS 2026')
    expect((await listJurors(fx.org.id, fx.edition.id)).find((j) => j.id === ben.jurorId)?.declined).toBe(true)
    expect(await prisma.auditLog.count({ where: { action: 'juror.decline', entityId: ben.jurorId } })).toBe(1)
    // A juror who already joined cannot decline from the link.
    expect(((await rejects(declineInvitation(tokenOf(ana.joinUrl)))) as AppError).status).toBe(409)

    // The reminder goes to Cléo only, with a fresh link; her first link keeps working.
    const reminder = await createReminder(campaigns[0]!.id, { organisationId: fx.org.id })
    const sent = await sendCampaign(reminder.id)
    expect(sent).toMatchObject({ queued: 1, alreadySent: false })
    const reminded = await prisma.campaignRecipient.findMany({ where: { campaignId: reminder.id } })
    expect(reminded.map((r) => r.email)).toEqual(['cleo@example.org'])
    expect(await prisma.emailMessage.count({ where: { template: 'jury-invitation', toAddress: 'cleo@example.org' } })).toBe(2)
    expect(
      await prisma.emailMessage.count({
        where: { template: 'jury-invitation', toAddress: { in: ['ana@example.org', 'ben@example.org'] } },
      }),
    ).toBe(2)
    const reminderMail = await renderStoredEmail(
      await prisma.emailMessage.findUniqueOrThrow({ where: { id: reminded[0]!.emailMessageId! } }),
    )
    expect(reminderMail.subject).toBe('Rappel : Invitation au jury : Prix de l’ESS 2026')
    const freshUrl = /https?:\/\/\S+\/jury\/join\/[a-z0-9]+/.exec(reminderMail.text)?.[0]
    expect(freshUrl).toBeDefined()
    expect(freshUrl).not.toBe(cleo.joinUrl)
    expect(await getInvitation(tokenOf(cleo.joinUrl))).not.toBeNull()
    expect(await getInvitation(tokenOf(freshUrl!))).not.toBeNull()
    // Sending it again writes nothing more.
    expect((await sendCampaign(reminder.id)).alreadySent).toBe(true)

    // Cléo signs in through /login instead: both her invitations count as joined.
    const user = await prisma.user.create({ data: { email: 'cleo@example.org', name: 'Cléo Petit' } })
    await linkJurorRowsByEmail(user)
    const cleoRows = await prisma.campaignRecipient.findMany({
      where: { email: 'cleo@example.org', campaign: { editionId: fx.edition.id } },
    })
    expect(cleoRows).toHaveLength(2)
    expect(cleoRows.every((r) => r.registeredAt !== null)).toBe(true)
  })

  test('re-inviting a juror who declined withdraws the "no"; the campaign link leads to the join page; jury campaigns are not made by hand', async () => {
    const fx = await makeJuryEdition({ jurors: 0 })
    const cat = fx.categories[0]!.category.id
    const first = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Dora', email: 'dora@example.org', categoryIds: [cat] })
    await declineInvitation(tokenOf(first.joinUrl))
    const again = await inviteJuror(fx.org.id, fx.edition.id, { name: 'Dora', email: 'dora@example.org', categoryIds: [cat] })
    expect(again.reinvited).toBe(true)
    const row = await prisma.campaignRecipient.findUniqueOrThrow({
      where: { campaignId_email: { campaignId: again.campaignId, email: 'dora@example.org' } },
    })
    expect(row.declinedAt).toBeNull()
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: again.jurorId } })).removedAt).toBeNull()
    expect(await prisma.campaignRecipient.count({ where: { campaignId: again.campaignId } })).toBe(1)

    // The campaigns' /i/<token> link of a jury recipient leads to the join page (and counts the click).
    expect(await followInvitation(tokenOf(again.joinUrl))).toEqual({ to: `/jury/join/${tokenOf(again.joinUrl)}` })
    expect((await prisma.campaignRecipient.findUniqueOrThrow({ where: { id: row.id } })).clickedAt).not.toBeNull()
    // …and its /i/<token>/decline page hands over to the join page's decline button.
    const declineRoute = await import('#app/routes/links/i.$token.decline.tsx')
    const token = tokenOf(again.joinUrl)
    const redirected = (await rejects(
      declineRoute.loader({ request: new Request(`http://localhost/i/${token}/decline`), params: { token }, context: {} }),
    )) as Response
    expect(redirected.status).toBe(302)
    expect(redirected.headers.get('location')).toBe(`/jury/join/${token}#decline`)

    const error = (await rejects(
      createCampaign(fx.org.id, { kind: 'jury_invitation', editionId: fx.edition.id, name: 'À la main' }),
    )) as AppError
    expect(error.status).toBe(422)
    expect(error.fields?.kind).toEqual(['campaigns.error.juryFromJuryPage'])
  })
})
