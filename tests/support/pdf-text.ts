// Reads a PDF back the way a viewer does (pdf.js), so tests assert what a person would see printed.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export type PdfText = { pages: string[]; text: string; pageCount: number }

/**
 * The text of each page, items joined by spaces, in reading order as pdf.js gives it. pdf.js reads
 * every kind of space (no-break, narrow no-break) as a plain one, so tests compare with plain spaces.
 */
export async function pdfText(bytes: Uint8Array | Buffer): Promise<PdfText> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false })
  const pdf = await task.promise
  const pages: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const content = await page.getTextContent()
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/[\s\u00a0\u202f]+/g, ' ')
        .trim(),
    )
  }
  await pdf.destroy()
  return { pages, text: pages.join('\n'), pageCount: pdf.numPages }
}
