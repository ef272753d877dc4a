// The photo quality check in the renderer: a grey copy of the frame scaled to ASSESS_WIDTH
// (shared/domain/photo-quality.ts), so the thresholds hold at any camera resolution.
import { ASSESS_WIDTH, assessPhoto, lumaFromRgba, type PhotoAssessment } from '@shared/domain/photo-quality'

export function assessCanvas(source: HTMLCanvasElement): PhotoAssessment {
  const width = Math.min(ASSESS_WIDTH, source.width)
  const height = Math.max(1, Math.round((source.height * width) / Math.max(1, source.width)))
  const small = document.createElement('canvas')
  small.width = width
  small.height = height
  const ctx = small.getContext('2d')
  if (!ctx) return { ok: false, problems: ['too_dark'], meanLuminance: 0, sharpness: 0 }
  ctx.drawImage(source, 0, 0, width, height)
  const { data } = ctx.getImageData(0, 0, width, height)
  return assessPhoto(lumaFromRgba(data, width, height))
}
