import { crc32, inflateSync } from 'node:zlib'
import QRCode from 'qrcode'
import { describe, expect, test } from 'vitest'
import { qrPng } from './qr-png.ts'

/** A strict reader for what qrPng writes: checks every chunk's CRC, then returns the pixels. */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  const chunks: { type: string; data: Buffer }[] = []
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    const type = png.toString('ascii', at + 4, at + 8)
    const data = png.subarray(at + 8, at + 8 + length)
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)))
    chunks.push({ type, data })
    at += 12 + length
  }
  expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
  const ihdr = chunks[0]!.data
  const width = ihdr.readUInt32BE(0)
  const height = ihdr.readUInt32BE(4)
  expect([...ihdr.subarray(8)]).toEqual([1, 0, 0, 0, 0])
  const raw = inflateSync(chunks[1]!.data)
  const rowBytes = 1 + Math.ceil(width / 8)
  expect(raw.length).toBe(rowBytes * height)
  const white = (x: number, y: number) => {
    expect(raw[y * rowBytes]).toBe(0)
    return ((raw[y * rowBytes + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1) === 1
  }
  return { width, height, white }
}

describe('qrPng', () => {
  test('every module of the code is drawn in its place, inside a white quiet zone', () => {
    const text = 'ESSOR-7K2M-9QXT'
    const width = 360
    const margin = 2
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
    const image = readPng(qrPng(text, { width, margin }))
    expect([image.width, image.height]).toEqual([width, width])

    const across = modules.size + 2 * margin
    const centre = (m: number) => Math.floor(((m + margin + 0.5) * width) / across)
    let dark = 0
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        expect(image.white(centre(c), centre(r)), `module ${r},${c}`).toBe(!modules.get(r, c))
        if (modules.get(r, c)) dark++
      }
    }
    expect(dark).toBeGreaterThan(modules.size * modules.size * 0.3)
    // The quiet zone: the first and last rows and columns of pixels are white.
    for (let p = 0; p < width; p++) {
      for (const [x, y] of [
        [p, 0],
        [p, width - 1],
        [0, p],
        [width - 1, p],
      ] as const)
        expect(image.white(x, y)).toBe(true)
    }
  })

  test('a width that is not a multiple of 8 pads its rows; too small a width is refused', () => {
    const image = readPng(qrPng('A', { width: 101, margin: 4 }))
    expect(image.width).toBe(101)
    expect(image.white(100, 50)).toBe(true)
    expect(() => qrPng('A'.repeat(40), { width: 20, margin: 2 })).toThrow(/needs at least/)
  })

  test('stays small enough for an email', () => {
    expect(qrPng('ESSOR-7K2M-9QXT', { width: 360, margin: 2 }).length).toBeLessThan(4000)
  })
})
