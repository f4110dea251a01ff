// TEMPORARY until the contacts branch is merged: the audience shape the contacts module defines.
import { z } from 'zod'

const ids = z.array(z.string().trim().min(1)).default([])
export const audienceSchema = z.object({ tags: ids, profiles: ids, departements: ids, attendeesOfEventIds: ids, contactIds: ids })
export type Audience = z.output<typeof audienceSchema>
