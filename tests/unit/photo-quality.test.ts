// Sample images made here: a synthetic "device on a counter" scene (a case outline, buttons,
// ports and text-like marks over a mid-grey background with mild noise), then the same scene
// blurred, darkened and washed out, at the assessment width.
import { describe, expect, it } from 'vitest'
import { ASSESS_WIDTH, assessPhoto, laplacianVariance, lumaFromRgba, meanLuminance, type GrayImage } from '@shared/domain/photo-quality'

const W = ASSESS_WIDTH
const H = 240

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

function scene(seed = 1): GrayImage {
  const rand = prng(seed)
  const data = new Uint8Array(W * H)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let v = 120 + (rand() - 0.5) * 10
      if (x > 80 && x < 240 && y > 30 && y < 210) v = 60 // the device body
      if ((x === 80 || x === 240) && y > 30 && y < 210) v = 230 // its outline
      if (x > 100 && x < 220 && y > 50 && y < 190 && (y % 12 < 2 || x % 17 < 2)) v = 210 // marks on the screen
      if (x > 245 && x < 250 && y > 70 && y < 110) v = 20 // a button
      data[y * W + x] = Math.max(0, Math.min(255, v))
    }
  }
  return { width: W, height: H, data }
}

function boxBlur(img: GrayImage, r: number): GrayImage {
  const out = new Uint8Array(img.data.length)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let s = 0
      let n = 0
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const yy = y + dy
          const xx = x + dx
          if (yy >= 0 && yy < H && xx >= 0 && xx < W) {
            s += img.data[yy * W + xx]!
            n++
          }
        }
      }
      out[y * W + x] = s / n
    }
  }
  return { width: W, height: H, data: out }
}

const map = (img: GrayImage, f: (v: number) => number): GrayImage => ({ ...img, data: img.data.map((v) => Math.max(0, Math.min(255, f(v)))) })

describe('photo quality check', () => {
  it.each([1, 2, 3])('accepts a sharp, well-lit scene (seed %i)', (seed) => {
    const a = assessPhoto(scene(seed))
    expect(a.problems).toEqual([])
    expect(a.ok).toBe(true)
  })

  it.each([2, 3])('rejects the same scene with a %i-pixel box blur', (r) => {
    const a = assessPhoto(boxBlur(scene(), r))
    expect(a.problems).toEqual(['blurred'])
  })

  it('rejects a dark shot and says it is dark (not blurred)', () => {
    expect(assessPhoto(map(scene(), (v) => v * 0.25)).problems).toEqual(['too_dark'])
  })

  it('rejects a washed-out shot (glare)', () => {
    expect(assessPhoto(map(scene(), (v) => v * 0.1 + 230)).problems).toContain('too_bright')
  })

  it('measures luminance and sharpness as documented', () => {
    const flat: GrayImage = { width: 10, height: 10, data: new Uint8Array(100).fill(128) }
    expect(meanLuminance(flat)).toBe(128)
    expect(laplacianVariance(flat)).toBe(0)
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255])
    expect([...lumaFromRgba(rgba, 2, 1).data]).toEqual([255, 0])
  })
})
