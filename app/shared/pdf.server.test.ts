import { describe, expect, test } from 'vitest'
import { pdfText } from '#tests/support/pdf-text.ts'
import { createPdf, pdfBuffer, pdfResponse } from './pdf.server.ts'

describe('PDF documents', () => {
  test('French typography survives the round trip and the font is embedded', async () => {
    const doc = createPdf({ title: 'Attestation de présence', lang: 'fr' })
    doc.font('bold').fontSize(18).text('Attestation de présence')
    doc.font('body').fontSize(11).text('Rencontre « ESS’pace » : 7\u202Fh de présence')
    doc.addPage().text('Page deux')
    const bytes = await pdfBuffer(doc)
    const read = await pdfText(bytes)
    expect(read.pageCount).toBe(2)
    expect(read.pages[0]).toContain('Attestation de présence')
    expect(read.pages[0]).toContain('« ESS’pace »')
    expect(read.pages[0]).toContain('7 h de présence')
    expect(read.pages[1]).toBe('Page deux')
    const raw = bytes.toString('latin1')
    expect(raw).toMatch(/\/FontFile2/)
    expect(raw).toMatch(/DejaVuSans/)
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/)
  })

  test('the answer names the file for the browser, accents included', async () => {
    const response = pdfResponse(Buffer.from('%PDF-1.7'), 'feuille-émargement.pdf', 'attachment')
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="feuille-emargement.pdf"; filename*=UTF-8''feuille-%C3%A9margement.pdf`,
    )
  })
})
