// Images as 8-bit gray pixels for barcode decoding: from a PNG (the ZPL renderer's output, 8-bit,
// not interlaced) or a PGM (pdftoppm -gray). Small on purpose: only what the tests read back.
import { inflateSync } from 'node:zlib'

export interface GrayImage {
  width: number
  height: number
  pixels: Uint8ClampedArray
}

const channels: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 }

export function decodePng(png: Buffer): GrayImage {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG')
  let pos = 8
  let width = 0
  let height = 0
  let colorType = 0
  const idat: Buffer[] = []
  while (pos < png.length) {
    const len = png.readUInt32BE(pos)
    const type = png.toString('latin1', pos + 4, pos + 8)
    const data = png.subarray(pos + 8, pos + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs are supported')
      colorType = data[9]!
    } else if (type === 'IDAT') idat.push(data)
    pos += 12 + len
  }
  const bpp = channels[colorType]
  if (!bpp) throw new Error(`PNG colour type ${colorType} is not supported`)
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * bpp
  const out = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0
      let v = line[x]!
      if (filter === 1) v += a
      else if (filter === 2) v += b
      else if (filter === 3) v += (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      out[y * stride + x] = v & 0xff
    }
  }
  const pixels = new Uint8ClampedArray(width * height)
  for (let i = 0; i < width * height; i++) {
    if (bpp <= 2) pixels[i] = out[i * bpp]!
    else pixels[i] = (out[i * bpp]! * 299 + out[i * bpp + 1]! * 587 + out[i * bpp + 2]! * 114) / 1000
    // Transparent pixels are paper.
    if (bpp === 4 && out[i * 4 + 3]! < 128) pixels[i] = 255
    if (bpp === 2 && out[i * 2 + 1]! < 128) pixels[i] = 255
  }
  return { width, height, pixels }
}

/** Binary PGM (P5), as `pdftoppm -gray` writes it. */
export function decodePgm(pgm: Buffer): GrayImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64))
  if (!header) throw new Error('not a binary PGM')
  const width = Number(header[1])
  const height = Number(header[2])
  return { width, height, pixels: new Uint8ClampedArray(pgm.subarray(header[0].length, header[0].length + width * height)) }
}

export function crop(img: GrayImage, x: number, y: number, w: number, h: number): GrayImage {
  const x0 = Math.max(0, Math.floor(x))
  const y0 = Math.max(0, Math.floor(y))
  const x1 = Math.min(img.width, Math.ceil(x + w))
  const y1 = Math.min(img.height, Math.ceil(y + h))
  const pixels = new Uint8ClampedArray((x1 - x0) * (y1 - y0))
  for (let row = y0; row < y1; row++) pixels.set(img.pixels.subarray(row * img.width + x0, row * img.width + x1), (row - y0) * (x1 - x0))
  return { width: x1 - x0, height: y1 - y0, pixels }
}
