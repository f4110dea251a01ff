// Keeps an uploaded file between the steps of the import without JavaScript and without
// storing it: the bytes go back to the browser compressed in a hidden field and come back with
// the next step. Tampering only changes what this organiser imports into their own contacts,
// which they could do by uploading another file; the size is still bounded on the way back.
import { gunzipSync, gzipSync } from 'node:zlib'
import { AppError } from '#app/utils/errors.ts'
import { IMPORT_MAX_BYTES } from './service.server.ts'

export function packUpload(bytes: Uint8Array): string {
  return gzipSync(bytes).toString('base64')
}

export function unpackUpload(packed: string): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(Buffer.from(packed, 'base64'), { maxOutputLength: IMPORT_MAX_BYTES }))
  } catch {
    throw new AppError({ status: 400, code: 'import_lost', messageKey: 'contacts.import.error.lost' })
  }
}
