// Invitations' part in registration (plugged in by app/composition/registrations.server.ts): a
// campaign recipient's personal link registers one person, and an invitation-only event needs one.
import type { RegistrationPolicy } from '#app/modules/registrations/pipeline.ts'
import { AppError } from '#app/utils/errors.ts'
import { claimInvitation, invitationForEvent } from './service.server.ts'

export type InvitationOptions = {
  /** The clear token of a campaign recipient's personal link (`?invitation=`). */
  invitationToken?: string | null
}

function invitationError(
  code: string,
  messageKey: 'campaigns.register.invalid' | 'campaigns.register.used' | 'campaigns.register.invitationOnly',
) {
  return new AppError({ status: 403, code, messageKey })
}

export const invitationPolicy: RegistrationPolicy<unknown, InvitationOptions> = {
  name: 'invitations',
  // Checked first, even for someone already registered: a bad link is said so.
  async check(tx, { event, opts, now }) {
    const invitation = opts.invitationToken ? await invitationForEvent(opts.invitationToken, event.id, tx) : null
    if (opts.invitationToken && !invitation) throw invitationError('invalid_invitation', 'campaigns.register.invalid')
    if (invitation?.used) throw invitationError('invitation_used', 'campaigns.register.used')
    if (event.visibility === 'invitation' && !invitation && !opts.actorUserId && opts.source !== 'manual') {
      throw invitationError('invitation_only', 'campaigns.register.invitationOnly')
    }
    if (!invitation) return null
    return {
      // The link is spent by this registration.
      async afterInsert(tx, registration) {
        if (!(await claimInvitation(tx, invitation.recipientId, registration.id, now)))
          throw invitationError('invitation_used', 'campaigns.register.used')
        return { columns: { invitationId: invitation.recipientId } }
      },
    }
  },
}
