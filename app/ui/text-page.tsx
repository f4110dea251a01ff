import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'

/** A page of plain paragraphs from the i18n layer (legal notice, privacy, accessibility). */
export function TextPage({ title, paragraphs }: { title: MessageKey; paragraphs: MessageKey[] }) {
  const t = useT()
  return (
    <article className="card max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t(title)}</h1>
      {paragraphs.map((p) => (
        <p key={p} className="text-stone-800">
          {t(p)}
        </p>
      ))}
    </article>
  )
}
