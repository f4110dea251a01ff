import { describe, expect, test } from 'vitest'
import { pdfText } from '#tests/support/pdf-text.ts'
import { certificateFilename, certificatesPdf, type CertificateDocument } from './certificate-pdf.server.ts'

const base: CertificateDocument = {
  locale: 'fr',
  kind: 'realisation',
  reference: 'CERT-YESS-0001',
  title: 'Certificat de réalisation',
  body: 'Je soussignée atteste que Hélène Castan a suivi l’action.',
  organisation: { name: 'CRESS Occitanie', address: '5 rue Saint-Rome, 31000 Toulouse', siret: '73282932000074' },
  trainee: { name: 'Hélène Castan', organisation: 'SCOP Les Ateliers' },
  action: { title: 'YESS Académie', dates: '4 février 2027', place: 'Toulouse' },
  hoursAttended: '10\u00a0h\u00a030',
  hoursPlanned: '14\u00a0h',
  placeAndDate: 'Fait à Toulouse, le 5 février 2027',
  signatory: { name: 'Marie Fabre', role: 'Directrice' },
}

describe('the certificate PDF', () => {
  test('A4, fonts embedded, one page per certificate with the legal facts of its kind', async () => {
    const presence: CertificateDocument = {
      ...base,
      kind: 'presence',
      locale: 'en',
      title: 'Certificate of attendance',
      reference: 'CERT-YESS-0002',
      body: 'CRESS Occitanie certifies that Sam Taylor attended.',
      placeAndDate: 'Toulouse, 5 February 2027',
      trainee: { name: 'Sam Taylor', organisation: null },
      hoursAttended: '7\u00a0h',
      hoursPlanned: '7\u00a0h',
    }
    const bytes = await certificatesPdf([base, presence])
    const raw = bytes.toString('latin1')
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
    expect(raw).toContain('/FontFile2')
    const { pages, pageCount } = await pdfText(bytes)
    expect(pageCount).toBe(2)
    expect(pages[0]).toContain('CRESS Occitanie')
    expect(pages[0]).toContain('SIRET : 73282932000074')
    expect(pages[0]).toContain('Stagiaire : Hélène Castan')
    expect(pages[0]).toContain('Nature de l’action : action de formation')
    expect(pages[0]).toContain('Durée suivie : 10 h 30 sur 14 h prévues')
    expect(pages[0]).toContain('Référence : CERT-YESS-0001')
    expect(pages[0]).toContain('Marie Fabre')
    expect(pages[1]).toContain('Attendee: Sam Taylor')
    expect(pages[1]).toContain('7 h out of 7 h planned')
    expect(pages[1]).not.toContain('Nature')
    expect(pages[1]).not.toContain('Hélène')
  })

  test('file names say the kind and the reference', () => {
    expect(certificateFilename(base)).toBe('certificat-realisation-CERT-YESS-0001.pdf')
    expect(certificateFilename({ ...base, kind: 'presence' })).toBe('attestation-presence-CERT-YESS-0001.pdf')
  })
})
