// Where a label is in a frame, and how it is turned: for the decoder's second look, when the
// first pass over the whole frame found nothing. ZXing's PDF417 reader only sees symbols within
// a few degrees of level (or of 90/180/270), and a blurred thin Code 128 defeats the local
// threshold: a crop turned level, with its own contrast, fixes both for the price of one small
// decode — and a frame with no label-like edges (the desk) costs only this scan.
// Pure: no DOM, shared by the Web Worker and the benchmark.

export interface LabelRegion {
  /** Bounding box in frame pixels. */
  x: number
  y: number
  width: number
  height: number
  /**
   * The turn in radians that brings the symbol's grid level with its bars upright (the dominant
   * edges across the rows), which is how ZXing's PDF417 and 1D readers want it; in [-pi, pi].
   */
  angle: number
}

export interface GrayFrame {
  pixels: Uint8ClampedArray
  width: number
  height: number
}

/** Cells of CELL x CELL half-scale pixels (2*CELL frame pixels) are scored for edges. */
const CELL = 16
/** A half-scale gradient this strong is an edge of print on paper, not desk texture or noise. */
const EDGE = 24
/** The share of a cell's pixels on edges that marks it as part of a label. */
const BUSY = 0.12

/**
 * The busiest connected group of edge-dense cells and its dominant edge direction, or null when
 * the frame has no such cells (nothing that looks like print).
 */
export function findLabelRegion(lum: Uint8ClampedArray, width: number, height: number): LabelRegion | null {
  const w = width >> 1
  const h = height >> 1
  const cols = Math.floor(w / CELL)
  const rows = Math.floor(h / CELL)
  if (cols < 1 || rows < 1) return null
  const count = new Uint16Array(cols * rows)
  const c4 = new Float32Array(cols * rows)
  const s4 = new Float32Array(cols * rows)
  const c2 = new Float32Array(cols * rows)
  const s2 = new Float32Array(cols * rows)
  // Half scale (2x2 means): averages noise out, and halves the work.
  const half = (x: number, y: number): number => {
    const i = 2 * y * width + 2 * x
    return lum[i]! + lum[i + 1]! + lum[i + width]! + lum[i + width + 1]!
  }
  const edge2 = (EDGE * 4 * 2) ** 2
  for (let y = 1; y < rows * CELL - 1; y++) {
    const cy = Math.floor(y / CELL)
    for (let x = 1; x < cols * CELL - 1; x++) {
      // Central differences of the 2x2 sums: 4 * 2 times the half-scale gradient.
      const gx = half(x + 1, y) - half(x - 1, y)
      const gy = half(x, y + 1) - half(x, y - 1)
      const m2 = gx * gx + gy * gy
      if (m2 < edge2) continue
      const cell = cy * cols + Math.floor(x / CELL)
      count[cell]!++
      // Edge direction with 4x its angle: bars, rows and module edges at 90° agree.
      const cos2 = (gx * gx - gy * gy) / m2
      const sin2 = (2 * gx * gy) / m2
      const m = Math.sqrt(m2)
      c4[cell]! += m * (cos2 * cos2 - sin2 * sin2)
      s4[cell]! += m * 2 * sin2 * cos2
      // And with 2x its angle: which of those two directions has more edges (across the bars).
      c2[cell]! += m * cos2
      s2[cell]! += m * sin2
    }
  }
  const busy = new Uint8Array(cols * rows)
  for (let i = 0; i < busy.length; i++) busy[i] = count[i]! >= BUSY * CELL * CELL ? 1 : 0
  const group = largestGroup(busy, cols, rows, count)
  if (!group) return null
  let c = 0
  let s = 0
  let c2sum = 0
  let s2sum = 0
  for (const i of group.cells) {
    c += c4[i]!
    s += s4[i]!
    c2sum += c2[i]!
    s2sum += s2[i]!
  }
  // The grid's angle (mod 90°) from the 4x sums; of its two axes, the one most edges cross
  // (the 2x sums) is the one to lay horizontal: bars upright.
  const grid = Math.atan2(s, c) / 4
  const across = Math.atan2(s2sum, c2sum) / 2
  const angle = [grid, grid + Math.PI / 2, grid - Math.PI / 2].reduce((best, a) => (axisGap(a, across) < axisGap(best, across) ? a : best))
  // One cell of margin: the quiet zone and a symbol edge that fell short of busy.
  const x0 = Math.max(0, group.minX - 1) * CELL * 2
  const y0 = Math.max(0, group.minY - 1) * CELL * 2
  const x1 = Math.min(cols, group.maxX + 2) * CELL * 2
  const y1 = Math.min(rows, group.maxY + 2) * CELL * 2
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0, angle }
}

/** How far apart two axis directions are (directions mod 180°), in radians. */
function axisGap(a: number, b: number): number {
  const d = Math.abs(a - b) % Math.PI
  return Math.min(d, Math.PI - d)
}

/** The 4-connected group of busy cells with the most edge pixels, with its cell bounds. */
function largestGroup(busy: Uint8Array, cols: number, rows: number, weight: Uint16Array) {
  const seen = new Uint8Array(busy.length)
  let best: { cells: number[]; score: number; minX: number; minY: number; maxX: number; maxY: number } | null = null
  for (let start = 0; start < busy.length; start++) {
    if (!busy[start] || seen[start]) continue
    const cells: number[] = []
    const stack = [start]
    seen[start] = 1
    let score = 0
    let minX = cols
    let minY = rows
    let maxX = 0
    let maxY = 0
    while (stack.length) {
      const i = stack.pop()!
      cells.push(i)
      score += weight[i]!
      const x = i % cols
      const y = (i - x) / cols
      minX = Math.min(minX, x)
      maxX = Math.max(maxX, x)
      minY = Math.min(minY, y)
      maxY = Math.max(maxY, y)
      for (const [nx, ny] of [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]] as const) {
        const j = ny * cols + nx
        if (nx >= 0 && ny >= 0 && nx < cols && ny < rows && busy[j] && !seen[j]) {
          seen[j] = 1
          stack.push(j)
        }
      }
    }
    // A lone busy cell is a speck, a cable or a pen: a label spans several.
    if (cells.length >= 2 && (!best || score > best.score)) best = { cells, score, minX, minY, maxX, maxY }
  }
  return best
}

/**
 * The region turned level (by -angle, bilinear) and stretched to full contrast: its darkest
 * and brightest percent become 0 and 255, so a fixed mid threshold splits ink from paper.
 */
export function levelRegion(lum: Uint8ClampedArray, width: number, height: number, r: LabelRegion): GrayFrame {
  const cos = Math.cos(r.angle)
  const sin = Math.sin(r.angle)
  const ow = Math.ceil(r.width * Math.abs(cos) + r.height * Math.abs(sin))
  const oh = Math.ceil(r.width * Math.abs(sin) + r.height * Math.abs(cos))
  const cx = r.x + r.width / 2
  const cy = r.y + r.height / 2
  const out = new Uint8ClampedArray(ow * oh)
  const histogram = new Uint32Array(256)
  for (let y = 0; y < oh; y++) {
    const dy = y - oh / 2
    for (let x = 0; x < ow; x++) {
      const dx = x - ow / 2
      // Output pixel (dx, dy) comes from the frame turned by +angle around the region's centre.
      const sx = cx + cos * dx - sin * dy
      const sy = cy + sin * dx + cos * dy
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      let v = 255
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
        const fx = sx - x0
        const fy = sy - y0
        const i = y0 * width + x0
        const top = lum[i]! + (lum[i + 1]! - lum[i]!) * fx
        const bottom = lum[i + width]! + (lum[i + width + 1]! - lum[i + width]!) * fx
        v = top + (bottom - top) * fy
        histogram[v | 0]!++
      }
      out[y * ow + x] = v
    }
  }
  stretch(out, histogram)
  return { pixels: out, width: ow, height: oh }
}

function stretch(pixels: Uint8ClampedArray, histogram: Uint32Array): void {
  let total = 0
  for (const n of histogram) total += n
  const cut = total / 100
  let lo = 0
  let hi = 255
  for (let seen = 0; lo < 255 && seen + histogram[lo]! <= cut; lo++) seen += histogram[lo]!
  for (let seen = 0; hi > 0 && seen + histogram[hi]! <= cut; hi--) seen += histogram[hi]!
  if (hi - lo < 16) return
  const scale = 255 / (hi - lo)
  for (let i = 0; i < pixels.length; i++) pixels[i] = (pixels[i]! - lo) * scale
}
