// The attendance forms' fields (Conform + Zod), shared by the organiser pages and the trainee's link.
import { z } from 'zod'
import { MAX_DRAWN_SIGNATURE_CHARS } from './rules.ts'

/** A signature: drawn (the canvas's PNG data URL in `signature`) or typed (`name` + the `confirmed` tick). */
export const signatureFields = {
  method: z.enum(['drawn', 'typed']),
  signature: z.string().max(MAX_DRAWN_SIGNATURE_CHARS, 'attendance.error.drawn').optional(),
  name: z.string().trim().max(200).optional(),
  confirmed: z.literal('on').optional(),
}

export type SignatureFields = { method: 'drawn' | 'typed'; signature?: string; name?: string; confirmed?: 'on' }

export function signatureInputOf(value: SignatureFields) {
  return value.method === 'drawn'
    ? ({ method: 'drawn', data: value.signature ?? '' } as const)
    : ({ method: 'typed', name: value.name ?? '', confirmed: value.confirmed === 'on' } as const)
}

export const selfSignSchema = z.object({ sessionId: z.string().min(1), ...signatureFields })

export const sessionsActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('halfDays') }),
  z.object({
    intent: z.literal('add'),
    label: z.string({ error: 'attendance.error.required' }).trim().min(1, 'attendance.error.required').max(120),
    startsAt: z.string({ error: 'attendance.error.required' }).min(1, 'attendance.error.required'),
    endsAt: z.string({ error: 'attendance.error.required' }).min(1, 'attendance.error.required'),
  }),
  z.object({ intent: z.literal('delete'), sessionId: z.string().min(1) }),
])

export const sheetActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('sign'), registrationId: z.string().min(1), ...signatureFields }),
  z.object({
    intent: z.literal('times'),
    registrationId: z.string().min(1),
    arrivedAt: z.string().optional(),
    leftAt: z.string().optional(),
  }),
  z.object({
    intent: z.literal('trainer'),
    trainerName: z.string({ error: 'attendance.error.trainerName' }).trim().min(1, 'attendance.error.trainerName').max(200),
    ...signatureFields,
  }),
  z.object({ intent: z.literal('reopen') }),
])
