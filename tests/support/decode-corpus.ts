// The camera decode corpus: label images (Code 128, QR, DataMatrix, PDF417) with the troubles a
// counter camera meets, plus empty frames (the camera sees the desk most of the time). Shared by
// the decode benchmark and the decoder unit tests, so both look at the same kind of frame.
import { moduleGrid, renderFrame, type FrameOptions, type ModuleGrid, type Symbology } from './barcode-frames'

export const symbologies: Symbology[] = ['code128', 'qrcode', 'datamatrix', 'pdf417']
export const troubles = ['clean', 'rotation', 'blur', 'noise', 'low contrast', 'glare'] as const
export type Trouble = (typeof troubles)[number]

export interface CorpusCase {
  index: number
  symbology: Symbology
  trouble: Trouble
  text: string
  frame: Uint8ClampedArray
}

/** The label codes counters scan: return label codes, order numbers, tracking numbers. */
export function payload(i: number): string {
  const kinds = [`BMR-${7_700_000 + i}-${(i % 97).toString().padStart(2, '0')}`, `BM-${48_000_000 + i * 7}`, `RMA-${7_000_000 + i}`, `1Z0V58A790${String(4_000_000 + i).padStart(7, '0')}4`]
  return kinds[i % kinds.length]!
}

function frameOptions(i: number, trouble: Trouble, grid: ModuleGrid, bcid: Symbology, width: number, height: number): FrameOptions {
  const linear = bcid === 'code128'
  // Module size: what a label held 20-40 cm from a 480p/720p webcam gives, and never so large
  // that the symbol leaves the frame (staff hold it in view).
  const wanted = (linear ? 2 : 4) * (width >= 1280 ? 1.5 : 1) + (i % 3) * 0.5
  const fits = 0.7 * Math.min(width / (grid.w + 2 * grid.quiet), height / (grid.h + 2 * grid.quiet))
  const module = Math.max(1.5, Math.min(wanted, fits))
  const base: FrameOptions = { width, height, module, seed: i + 1, angleDeg: ((i * 37) % 11) - 5 }
  switch (trouble) {
    case 'clean':
      return base
    case 'rotation':
      // 1D codes are held roughly level (the reader scans rows); 2D codes in any orientation.
      return { ...base, angleDeg: linear ? ((i * 53) % 31) - 15 : (i * 53) % 360 }
    case 'blur':
      return { ...base, blur: 1 + (i % 2) }
    case 'noise':
      return { ...base, noise: 12 + (i % 3) * 8 }
    case 'low contrast':
      return { ...base, ink: 95 + (i % 3) * 10, paper: 175 }
    case 'glare':
      return { ...base, glare: 0.35 + (i % 3) * 0.1, noise: 10 }
  }
}

/** Label image number i of the corpus (symbology and trouble cycle with i). */
export function corpusCase(i: number, width: number, height: number): CorpusCase {
  const symbology = symbologies[i % symbologies.length]!
  const trouble = troubles[Math.floor(i / symbologies.length) % troubles.length]!
  const text = payload(i)
  const grid = moduleGrid(symbology, text)
  return { index: i, symbology, trouble, text, frame: renderFrame(grid, frameOptions(i, trouble, grid, symbology, width, height)) }
}

/** Empty frame number i: the desk, some with sensor noise, some with a lamp's glare. */
export function emptyFrame(i: number, width: number, height: number): Uint8ClampedArray {
  return renderFrame(null, { width, height, module: 1, seed: 10_000 + i, noise: (i % 3) * 15, glare: i % 4 === 0 ? 0.4 : 0 })
}
