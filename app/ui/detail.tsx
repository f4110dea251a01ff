// One row of a description list (<dl>): the label, then the value; line breaks in the value are kept.
import type { ReactNode } from 'react'

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-3">
      <dt className="font-medium text-stone-800">{label}</dt>
      <dd className="whitespace-pre-line sm:col-span-2">{children}</dd>
    </div>
  )
}
