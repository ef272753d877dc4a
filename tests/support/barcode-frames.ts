// Synthetic camera frames showing a barcode: bwip-js draws the symbol's modules, this file
// places them on a greyscale frame with the troubles a counter camera meets (rotation, blur,
// sensor noise, low contrast, a phone screen's glare). Deterministic for a given seed. Used by
// the decode benchmark and to write the fake-camera .y4m files of the end-to-end test.
import bwipjs from 'bwip-js/node'

export type Symbology = 'code128' | 'qrcode' | 'datamatrix' | 'pdf417'

/** The symbol as a module grid: dark(x, y) for 0 <= x < w, 0 <= y < h. */
export interface ModuleGrid {
  w: number
  h: number
  /** White modules around the symbol: 10 for Code 128 (its spec's minimum), 4 for 2D codes. */
  quiet: number
  dark(x: number, y: number): boolean
}

export function moduleGrid(bcid: Symbology, text: string): ModuleGrid {
  const raw = bwipjs.raw({ bcid, text })[0]!
  if ('pixs' in raw) {
    const { pixs, pixx, pixy } = raw
    // PDF417 rows are taller than wide (bwip-js prints them 3 modules high): its raw output
    // gives that full height in pixy but only one line of pixels per row in pixs.
    const rowHeight = pixy / (pixs.length / pixx)
    return { w: pixx, h: pixy, quiet: 4, dark: (x, y) => pixs[Math.floor(y / rowHeight) * pixx + x] === 1 }
  }
  // Linear: bars and spaces alternate, starting with a bar; widths in modules.
  const runs: boolean[] = []
  raw.sbs.forEach((width, i) => {
    for (let k = 0; k < width; k++) runs.push(i % 2 === 0)
  })
  const h = Math.max(12, Math.round(runs.length * 0.3))
  return { w: runs.length, h, quiet: 10, dark: (x) => runs[x] === true }
}

export interface FrameOptions {
  width: number
  height: number
  /** Pixels per module. */
  module: number
  angleDeg?: number
  /** Box-blur radius in pixels. */
  blur?: number
  /** Noise amplitude (0-255). */
  noise?: number
  /** Ink and paper grey levels (low contrast: e.g. 90 and 170). */
  ink?: number
  paper?: number
  /** A bright elliptical glare over part of the symbol, 0-1 strength. */
  glare?: number
  seed?: number
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

/** A greyscale frame (one byte a pixel); grid null for an empty frame (desk, no code). */
export function renderFrame(grid: ModuleGrid | null, o: FrameOptions): Uint8ClampedArray {
  const { width, height } = o
  const ink = o.ink ?? 20
  const paper = o.paper ?? 235
  const random = rng(o.seed ?? 1)
  const frame = new Uint8ClampedArray(width * height)
  // Background: a slightly uneven desk, darker than the label.
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) frame[y * width + x] = 110 + ((x * 7 + y * 3) % 23)
  if (grid) {
    const a = ((o.angleDeg ?? 0) * Math.PI) / 180
    const cos = Math.cos(a)
    const sin = Math.sin(a)
    const quiet = grid.quiet
    const halfW = ((grid.w + 2 * quiet) * o.module) / 2
    const halfH = ((grid.h + 2 * quiet) * o.module) / 2
    const cx = width / 2
    const cy = height / 2
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const dx = x - cx
        const dy = y - cy
        const u = cos * dx + sin * dy + halfW
        const v = -sin * dx + cos * dy + halfH
        if (u < 0 || v < 0 || u >= 2 * halfW || v >= 2 * halfH) continue
        const mx = Math.floor(u / o.module) - quiet
        const my = Math.floor(v / o.module) - quiet
        const isDark = mx >= 0 && my >= 0 && mx < grid.w && my < grid.h && grid.dark(mx, my)
        frame[y * width + x] = isDark ? ink : paper
      }
    }
  }
  if (o.blur) boxBlur(frame, width, height, o.blur)
  if (o.glare) {
    const gx = width * (0.35 + random() * 0.3)
    const gy = height * (0.35 + random() * 0.3)
    const r = Math.min(width, height) * 0.22
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const d = Math.hypot((x - gx) / 1.6, y - gy) / r
        if (d < 1) frame[y * width + x] = frame[y * width + x]! + (1 - d * d) * 255 * o.glare
      }
    }
  }
  if (o.noise) for (let i = 0; i < frame.length; i++) frame[i] = frame[i]! + (random() + random() - 1) * o.noise
  return frame
}

function boxBlur(f: Uint8ClampedArray, w: number, h: number, r: number): void {
  const tmp = new Float32Array(f.length)
  const n = 2 * r + 1
  for (let y = 0; y < h; y++) {
    let sum = 0
    for (let x = -r; x <= r; x++) sum += f[y * w + Math.min(w - 1, Math.max(0, x))]!
    for (let x = 0; x < w; x++) {
      tmp[y * w + x] = sum / n
      sum += f[y * w + Math.min(w - 1, x + r + 1)]! - f[y * w + Math.max(0, x - r)]!
    }
  }
  for (let x = 0; x < w; x++) {
    let sum = 0
    for (let y = -r; y <= r; y++) sum += tmp[Math.min(h - 1, Math.max(0, y)) * w + x]!
    for (let y = 0; y < h; y++) {
      f[y * w + x] = sum / n
      sum += tmp[Math.min(h - 1, y + r + 1) * w + x]! - tmp[Math.max(0, y - r) * w + x]!
    }
  }
}

/** A YUV4MPEG2 (4:2:0) video of greyscale frames, what Chromium's fake camera plays in a loop. */
export function y4m(frames: Uint8ClampedArray[], width: number, height: number, fps = 10): Buffer {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)]
  for (const f of frames) parts.push(Buffer.from('FRAME\n'), Buffer.from(f.buffer, f.byteOffset, f.length), chroma)
  return Buffer.concat(parts)
}
