// A measurable check that rejects a photo too dark, too bright or blurred before it is kept
// as evidence. Measured on a grey-scale copy scaled to ASSESS_WIDTH pixels wide, so the
// thresholds do not depend on the camera's resolution.
//
// - Mean luminance (0–255, Rec. 601 luma). Below MIN_MEAN the device's marks are lost in the
//   dark; above MAX_MEAN the frame is washed out (glare on a screen, a flash at close range).
// - Sharpness: the variance of the 4-neighbour Laplacian. Edges (buttons, ports, scratches)
//   give strong second derivatives; a blurred frame has almost none. Measured on the sample
//   scene of tests/unit/photo-quality.test.ts at this width: sharp ≈ 3,300; the same scene
//   through a 3×3 box blur ≈ 300 (soft, still readable), 5×5 ≈ 100, 7×7 ≈ 50 (rejected).

export const ASSESS_WIDTH = 320
export const MIN_MEAN_LUMINANCE = 45
export const MAX_MEAN_LUMINANCE = 235
export const MIN_LAPLACIAN_VARIANCE = 150

export interface GrayImage {
  width: number
  height: number
  /** One luma byte per pixel, row by row. */
  data: Uint8Array | Uint8ClampedArray
}

export type PhotoProblem = 'too_dark' | 'too_bright' | 'blurred'

export interface PhotoAssessment {
  ok: boolean
  problems: PhotoProblem[]
  meanLuminance: number
  sharpness: number
}

/** Luma from RGBA pixels (a canvas ImageData). */
export function lumaFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height)
  for (let i = 0, p = 0; p < data.length; i += 4, p++) data[p] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000
  return { width, height, data }
}

export function meanLuminance(img: GrayImage): number {
  let sum = 0
  for (const v of img.data) sum += v
  return img.data.length ? sum / img.data.length : 0
}

export function laplacianVariance(img: GrayImage): number {
  const { width: w, height: h, data } = img
  if (w < 3 || h < 3) return 0
  let sum = 0
  let sumSq = 0
  let n = 0
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x
      const lap = data[i - w]! + data[i + w]! + data[i - 1]! + data[i + 1]! - 4 * data[i]!
      sum += lap
      sumSq += lap * lap
      n++
    }
  }
  const mean = sum / n
  return sumSq / n - mean * mean
}

export function assessPhoto(img: GrayImage): PhotoAssessment {
  const mean = meanLuminance(img)
  const sharpness = laplacianVariance(img)
  const problems: PhotoProblem[] = []
  if (mean < MIN_MEAN_LUMINANCE) problems.push('too_dark')
  else if (mean > MAX_MEAN_LUMINANCE) problems.push('too_bright')
  // A dark frame has little contrast anyway: report the darkness, which is what to fix first.
  if (sharpness < MIN_LAPLACIAN_VARIANCE && !problems.includes('too_dark')) problems.push('blurred')
  return { ok: problems.length === 0, problems, meanLuminance: Math.round(mean), sharpness: Math.round(sharpness) }
}
