// Sending campaigns, with the senders of the kinds another module writes: a jury reminder gives
// each juror a fresh join link (the jury module, which itself uses campaigns' functions). Wired
// here so campaigns imports no jury. Routes and the scheduler call these.
import {
  sendCampaign as sendCampaignWith,
  sendDueCampaigns as sendDueCampaignsWith,
  type CampaignSenders,
} from '#app/modules/campaigns/service.server.ts'
import { sendJuryReminder } from '#app/modules/jury/invitation-campaign.server.ts'

export const campaignSenders: CampaignSenders = { jury_invitation: sendJuryReminder }

/** Sends the campaign now (see campaigns' sendCampaign); jury reminders through the jury module. */
export function sendCampaign(campaignId: string, now: Date = new Date(), opts: { request?: Request; actorUserId?: string | null } = {}) {
  return sendCampaignWith(campaignId, now, opts, campaignSenders)
}

/** The scheduler's job: sends every scheduled campaign whose time has come. */
export function sendDueCampaigns(now: Date = new Date()) {
  return sendDueCampaignsWith(now, campaignSenders)
}
