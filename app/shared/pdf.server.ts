// PDF documents (sign-in sheets, certificates, badges, score sheets, invoices) are drawn with
// pdfkit in DejaVu Sans, embedded and subset: the standard PDF fonts cannot print the narrow
// no-break spaces and « » of French typography, and a viewer without the font would substitute one.
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)

const FONTS = {
  body: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
} as const

export type PdfFont = keyof typeof FONTS
export type PdfDocument = PDFKit.PDFDocument

const fontPaths = Object.fromEntries(Object.entries(FONTS).map(([name, file]) => [name, require.resolve(file)])) as Record<PdfFont, string>

// Each font is parsed once per process and shared by every document (pdfkit takes a fontkit font
// as a source; each document still makes its own subset): parsing DejaVu's layout tables anew for
// every document cost most of a certificate's rendering time (tests/bench/certificates.ts).
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { openSync: (path: string) => unknown }
let parsedFonts: Record<PdfFont, unknown> | null = null
function fonts() {
  parsedFonts ??= Object.fromEntries(Object.entries(fontPaths).map(([name, path]) => [name, fontkit.openSync(path)])) as Record<
    PdfFont,
    unknown
  >
  return parsedFonts
}

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const

/** One millimetre in PDF points. */
export const MM = 72 / 25.4

export type PdfOptions = {
  title: string
  lang: 'fr' | 'en'
  author?: string
  subject?: string
  layout?: 'portrait' | 'landscape'
  /** Page margin in points; 15 mm by default. */
  margin?: number
  /** Starts without a page, for callers that add pages with their own options. */
  noFirstPage?: boolean
}

/** A new A4 document with the three fonts registered as `body`, `bold` and `italic`, `body` selected. */
export function createPdf(options: PdfOptions): PdfDocument {
  const margin = options.margin ?? 15 * MM
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin,
    autoFirstPage: !options.noFirstPage,
    // The default font would load Helvetica's metrics; ours is set straight away.
    font: fonts().body as string,
    lang: options.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: options.title,
      Author: options.author ?? 'Essor',
      Subject: options.subject ?? options.title,
      Creator: 'Essor',
      Producer: 'Essor (pdfkit)',
    },
  })
  for (const [name, font] of Object.entries(fonts())) doc.registerFont(name, font as string)
  doc.font('body')
  return doc
}

/** Ends `doc` and resolves with its bytes. */
export function pdfBuffer(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}

/** The HTTP answer for a PDF: inline (opens in the browser's viewer) or as a download. */
export function pdfResponse(bytes: Buffer, filename: string, disposition: 'inline' | 'attachment' = 'inline'): Response {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}
