// Pieces the contacts pages share: the contact form and the tag chips.
import { PROFILES } from '#app/shared/profiles.ts'
import { SelectField, TextField, type FieldErrors } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'
import { CONTACT_LOCALES, LIMITS } from './limits.ts'

/** What the form needs of each of Conform's fields (`useZodForm(contactFormSchema)`). */
export type ContactFieldMeta = { id: string; name: string; key: string | undefined; initialValue?: unknown; errors?: string[] }
export type ContactFormFields = Record<
  'email' | 'firstName' | 'lastName' | 'structure' | 'profile' | 'departement' | 'locale' | 'tags',
  ContactFieldMeta
>

const initial = (f: ContactFieldMeta) => (typeof f.initialValue === 'string' ? f.initialValue : undefined)

export function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null
  return (
    <ul className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800 ring-1 ring-brand-100">
          {tag}
        </li>
      ))}
    </ul>
  )
}

/** The fields of a contact; the caller renders the <Form>, its error summary and the submit button. */
export function ContactFields({ fields }: { fields: ContactFormFields }) {
  const t = useT()
  const errors = (f: ContactFieldMeta): FieldErrors => f.errors?.map((e) => t(e as MessageKey))
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        id={fields.email.id}
        key={fields.email.key}
        name={fields.email.name}
        type="email"
        label={t('contacts.field.email')}
        required
        maxLength={LIMITS.email}
        autoComplete="off"
        defaultValue={initial(fields.email)}
        errors={errors(fields.email)}
      />
      <TextField
        id={fields.structure.id}
        key={fields.structure.key}
        name={fields.structure.name}
        label={t('contacts.field.structure')}
        maxLength={LIMITS.structure}
        defaultValue={initial(fields.structure)}
        errors={errors(fields.structure)}
      />
      <TextField
        id={fields.firstName.id}
        key={fields.firstName.key}
        name={fields.firstName.name}
        label={t('contacts.field.firstName')}
        maxLength={LIMITS.name}
        autoComplete="off"
        defaultValue={initial(fields.firstName)}
        errors={errors(fields.firstName)}
      />
      <TextField
        id={fields.lastName.id}
        key={fields.lastName.key}
        name={fields.lastName.name}
        label={t('contacts.field.lastName')}
        maxLength={LIMITS.name}
        autoComplete="off"
        defaultValue={initial(fields.lastName)}
        errors={errors(fields.lastName)}
      />
      <SelectField
        id={fields.profile.id}
        key={fields.profile.key}
        name={fields.profile.name}
        label={t('contacts.field.profile')}
        placeholder={t('contacts.field.none')}
        options={PROFILES.map((p) => ({ value: p, label: t(`profile.${p}`) }))}
        defaultValue={initial(fields.profile) ?? ''}
        errors={errors(fields.profile)}
      />
      <TextField
        id={fields.departement.id}
        key={fields.departement.key}
        name={fields.departement.name}
        label={t('contacts.field.departement')}
        help={t('contacts.field.departementHelp')}
        maxLength={40}
        defaultValue={initial(fields.departement)}
        errors={errors(fields.departement)}
      />
      <SelectField
        id={fields.locale.id}
        key={fields.locale.key}
        name={fields.locale.name}
        label={t('contacts.field.locale')}
        options={CONTACT_LOCALES.map((l) => ({ value: l, label: t(`contacts.locale.${l}`) }))}
        defaultValue={initial(fields.locale) ?? 'fr'}
        errors={errors(fields.locale)}
      />
      <TextField
        id={fields.tags.id}
        key={fields.tags.key}
        name={fields.tags.name}
        label={t('contacts.field.tags')}
        help={t('contacts.field.tagsHelp')}
        defaultValue={initial(fields.tags)}
        errors={errors(fields.tags)}
      />
    </div>
  )
}
