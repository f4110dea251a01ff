import { describe, expect, test } from 'vitest'
import { renderMarkdown, safeHref } from './markdown.server.ts'

describe('renderMarkdown', () => {
  test('formats ordinary Markdown, with headings below the page’s own', () => {
    const html = renderMarkdown('# Programme\n\n**Plénière** puis _ateliers_\n\n- Accueil\n- Clôture')
    expect(html).toContain('<h3>Programme</h3>')
    expect(html).toContain('<strong>Plénière</strong>')
    expect(html).toContain('<em>ateliers</em>')
    expect(html).toContain('<li>Accueil</li>')
    expect(renderMarkdown('# A', { headingOffset: 0 })).toContain('<h1>A</h1>')
    expect(renderMarkdown('###### A')).toContain('<h6>A</h6>')
  })

  test('raw HTML is shown as text, never run', () => {
    const html = renderMarkdown('<script>alert("xss")</script>\n\nBonjour <img src=x onerror=alert(1)> <b onclick="x()">gras</b>')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/<b /i)
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  test('javascript:, data: and relative links lose their target but keep their text', () => {
    for (const md of [
      '[clic](javascript:alert(1))',
      '[clic](JaVaScRiPt:alert(1))',
      '[clic](&#106;avascript:alert(1))',
      '[clic](data:text/html;base64,PHNjcmlwdD4=)',
      '[clic](/admin)',
      '<a href="javascript:alert(1)">clic</a>',
    ]) {
      const html = renderMarkdown(md)
      expect(html, md).not.toMatch(/<a\s/i)
      expect(html.toLowerCase(), md).not.toContain('href="javascript')
      expect(html, md).toContain('clic')
    }
  })

  test('http(s) and mailto links stay, with attributes escaped', () => {
    const html = renderMarkdown(
      '[Inscription](https://example.org/?a=1&b="2" "Le \\" onmouseover=\\"x") — [écrire](mailto:contact@cress.fr)',
    )
    expect(html).toContain(
      '<a href="https://example.org/?a=1&amp;b=%222%22" title="Le &quot; onmouseover=&quot;x" rel="nofollow noopener noreferrer">Inscription</a>',
    )
    expect(html).toContain('<a href="mailto:contact@cress.fr" rel="nofollow noopener noreferrer">écrire</a>')
    expect(html).not.toMatch(/"\s*onmouseover=/)
  })

  test('images become links: no third-party resource, no attribute injection through alt text', () => {
    const html = renderMarkdown('![x" onerror="alert(1)](https://example.org/a.png) ![y](javascript:alert(1))')
    expect(html).not.toMatch(/<img/i)
    expect(html).toContain('<a href="https://example.org/a.png" rel="nofollow noopener noreferrer">x&quot; onerror=&quot;alert(1)</a>')
    expect(html).not.toContain('javascript:')
  })
})

describe('safeHref', () => {
  test('keeps http, https and mailto only', () => {
    expect(safeHref('https://cress-occitanie.org/agenda')).toBe('https://cress-occitanie.org/agenda')
    expect(safeHref('http://example.org')).toBe('http://example.org/')
    expect(safeHref('mailto:a@b.fr')).toBe('mailto:a@b.fr')
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      '//evil.org',
      '/x',
      '',
      null,
    ]) {
      expect(safeHref(bad), String(bad)).toBeNull()
    }
  })
})
