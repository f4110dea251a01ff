// Satisfaction surveys: the pure rules (reminder schedule, results per question).

export const QUESTION_KINDS = ['rating', 'single', 'multiple', 'text'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
export const SURVEY_KINDS = ['hot', 'cold'] as const
export type SurveyKind = (typeof SURVEY_KINDS)[number]
export type Option = { fr: string; en: string }

/** At most this many reminders per invitation, whatever the schedule says. */
export const MAX_REMINDERS = 2
const DAY_MS = 86_400_000

/** "3,7" → [3, 7]: positive whole days, ascending, at most MAX_REMINDERS. */
export function parseReminderDays(value: string): number[] {
  const days = value
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((day) => Number.isInteger(day) && day > 0)
  return [...new Set(days)].sort((a, b) => a - b).slice(0, MAX_REMINDERS)
}

export type ReminderState = {
  sentAt: Date
  reminderCount: number
  answeredAt: Date | null
  closesAt: Date
  reminderDays: number[]
}

/**
 * The reminder step due now (its new reminderCount), or null. Only to those who have not answered,
 * while the survey is open; a step is sent once. If the job missed a step and the next one is
 * already due, only the latest is sent: people get one email, not two in a row.
 */
export function isSurveyReminderDue(state: ReminderState, now: Date): number | null {
  if (state.answeredAt || now >= state.closesAt) return null
  const days = state.reminderDays.slice(0, MAX_REMINDERS)
  let step = 0
  for (let i = 0; i < days.length; i++) if (now.getTime() >= state.sentAt.getTime() + days[i]! * DAY_MS) step = i + 1
  return step > state.reminderCount ? step : null
}

export type QuestionForResults = { id: string; kind: QuestionKind; options: Option[] }
export type AnswerForResults = { questionId: string; rating: number | null; choices: number[]; text: string | null }

export type QuestionResult = {
  questionId: string
  kind: QuestionKind
  /** People who answered this question. */
  answered: number
  /** Ratings: counts of 1…5; choices: counts per option (several per person for multiple choice). */
  distribution: { label: string; count: number; percent: number }[]
  mean: number | null
  texts: string[]
}

const percentOf = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 10)

/** Results of each question: distribution with percentages of those who answered it, mean of ratings, free texts. */
export function surveyResults(questions: QuestionForResults[], answers: AnswerForResults[], optionLabel: (o: Option) => string) {
  return questions.map((question): QuestionResult => {
    const mine = answers.filter((answer) => answer.questionId === question.id)
    if (question.kind === 'text') {
      const texts = mine.map((a) => a.text?.trim() ?? '').filter(Boolean)
      return { questionId: question.id, kind: question.kind, answered: texts.length, distribution: [], mean: null, texts }
    }
    if (question.kind === 'rating') {
      const ratings = mine.map((a) => a.rating).filter((r): r is number => r !== null && r >= 1 && r <= 5)
      const distribution = [1, 2, 3, 4, 5].map((value) => {
        const count = ratings.filter((r) => r === value).length
        return { label: String(value), count, percent: percentOf(count, ratings.length) }
      })
      const mean = ratings.length === 0 ? null : Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
      return { questionId: question.id, kind: question.kind, answered: ratings.length, distribution, mean, texts: [] }
    }
    const chosen = mine.filter((a) => a.choices.length > 0)
    const distribution = question.options.map((option, index) => {
      const count = chosen.filter((a) => a.choices.includes(index)).length
      return { label: optionLabel(option), count, percent: percentOf(count, chosen.length) }
    })
    return { questionId: question.id, kind: question.kind, answered: chosen.length, distribution, mean: null, texts: [] }
  })
}

/** Share of invitees who answered, in percent with one decimal. */
export function responseRate(invited: number, answered: number) {
  return percentOf(answered, invited)
}
