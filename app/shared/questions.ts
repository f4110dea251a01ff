// The custom questions of a registration or nomination form and their answers, shared by events,
// registrations, prizes and nominations (no server import: the browser loads it too). Owns the
// decoders of the two JSON columns they share: a question's `options` and a row's `answers`.

export const QUESTION_TYPES = ['short_text', 'long_text', 'single_choice', 'multiple_choice', 'checkbox'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
export const CHOICE_QUESTION_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice']

export function isQuestionType(value: string): value is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(value)
}

/** A question as a form shows it. */
export type FormQuestion = { id: string; label: string; help: string | null; type: QuestionType; required: boolean; options: string[] }

/** One answer: text, the choices ticked, or a checkbox. */
export type AnswerValue = string | string[] | boolean

/** The fields of the form that adds or edits a question, as submitted (choices one per line). */
export type QuestionFormFields = { label?: string; help?: string; type?: string; required?: string; options?: string }
export type Answers = Record<string, AnswerValue>

function parseJson(json: string | null | undefined): unknown {
  if (!json) return undefined
  try {
    return JSON.parse(json)
  } catch {
    return undefined
  }
}

/**
 * A question's `options` column (a JSON array of strings; `{label}` / `{value}` objects tolerated)
 * → its choices. Damaged or missing: no choices.
 */
export function parseQuestionOptions(json: string | readonly string[] | null | undefined): string[] {
  const parsed = typeof json === 'string' || json == null ? parseJson(json) : json
  if (!Array.isArray(parsed)) return []
  return parsed
    .map((o: unknown) =>
      typeof o === 'string'
        ? o
        : typeof o === 'object' && o !== null
          ? String((o as { value?: unknown; label?: unknown }).value ?? (o as { label?: unknown }).label ?? '')
          : '',
    )
    .map((o) => o.trim())
    .filter((o) => o.length > 0)
}

/**
 * A registration's or nomination's `answers` column (a JSON object: question id → answer) → the
 * answers. Anything that is not an answer is dropped; damaged or missing: no answers (a page never
 * fails on a bad row).
 */
export function parseAnswers(json: string | Record<string, unknown> | null | undefined): Answers {
  const parsed = typeof json === 'string' || json == null ? parseJson(json) : json
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
  const out: Answers = {}
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v === 'string' || typeof v === 'boolean') out[k] = v
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string')
  }
  return out
}
