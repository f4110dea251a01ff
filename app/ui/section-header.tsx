// The header of an organiser's object pages (an event, a prize edition): a link back to the
// list, the one h1 with a status badge, and the links to the object's sections.
import { Link, NavLink } from '@remix-run/react'
import type { ReactNode } from 'react'

const BADGE: Record<string, string> = {
  draft: 'border-stone-400 bg-stone-100 text-stone-800',
  published: 'border-brand-700 bg-brand-50 text-brand-800',
  cancelled: 'border-red-700 bg-red-50 text-red-800',
  archived: 'border-stone-500 bg-white text-stone-700',
}

/** A status pill; the colour follows the lifecycle status (draft, published, cancelled, archived). */
export function LifecycleBadge({ status, label }: { status: string; label: string }) {
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold ${BADGE[status] ?? BADGE.draft}`}>{label}</span>
  )
}

export function SectionPageHeader(props: {
  back: { to: string; label: string }
  title: string
  /** The page's own heading; the object's title then shows below it. */
  heading?: string
  badge: ReactNode
  navLabel: string
  sections: { to: string; label: string }[]
  children?: ReactNode
}) {
  return (
    <header className="mb-6 space-y-3">
      <p>
        <Link to={props.back.to} className="link text-sm">
          <span aria-hidden="true">← </span>
          {props.back.label}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{props.heading ?? props.title}</h1>
        {props.badge}
      </div>
      {props.heading && <p className="text-stone-700">{props.title}</p>}
      <nav aria-label={props.navLabel}>
        <ul className="flex flex-wrap gap-x-4 gap-y-2 border-b border-stone-200 pb-2 text-sm">
          {props.sections.map((s) => (
            <li key={s.to}>
              <NavLink
                to={s.to}
                end
                className={({ isActive }) => (isActive ? 'font-semibold text-stone-900 underline decoration-2 underline-offset-4' : 'link')}
              >
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </header>
  )
}
