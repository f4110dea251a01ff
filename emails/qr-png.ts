// A ticket's QR code as a black-and-white PNG (1 bit per pixel, greyscale). The qrcode package
// makes 8-bit RGBA PNGs and tries five row filters at the highest compression: about 2 ms of CPU
// per confirmation email in a registration rush, for an image with two colours. Here the rows are
// packed 8 pixels per byte, which deflate squeezes to about the same size in a tenth of the time.
import { crc32, deflateSync } from 'node:zlib'
import QRCode from 'qrcode'

export type QrPngOptions = {
  /** Width and height in pixels (the quiet zone included). */
  width: number
  /** Quiet zone around the code, in modules (the standard asks for 4; 2 is read fine on screens). */
  margin: number
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer) {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'ascii')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

/**
 * Each pixel shows the module under it: with `n` modules across (quiet zone included) and `width`
 * pixels, pixel x shows module floor(x · n / width), so every module is ⌊width/n⌋ or ⌈width/n⌉
 * pixels wide.
 */
export function qrPng(text: string, { width, margin, errorCorrectionLevel = 'M' }: QrPngOptions): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel })
  const across = modules.size + 2 * margin
  if (width < across) throw new Error(`a QR code of ${modules.size} modules needs at least ${across} pixels`)
  const moduleAt = (pixel: number) => Math.floor((pixel * across) / width) - margin
  const columns = Array.from({ length: width }, (_, x) => moduleAt(x))

  const rowBytes = 1 + Math.ceil(width / 8)
  const raw = Buffer.alloc(rowBytes * width)
  for (let y = 0; y < width; y++) {
    const row = raw.subarray(y * rowBytes, (y + 1) * rowBytes)
    const my = moduleAt(y)
    // A pixel row on the same module row as the one above is a copy of it.
    if (y > 0 && my === moduleAt(y - 1)) {
      raw.copy(row, 0, (y - 1) * rowBytes, y * rowBytes)
      continue
    }
    // Byte 0 is the filter type (0, none); then the pixels, most significant bit first, 1 = white.
    for (let x = 0; x < width; x++) {
      const mx = columns[x]!
      const dark = my >= 0 && my < modules.size && mx >= 0 && mx < modules.size && modules.get(my, mx)
      if (!dark) row[1 + (x >> 3)]! |= 0x80 >> (x & 7)
    }
    // Padding bits after the last pixel are left white too.
    for (let x = width; x < (rowBytes - 1) * 8; x++) row[1 + (x >> 3)]! |= 0x80 >> (x & 7)
  }

  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(width, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  header[10] = 0 // deflate
  header[11] = 0 // adaptive filtering (each row says its filter)
  header[12] = 0 // not interlaced
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
