// Camera decode: the corpus of tests/support/decode-corpus.ts (label images with rotation,
// blur, noise, low contrast and phone-screen glare, plus empty frames) decoded at 640x480 and
// 1280x720 by both engines behind the camera worker's BarcodeDecoder interface — zxing-js and
// zxing-wasm (ZXing-C++) — side by side, each frame given to both. Prints decode rates per
// symbology and condition, ms per frame and the frames/s one worker sustains.
// BENCH_DECODE_IMAGES overrides the corpus size (default 520 label images per resolution);
// BENCH_DECODE_VERBOSE=1 lists the missed images; BENCH_DECODE_WASM='{"tryRotate":true}' tries
// other zxing-wasm options; BENCH_DECODE_ENGINES=zxing-wasm measures one engine only.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createZxingDecoder, type BarcodeDecoder } from '../../renderer/src/workers/barcode-decode'
import { createZxingWasmDecoder, type WasmDecoderOptions } from '../../renderer/src/workers/zxing-wasm-decode'
import { corpusCase, emptyFrame, symbologies, troubles } from '../support/decode-corpus'

const IMAGES = Number(process.env.BENCH_DECODE_IMAGES ?? 520)
const EMPTY = Math.round(IMAGES / 4)

interface Engine {
  name: string
  decode: BarcodeDecoder
}

interface Tally {
  decoded: Map<string, number>
  total: Map<string, number>
  labelMs: number[]
  emptyMs: number[]
  /** CPU time as well as wall time: on a shared, loaded machine wall time mostly measures the wait for a core. */
  labelCpu: number
  emptyCpu: number
  falsePositives: number
  missed: string[]
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
const sortedCopy = (a: number[]): number[] => [...a].sort((x, y) => x - y)
const cpuMs = (start: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(start)
  return (d.user + d.system) / 1000
}

function timed(engine: Engine, frame: Uint8ClampedArray, width: number, height: number) {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const result = engine.decode(frame, width, height)
  return { result, ms: performance.now() - t0, cpu: cpuMs(c0) }
}

function measure(engines: Engine[], width: number, height: number): Map<string, Tally> {
  const tallies = new Map(engines.map((e) => [e.name, { decoded: new Map(), total: new Map(), labelMs: [], emptyMs: [], labelCpu: 0, emptyCpu: 0, falsePositives: 0, missed: [] } as Tally]))
  for (let i = 0; i < IMAGES; i++) {
    const c = corpusCase(i, width, height)
    // Alternate which engine goes first, so neither always meets a warm cache.
    const order = i % 2 ? [...engines].reverse() : engines
    for (const engine of order) {
      const t = tallies.get(engine.name)!
      const { result, ms, cpu } = timed(engine, c.frame, width, height)
      t.labelMs.push(ms)
      t.labelCpu += cpu
      const ok = result?.text === c.text
      for (const key of [c.symbology, c.trouble, 'all']) {
        t.decoded.set(key, (t.decoded.get(key) ?? 0) + (ok ? 1 : 0))
        t.total.set(key, (t.total.get(key) ?? 0) + 1)
      }
      if (!ok) t.missed.push(`${c.symbology} ${c.trouble} #${i}`)
    }
  }
  for (let i = 0; i < EMPTY; i++) {
    const frame = emptyFrame(i, width, height)
    for (const engine of i % 2 ? [...engines].reverse() : engines) {
      const t = tallies.get(engine.name)!
      const { result, ms, cpu } = timed(engine, frame, width, height)
      t.emptyMs.push(ms)
      t.emptyCpu += cpu
      if (result) t.falsePositives++
    }
  }
  return tallies
}

function row(label: string, cells: string[]): string {
  return `  ${label.padEnd(26)}${cells.map((c) => c.padStart(20)).join('')}`
}

function report(runs: { engine: string; res: string; tally: Tally }[]): void {
  console.log(`\n${IMAGES} label images + ${EMPTY} empty frames per resolution; each frame decoded by every engine\n`)
  console.log(row('', runs.map((r) => `${r.engine} @${r.res}`)))
  console.log(row('decode rate', runs.map(() => '')))
  for (const key of ['all', ...symbologies, ...troubles]) {
    console.log(row(`  ${key}`, runs.map((r) => `${((100 * (r.tally.decoded.get(key) ?? 0)) / (r.tally.total.get(key) ?? 1)).toFixed(1)}%`)))
  }
  const ms = (label: string, pick: (t: Tally) => number[]) => {
    console.log(row(label, runs.map((r) => {
      const s = sortedCopy(pick(r.tally))
      return `${percentile(s, 50).toFixed(1)} / ${percentile(s, 95).toFixed(1)}`
    })))
  }
  ms('ms label p50 / p95', (t) => t.labelMs)
  ms('ms empty p50 / p95', (t) => t.emptyMs)
  console.log(row('CPU ms label / empty', runs.map((r) => `${(r.tally.labelCpu / IMAGES).toFixed(1)} / ${(r.tally.emptyCpu / EMPTY).toFixed(1)}`)))
  // The mix the camera sees: every label image and every empty frame of the corpus.
  console.log(row('CPU ms/frame, mix', runs.map((r) => ((r.tally.labelCpu + r.tally.emptyCpu) / (IMAGES + EMPTY)).toFixed(1))))
  console.log(row('frames/s, mix (1 core)', runs.map((r) => (1000 / ((r.tally.labelCpu + r.tally.emptyCpu) / (IMAGES + EMPTY))).toFixed(0))))
  console.log(row('frames/s, empty only', runs.map((r) => (1000 / (r.tally.emptyCpu / EMPTY)).toFixed(0))))
  console.log(row('false positives (empty)', runs.map((r) => String(r.tally.falsePositives))))
  if (process.env.BENCH_DECODE_VERBOSE) for (const r of runs) console.log(`\n${r.engine} @${r.res} missed: ${r.tally.missed.join(', ') || 'none'}`)
}

async function main(): Promise<void> {
  const wasmFile = createRequire(__filename).resolve('zxing-wasm/reader/zxing_reader.wasm')
  const wasmOptions = JSON.parse(process.env.BENCH_DECODE_WASM ?? '{}') as WasmDecoderOptions
  const only = process.env.BENCH_DECODE_ENGINES?.split(',')
  const engines: Engine[] = [
    { name: 'zxing-js', decode: createZxingDecoder() },
    { name: 'zxing-wasm', decode: await createZxingWasmDecoder({ binary: readFileSync(wasmFile) }, wasmOptions) },
  ].filter((e) => !only || only.includes(e.name))
  const runs: { engine: string; res: string; tally: Tally }[] = []
  for (const [w, h] of [[640, 480], [1280, 720]] as const) {
    const tallies = measure(engines, w, h)
    for (const e of engines) runs.push({ engine: e.name, res: `${w}x${h}`.replace('1280x720', '720p').replace('640x480', '480p'), tally: tallies.get(e.name)! })
  }
  report(runs)
}

void main()
