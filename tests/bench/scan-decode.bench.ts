// Camera decode: a generated corpus of label images (Code 128, QR, DataMatrix, PDF417) with
// rotation, blur, noise, low contrast and phone-screen glare, plus empty frames (the camera
// sees the desk most of the time), decoded at 640x480 and 1280x720 by the decoder the camera
// worker runs (renderer/src/workers/barcode-decode.ts). Prints the decode rate and ms per frame;
// BENCH_DECODE_IMAGES overrides the corpus size (default 520 label images per resolution).
import { createZxingDecoder, type BarcodeDecoder } from '../../renderer/src/workers/barcode-decode'
import { moduleGrid, renderFrame, type FrameOptions, type ModuleGrid, type Symbology } from '../support/barcode-frames'

const IMAGES = Number(process.env.BENCH_DECODE_IMAGES ?? 520)
const EMPTY = Math.round(IMAGES / 4)
const symbologies: Symbology[] = ['code128', 'qrcode', 'datamatrix', 'pdf417']
const troubles = ['clean', 'rotation', 'blur', 'noise', 'low contrast', 'glare'] as const
type Trouble = (typeof troubles)[number]

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

/** The label codes counters scan: return label codes, order numbers, tracking numbers. */
function payload(i: number): string {
  const kinds = [`BMR-${7_700_000 + i}-${(i % 97).toString().padStart(2, '0')}`, `BM-${48_000_000 + i * 7}`, `RMA-${7_000_000 + i}`, `1Z0V58A790${String(4_000_000 + i).padStart(7, '0')}4`]
  return kinds[i % kinds.length]!
}

function options(i: number, trouble: Trouble, grid: ModuleGrid, bcid: Symbology, width: number, height: number): FrameOptions {
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

interface Row {
  label: string
  total: number
  decoded: number
}

function run(decoder: BarcodeDecoder, width: number, height: number): void {
  const rows = new Map<string, Row>()
  const times: number[] = []
  const emptyTimes: number[] = []
  // CPU time as well as wall time: on a shared, loaded machine wall time mostly measures the
  // wait for a core, CPU time what one decode costs.
  const cpu = { label: 0, empty: 0 }
  const cpuMs = (start: NodeJS.CpuUsage): number => {
    const d = process.cpuUsage(start)
    return (d.user + d.system) / 1000
  }
  let falsePositives = 0
  for (let i = 0; i < IMAGES; i++) {
    const bcid = symbologies[i % symbologies.length]!
    const trouble = troubles[Math.floor(i / symbologies.length) % troubles.length]!
    const text = payload(i)
    const grid = moduleGrid(bcid, text)
    const frame = renderFrame(grid, options(i, trouble, grid, bcid, width, height))
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const result = decoder(frame, width, height)
    times.push(performance.now() - t0)
    cpu.label += cpuMs(c0)
    for (const key of [bcid, trouble, 'all']) {
      const row = rows.get(key) ?? { label: key, total: 0, decoded: 0 }
      row.total++
      if (result?.text === text) row.decoded++
      rows.set(key, row)
    }
    if (process.env.BENCH_DECODE_VERBOSE && result?.text !== text) console.log(`  missed ${bcid} ${trouble} #${i}`)
  }
  for (let i = 0; i < EMPTY; i++) {
    const frame = renderFrame(null, { width, height, module: 1, seed: 10_000 + i, noise: (i % 3) * 15, glare: i % 4 === 0 ? 0.4 : 0 })
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    if (decoder(frame, width, height)) falsePositives++
    emptyTimes.push(performance.now() - t0)
    cpu.empty += cpuMs(c0)
  }
  const all = [...times, ...emptyTimes].sort((a, b) => a - b)
  emptyTimes.sort((a, b) => a - b)
  times.sort((a, b) => a - b)
  const pct = (r: Row) => `${((100 * r.decoded) / r.total).toFixed(1)}% (${r.decoded}/${r.total})`
  console.log(`\nzxing-js @ ${width}x${height}: ${IMAGES} label images + ${EMPTY} empty frames`)
  for (const r of rows.values()) console.log(`  ${r.label.padEnd(13)} ${pct(r)}`)
  console.log(`  ms/frame, label images: p50 ${percentile(times, 50).toFixed(1)}  p95 ${percentile(times, 95).toFixed(1)}`)
  console.log(`  ms/frame, empty frames: p50 ${percentile(emptyTimes, 50).toFixed(1)}  p95 ${percentile(emptyTimes, 95).toFixed(1)}  (false positives: ${falsePositives})`)
  console.log(`  CPU ms/frame (mean): label images ${(cpu.label / IMAGES).toFixed(1)}, empty frames ${(cpu.empty / EMPTY).toFixed(1)} → ${(1000 / ((cpu.label + cpu.empty) / (IMAGES + EMPTY))).toFixed(0)} frames/s of CPU on one core`)
  const mean = all.reduce((a, b) => a + b, 0) / all.length
  console.log(`  all frames: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms → ${(1000 / mean).toFixed(0)} frames/s sustained on one worker`)
}

const decoder = createZxingDecoder()
for (const [w, h] of [[640, 480], [1280, 720]] as const) run(decoder, w, h)
