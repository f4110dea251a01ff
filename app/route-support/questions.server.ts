// The action of a page listing form questions (an event's registration form, an edition's
// nomination form): create, update, delete and reorder through Conform, each answered with a
// toast, or with Conform's reply under the key of the form that was sent.
import { data } from '@remix-run/node'
import { z } from 'zod'
import type { MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

/** What the page answers when it does not redirect: Conform's reply and the form it belongs to. */
export type QuestionsReply = FormReply & { formKey: string }

/** What a questions page does with each intent: its form schema, its service calls and its messages. */
export type QuestionIntents<S extends z.ZodType> = {
  schema: S
  create: (input: z.output<S>) => Promise<unknown>
  update: (questionId: string, input: z.output<S>) => Promise<unknown>
  remove: (questionId: string) => Promise<unknown>
  move: (questionId: string, direction: 'up' | 'down') => Promise<unknown>
  toasts: { created: MessageKey; updated: MessageKey; deleted: MessageKey; moved: MessageKey }
  unknownAction: MessageKey
}

/** The one-button forms of the list (delete, move up or down). */
function buttonSchema(unknownAction: MessageKey) {
  return z.discriminatedUnion(
    'intent',
    [
      z.object({ intent: z.literal('question.delete'), questionId: z.string({ error: unknownAction }) }),
      z.object({
        intent: z.literal('question.move'),
        questionId: z.string({ error: unknownAction }),
        direction: z.enum(['up', 'down'], { error: unknownAction }),
      }),
    ],
    { error: unknownAction },
  )
}

function isReply(r: unknown): r is { data: FormReply; init: ResponseInit | null } {
  return typeof r === 'object' && r !== null && !(r instanceof Response) && 'data' in r && 'init' in r
}

export async function questionsAction<S extends z.ZodType>(request: Request, formData: FormData, intents: QuestionIntents<S>) {
  const intent = String(formData.get('intent') ?? '')
  const questionId = String(formData.get('questionId') ?? '')
  // Which form shows the reply; the one-button forms report at the top of the page.
  const formKey = intent === 'question.create' ? 'question-new' : intent === 'question.update' ? `question-${questionId}` : 'page'
  const done = (key: MessageKey) => redirectWithToast(request, new URL(request.url).pathname, { type: 'success', key })
  const answer = async <R>(reply: Promise<R>) => {
    const r = await reply
    return isReply(r) ? data<QuestionsReply>({ ...r.data, formKey }, r.init ?? undefined) : r
  }
  if (intent === 'question.create' || intent === 'question.update') {
    return answer(
      submitForm(request, formData, intents.schema, async (value) => {
        if (intent === 'question.create') await intents.create(value)
        else await intents.update(questionId, value)
        return done(intent === 'question.create' ? intents.toasts.created : intents.toasts.updated)
      }),
    )
  }
  return answer(
    submitForm(request, formData, buttonSchema(intents.unknownAction), async (value) => {
      if (value.intent === 'question.delete') {
        await intents.remove(value.questionId)
        return done(intents.toasts.deleted)
      }
      await intents.move(value.questionId, value.direction)
      return done(intents.toasts.moved)
    }),
  )
}
