// Event descriptions are Markdown written by organisers and shown on public pages. Raw HTML is
// shown as text, links keep only http(s)/mailto targets, and images become plain links so that
// a public page never loads a third-party resource (visitors' addresses stay with us: GDPR).
import { Marked, type Tokens } from 'marked'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** The URL when its scheme is http, https or mailto; null otherwise (javascript:, data:, relative…). */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\u0000-\u0020\u007f]/g, '')
  let decoded = cleaned
  try {
    decoded = decodeURI(cleaned)
  } catch {
    return null
  }
  if (!/^(https?:\/\/|mailto:)/i.test(decoded)) return null
  try {
    const url = new URL(cleaned)
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null
    return url.href
  } catch {
    return null
  }
}

function createRenderer(headingOffset: number) {
  const marked = new Marked({ gfm: true, breaks: true, async: false })
  marked.use({
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text)
      },
      heading({ tokens, depth }: Tokens.Heading) {
        // The page already has its h1 and a section heading: description headings go below them.
        const level = Math.min(6, depth + headingOffset)
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`
      },
      link({ href, title, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens)
        const safe = safeHref(href)
        if (!safe) return text
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
        return `<a href="${escapeHtml(safe)}"${titleAttr} rel="nofollow noopener noreferrer">${text}</a>`
      },
      image({ href, text }: Tokens.Image) {
        const safe = safeHref(href)
        const label = escapeHtml(text || href)
        return safe ? `<a href="${escapeHtml(safe)}" rel="nofollow noopener noreferrer">${label}</a>` : label
      },
    },
  })
  return marked
}

const renderers = new Map<number, Marked>()

/** Markdown → HTML safe to insert with dangerouslySetInnerHTML. Headings start at h(1 + headingOffset). */
export function renderMarkdown(markdown: string, opts: { headingOffset?: number } = {}): string {
  const offset = Math.max(0, Math.min(5, opts.headingOffset ?? 2))
  let renderer = renderers.get(offset)
  if (!renderer) {
    renderer = createRenderer(offset)
    renderers.set(offset, renderer)
  }
  return renderer.parse(markdown ?? '', { async: false }) as string
}
