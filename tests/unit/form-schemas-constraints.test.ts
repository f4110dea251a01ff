// Every schema a page gives to useZodForm must be one Conform can read constraints from
// (getZodConstraint throws "Unsupported schema" on an object-level transform, and the page
// then fails to render): the forms converted to the one form pattern, checked here.
import { getZodConstraint } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { PasswordSignInSchema, SetPasswordSchema, SignInLinkSchema } from '#app/modules/auth/schema.ts'
import { campaignDraftFormSchema, campaignRateFormSchema, newCampaignFormSchema } from '#app/modules/campaigns/schema.ts'
import {
  contactFormSchema,
  contactIntentSchemas,
  importMappingFormSchema,
  importUploadFormSchema,
  suppressionIntentSchemas,
} from '#app/modules/contacts/schema.ts'
import {
  decisionFormSchema,
  inviteJurorFormSchema,
  jurorSeatsFormSchema,
  jurySettingsFormSchema,
  recordConflictFormSchema,
} from '#app/modules/jury/admin-schema.ts'
import { categoryFormSchema, copyFormSchema, criterionFormSchema } from '#app/modules/prizes/schema.ts'
import { declareIneligibleFormSchema, startNominationFormSchema } from '#app/modules/nominations/schema.ts'
import { certificateTemplateSchema } from '#app/modules/attendance/certificate-schema.ts'
import { AbstainSchema } from '#app/modules/jury/abstention-schema.ts'
import { legalDetailsSchema } from '#app/modules/organisations/legal.ts'
import { questionFormSchema, surveySettingsSchema } from '#app/modules/surveys/schema.ts'
import { voidVoteFormSchema, voteFormSchema } from '#app/modules/votes/schema.ts'

const schemas = {
  SignInLinkSchema,
  PasswordSignInSchema,
  SetPasswordSchema,
  newCampaignFormSchema,
  campaignRateFormSchema,
  campaignDraftFormSchema,
  contactFormSchema,
  createContact: contactIntentSchemas.create,
  addAttendees: contactIntentSchemas.addAttendees,
  addNominees: contactIntentSchemas.addNominees,
  addSuppression: suppressionIntentSchemas.add,
  importUploadFormSchema,
  importMappingFormSchema,
  startNominationFormSchema,
  declareIneligibleFormSchema,
  voteFormSchema,
  voidVoteFormSchema,
  copyFormSchema,
  categoryFormSchema,
  criterionFormSchema,
  inviteJurorFormSchema,
  jurorSeatsFormSchema,
  recordConflictFormSchema,
  jurySettingsFormSchema,
  decisionFormSchema,
  questionFormSchema,
  surveySettingsSchema,
  certificateTemplateSchema,
  AbstainSchema,
  legalDetailsSchema,
}

describe('form schemas give Conform their constraints', () => {
  test.each(Object.entries(schemas))('%s', (_, schema) => {
    expect(() => getZodConstraint(schema)).not.toThrow()
  })

  test('the required fields are marked so for the browser', () => {
    expect(getZodConstraint(newCampaignFormSchema)).toMatchObject({ kind: { required: true }, name: { required: true } })
    expect(getZodConstraint(voteFormSchema)).toMatchObject({ nominationId: { required: true }, email: { required: true } })
    expect(getZodConstraint(inviteJurorFormSchema)).toMatchObject({ name: { required: true }, email: { required: true } })
    expect(getZodConstraint(categoryFormSchema)).toMatchObject({ name: { required: true } })
    expect(getZodConstraint(jurySettingsFormSchema)).toMatchObject({
      tieBreak: { required: true },
      juryReminderDaysBefore: { required: false },
    })
    expect(getZodConstraint(decisionFormSchema)).toMatchObject({ decision: { required: true }, rank: { required: false } })
  })
})
