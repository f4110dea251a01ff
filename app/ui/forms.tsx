// Accessible form fields: a visible label, help text and errors linked with
// aria-describedby, aria-invalid on error. Work with plain Remix forms or Conform.
import {
  useEffect,
  useId,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import { useT } from '#app/ui/i18n.tsx'

export type FieldErrors = string[] | undefined | null

export function ErrorList({ id, errors }: { id?: string; errors: FieldErrors }) {
  if (!errors?.length) return null
  return (
    <ul id={id} className="field-error space-y-0.5">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  )
}

function useFieldIds(id?: string) {
  const fallback = useId()
  const base = id ?? fallback
  return { inputId: base, helpId: `${base}-help`, errorId: `${base}-error` }
}

function describedBy(ids: { helpId: string; errorId: string }, help: ReactNode, errors: FieldErrors) {
  return [help ? ids.helpId : null, errors?.length ? ids.errorId : null].filter(Boolean).join(' ') || undefined
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: ReactNode; required?: boolean }) {
  const t = useT()
  return (
    <label htmlFor={htmlFor} className="label">
      {label}
      {required && (
        <span className="text-red-800">
          {' '}
          * <span className="sr-only">({t('form.required')})</span>
        </span>
      )}
    </label>
  )
}

type Common = { label: ReactNode; help?: ReactNode; errors?: FieldErrors; className?: string }

export function TextField({ label, help, errors, className, id, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(id)
  return (
    <div className={className}>
      <Label htmlFor={ids.inputId} label={label} required={input.required} />
      {help && (
        <p id={ids.helpId} className="mb-1 text-sm text-stone-600">
          {help}
        </p>
      )}
      <input
        id={ids.inputId}
        className="input"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, help, errors)}
        {...input}
      />
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

export function TextareaField({ label, help, errors, className, id, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(id)
  return (
    <div className={className}>
      <Label htmlFor={ids.inputId} label={label} required={input.required} />
      {help && (
        <p id={ids.helpId} className="mb-1 text-sm text-stone-600">
          {help}
        </p>
      )}
      <textarea
        id={ids.inputId}
        className="input min-h-24"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, help, errors)}
        {...input}
      />
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

export function SelectField({
  label,
  help,
  errors,
  className,
  id,
  options,
  placeholder,
  ...input
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const ids = useFieldIds(id)
  return (
    <div className={className}>
      <Label htmlFor={ids.inputId} label={label} required={input.required} />
      {help && (
        <p id={ids.helpId} className="mb-1 text-sm text-stone-600">
          {help}
        </p>
      )}
      <select
        id={ids.inputId}
        className="input"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(ids, help, errors)}
        {...input}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

export function CheckboxField({ label, help, errors, className, id, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(id)
  return (
    <div className={className}>
      <div className="flex items-start gap-2">
        <input
          id={ids.inputId}
          type="checkbox"
          className="mt-1 h-5 w-5 accent-brand-700"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(ids, help, errors)}
          {...input}
        />
        <label htmlFor={ids.inputId} className="text-sm text-stone-800">
          {label}
          {input.required && <span className="text-red-800"> *</span>}
        </label>
      </div>
      {help && (
        <p id={ids.helpId} className="ml-7 text-sm text-stone-600">
          {help}
        </p>
      )}
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}

/** A group of radios or checkboxes in a fieldset with a legend. */
export function ChoiceGroup({
  id,
  legend,
  name,
  type,
  options,
  defaultValue,
  errors,
  required,
  help,
}: {
  legend: ReactNode
  name: string
  type: 'radio' | 'checkbox'
  options: { value: string; label: ReactNode; disabled?: boolean; hint?: ReactNode }[]
  defaultValue?: string | string[]
  errors?: FieldErrors
  required?: boolean
  help?: ReactNode
  /** The options' ids are `${id}-0`, `${id}-1`… (an error summary links to the first). */
  id?: string
}) {
  const ids = useFieldIds(id)
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : [])
  return (
    <fieldset aria-describedby={describedBy(ids, help, errors)} aria-invalid={errors?.length ? true : undefined}>
      <legend className="label">
        {legend}
        {required && <span className="text-red-800"> *</span>}
      </legend>
      {help && (
        <p id={ids.helpId} className="mb-1 text-sm text-stone-600">
          {help}
        </p>
      )}
      <div className="space-y-2">
        {options.map((o, i) => (
          <div key={o.value} className="flex items-start gap-2">
            <input
              id={`${ids.inputId}-${i}`}
              type={type}
              name={name}
              value={o.value}
              defaultChecked={selected.has(o.value)}
              disabled={o.disabled}
              className="mt-1 h-5 w-5 accent-brand-700"
            />
            <label htmlFor={`${ids.inputId}-${i}`} className="text-sm text-stone-800">
              {o.label}
              {o.hint && <span className="block text-stone-600">{o.hint}</span>}
            </label>
          </div>
        ))}
      </div>
      <ErrorList id={ids.errorId} errors={errors} />
    </fieldset>
  )
}

/**
 * Listed at the top of a form after a failed submission, as GOV.UK's error summary: it takes the focus
 * when it appears (screen readers read it, keyboard users start from it) and links each field error to
 * its field. `errors` are the form's own messages; `links` the field errors with the id of their field.
 */
export function FormErrorSummary({ errors, links }: { errors?: FieldErrors; links?: { text: string; href?: string }[] }) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  const entries = [...(errors ?? []).map((text) => ({ text, href: undefined as string | undefined })), ...(links ?? [])]
  const signature = entries.map((e) => e.text).join('\n')
  useEffect(() => {
    if (signature) ref.current?.focus()
  }, [signature])
  if (entries.length === 0) return null
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="mb-4 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900 focus:outline focus:outline-2 focus:outline-red-700"
    >
      <p className="font-semibold">{t('form.errorSummary', { count: entries.length })}</p>
      <ul className="mt-1 list-disc pl-5">
        {entries.map((e, i) => (
          <li key={`${i}-${e.text}`}>
            {e.href ? (
              <a href={e.href} className="underline">
                {e.text}
              </a>
            ) : (
              e.text
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
