// What a nomination may carry as files: the type is read from the content's first bytes (magic
// numbers), never from the name or the browser's claim, so a renamed executable is refused.
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
  maxFilenameLength: 200,
} as const

const SIGNATURES: { type: AttachmentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
]

/** The file's real type from its magic bytes, or null when it is none of the accepted ones. */
export function sniffFileType(bytes: Uint8Array): AttachmentType | null {
  for (const sig of SIGNATURES) {
    if (bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b)) return sig.type
  }
  return null
}

export const EXTENSION_OF: Record<AttachmentType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }

/**
 * A name safe to store and to send back in Content-Disposition: no path, no control characters,
 * bounded, and ending with the extension of the sniffed type.
 */
export function safeFilename(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
  const stem = base.replace(/\.[^.]*$/, '').slice(0, ATTACHMENT_LIMITS.maxFilenameLength - 5) || 'document'
  return `${stem}.${EXTENSION_OF[type]}`
}

export type AttachmentCheck =
  | { ok: true; contentType: AttachmentType }
  | {
      ok: false
      error:
        | 'nomination.attachment.error.empty'
        | 'nomination.attachment.error.tooLarge'
        | 'nomination.attachment.error.type'
        | 'nomination.attachment.error.tooMany'
    }

/** Checks one more file against the limits, given how many the nomination already has. */
export function checkAttachment(bytes: Uint8Array, existingCount: number): AttachmentCheck {
  if (existingCount >= ATTACHMENT_LIMITS.maxFiles) return { ok: false, error: 'nomination.attachment.error.tooMany' }
  if (bytes.length === 0) return { ok: false, error: 'nomination.attachment.error.empty' }
  if (bytes.length > ATTACHMENT_LIMITS.maxBytes) return { ok: false, error: 'nomination.attachment.error.tooLarge' }
  const contentType = sniffFileType(bytes)
  if (!contentType) return { ok: false, error: 'nomination.attachment.error.type' }
  return { ok: true, contentType }
}
