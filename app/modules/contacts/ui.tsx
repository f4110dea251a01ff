// Pieces the contacts pages share: the contact form and the tag chips.
import { PROFILES } from '#app/shared/profiles.ts'
import { SelectField, TextField, type FieldErrors } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { CONTACT_LOCALES, LIMITS } from './limits.ts'

export type ContactFormValues = Partial<
  Record<'email' | 'firstName' | 'lastName' | 'structure' | 'profile' | 'departement' | 'locale' | 'tags', string>
>

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

/** The fields of a contact; the caller renders the <Form> and the submit button. */
export function ContactFields({
  values,
  errors,
  idPrefix,
}: {
  values: ContactFormValues
  errors: Record<string, FieldErrors>
  idPrefix: string
}) {
  const t = useT()
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        id={`${idPrefix}-email`}
        name="email"
        type="email"
        label={t('contacts.field.email')}
        required
        maxLength={LIMITS.email}
        autoComplete="off"
        defaultValue={values.email}
        errors={errors.email}
      />
      <TextField
        id={`${idPrefix}-structure`}
        name="structure"
        label={t('contacts.field.structure')}
        maxLength={LIMITS.structure}
        defaultValue={values.structure}
        errors={errors.structure}
      />
      <TextField
        id={`${idPrefix}-firstName`}
        name="firstName"
        label={t('contacts.field.firstName')}
        maxLength={LIMITS.name}
        autoComplete="off"
        defaultValue={values.firstName}
        errors={errors.firstName}
      />
      <TextField
        id={`${idPrefix}-lastName`}
        name="lastName"
        label={t('contacts.field.lastName')}
        maxLength={LIMITS.name}
        autoComplete="off"
        defaultValue={values.lastName}
        errors={errors.lastName}
      />
      <SelectField
        id={`${idPrefix}-profile`}
        name="profile"
        label={t('contacts.field.profile')}
        placeholder={t('contacts.field.none')}
        options={PROFILES.map((p) => ({ value: p, label: t(`profile.${p}`) }))}
        defaultValue={values.profile ?? ''}
        errors={errors.profile}
      />
      <TextField
        id={`${idPrefix}-departement`}
        name="departement"
        label={t('contacts.field.departement')}
        help={t('contacts.field.departementHelp')}
        maxLength={40}
        defaultValue={values.departement}
        errors={errors.departement}
      />
      <SelectField
        id={`${idPrefix}-locale`}
        name="locale"
        label={t('contacts.field.locale')}
        options={CONTACT_LOCALES.map((l) => ({ value: l, label: t(`contacts.locale.${l}`) }))}
        defaultValue={values.locale ?? 'fr'}
        errors={errors.locale}
      />
      <TextField
        id={`${idPrefix}-tags`}
        name="tags"
        label={t('contacts.field.tags')}
        help={t('contacts.field.tagsHelp')}
        defaultValue={values.tags}
        errors={errors.tags}
      />
    </div>
  )
}
