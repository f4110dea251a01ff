// The organisations a member belongs to, as cards with their role: the home page and the chooser (/o).
import { Link } from '@remix-run/react'
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'

export function OrganisationCards({
  organisations,
  className,
}: {
  organisations: { slug: string; name: string; role: string }[]
  className: string
}) {
  const t = useT()
  return (
    <ul className={className}>
      {organisations.map((o) => (
        <li key={o.slug} className="card">
          <Link to={`/o/${o.slug}`} className="link font-semibold">
            {o.name}
          </Link>
          <p className="text-sm text-stone-600">{t(`home.role.${o.role}` as MessageKey)}</p>
        </li>
      ))}
    </ul>
  )
}
