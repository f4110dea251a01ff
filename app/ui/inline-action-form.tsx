// A one-button form for list controls (move up, move down, delete).
import { Form, useNavigation } from '@remix-run/react'

/** A one-button form (move, delete): hidden fields, a short visible label and a full accessible name. */
export function InlineActionForm({
  intent,
  fields,
  label,
  accessibleLabel,
  danger,
}: {
  intent: string
  fields: Record<string, string>
  label: string
  accessibleLabel: string
  danger?: boolean
}) {
  const busy = useNavigation().state === 'submitting'
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={val} />
      ))}
      <button type="submit" className={`${danger ? 'btn-danger' : 'btn-secondary'} px-3 py-1`} aria-label={accessibleLabel} disabled={busy}>
        {label}
      </button>
    </Form>
  )
}
