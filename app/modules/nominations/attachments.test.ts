import { describe, expect, it } from 'vitest'
import { ATTACHMENT_LIMITS, checkAttachment, safeFilename, sniffFileType } from './attachments.ts'

const bytes = (...b: number[]) => new Uint8Array([...b, 0x00, 0x01, 0x02])
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0)
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const WINDOWS_EXE = bytes(0x4d, 0x5a, 0x90, 0x00) // MZ
const ELF = bytes(0x7f, 0x45, 0x4c, 0x46) // \x7FELF

describe('sniffFileType', () => {
  it('recognises PDF, JPEG and PNG from their first bytes', () => {
    expect(sniffFileType(PDF)).toBe('application/pdf')
    expect(sniffFileType(JPEG)).toBe('image/jpeg')
    expect(sniffFileType(PNG)).toBe('image/png')
  })

  it('refuses executables and other content whatever their name', () => {
    expect(sniffFileType(WINDOWS_EXE)).toBeNull()
    expect(sniffFileType(ELF)).toBeNull()
    expect(sniffFileType(new TextEncoder().encode('<html><script>'))).toBeNull()
    expect(sniffFileType(new TextEncoder().encode('%PDF'))).toBeNull() // truncated signature
    expect(sniffFileType(new Uint8Array())).toBeNull()
  })
})

describe('checkAttachment', () => {
  it('accepts a real PDF and gives its sniffed type', () => {
    expect(checkAttachment(PDF, 0)).toEqual({ ok: true, contentType: 'application/pdf' })
  })

  it('refuses a renamed executable ("dossier.pdf" with an MZ or ELF header)', () => {
    expect(checkAttachment(WINDOWS_EXE, 0)).toEqual({ ok: false, error: 'nomination.attachment.error.type' })
    expect(checkAttachment(ELF, 0)).toEqual({ ok: false, error: 'nomination.attachment.error.type' })
  })

  it('accepts exactly 10 MB and refuses one byte more', () => {
    const max = new Uint8Array(ATTACHMENT_LIMITS.maxBytes)
    max.set(PNG)
    expect(checkAttachment(max, 0).ok).toBe(true)
    const over = new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1)
    over.set(PNG)
    expect(checkAttachment(over, 0)).toEqual({ ok: false, error: 'nomination.attachment.error.tooLarge' })
  })

  it('refuses a sixth file and an empty one', () => {
    expect(checkAttachment(PDF, 4).ok).toBe(true)
    expect(checkAttachment(PDF, 5)).toEqual({ ok: false, error: 'nomination.attachment.error.tooMany' })
    expect(checkAttachment(new Uint8Array(), 0)).toEqual({ ok: false, error: 'nomination.attachment.error.empty' })
  })
})

describe('safeFilename', () => {
  it('drops paths and quotes and uses the extension of the real type', () => {
    expect(safeFilename('../../etc/"dossier".exe', 'application/pdf')).toBe('dossier.pdf')
    expect(safeFilename('C:\\Users\\x\\photo.PNG', 'image/png')).toBe('photo.png')
    expect(safeFilename('', 'image/jpeg')).toBe('document.jpg')
  })
})
