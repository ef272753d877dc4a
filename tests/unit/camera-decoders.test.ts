// The camera worker's two engines behind one BarcodeDecoder interface: zxing-wasm (ZXing-C++,
// the real .wasm file of the package, read from disk) and zxing-js, on generated label frames.
// They must agree on what a label says; the wasm decoder's second look (a level crop of the
// label region) must read what the first pass cannot; and a .wasm that fails to load must
// leave the camera on zxing-js, saying why.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import bwipjs from 'bwip-js/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { createZxingDecoder, type BarcodeDecoder } from '../../renderer/src/workers/barcode-decode'
import { selectDecoder } from '../../renderer/src/workers/decoder-engine'
import { findLabelRegion } from '../../renderer/src/workers/label-region'
import { createZxingWasmDecoder } from '../../renderer/src/workers/zxing-wasm-decode'
import { moduleGrid, renderFrame, type ModuleGrid, type Symbology } from '../support/barcode-frames'
import { corpusCase, emptyFrame } from '../support/decode-corpus'

const W = 640
const H = 480
const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'))
let wasm: BarcodeDecoder
const js = createZxingDecoder()

beforeAll(async () => {
  wasm = await createZxingWasmDecoder({ binary: wasmBinary })
})

const labels: [Symbology, string, number, string][] = [
  ['qrcode', 'BMR-7700001-01', 5, ']Q1'],
  ['code128', 'RMA-7000042', 2.5, ']C0'],
  ['datamatrix', 'BM-48000007', 5, ']d1'],
  ['pdf417', '1Z0V58A79040000034', 4, ']L2'],
]

describe('zxing-wasm and zxing-js', () => {
  it.each(labels)('read the same %s label: same text, same AIM symbology', (symbology, text, module, aim) => {
    const frame = renderFrame(moduleGrid(symbology, text), { width: W, height: H, module, angleDeg: 3, noise: 8, seed: 7 })
    const fromWasm = wasm(frame, W, H)
    const fromJs = js(frame, W, H)
    expect(fromWasm).toEqual({ text, symbology: aim, format: fromJs?.format })
    expect(fromJs).toEqual(fromWasm)
  })

  it('both see nothing on an empty desk, with noise and a lamp’s glare', () => {
    for (let i = 0; i < 4; i++) {
      const frame = emptyFrame(i, W, H)
      expect(wasm(frame, W, H)).toBeNull()
      expect(js(frame, W, H)).toBeNull()
    }
  })

  it('keeps a GS1-128 box label as GS1 (]C1) with its element strings', () => {
    const raw = bwipjs.raw({ bcid: 'gs1-128', text: '(01)09506000134352(21)SN12345' })[0] as { sbs: number[] }
    const bars: boolean[] = []
    raw.sbs.forEach((width, i) => bars.push(...Array<boolean>(width).fill(i % 2 === 0)))
    const grid: ModuleGrid = { w: bars.length, h: 40, quiet: 10, dark: (x) => bars[x] === true }
    const frame = renderFrame(grid, { width: W, height: H, module: 2.5, noise: 6 })
    expect(wasm(frame, W, H)).toEqual({ text: '010950600013435221SN12345', symbology: ']C1', format: 'CODE_128' })
  })
})

describe('the wasm decoder’s second look', () => {
  // A PDF417 turned 35°: ZXing's PDF417 reader only sees symbols within a few degrees of level.
  const turned = renderFrame(moduleGrid('pdf417', 'BM-48000049'), { width: W, height: H, module: 3.5, angleDeg: 35, noise: 6, seed: 3 })

  it('finds the label and its turn, and nothing on an empty frame', () => {
    const region = findLabelRegion(turned, W, H)
    expect(region).not.toBeNull()
    // Levelled with its bars upright: 35° back, give or take the estimate's few degrees.
    expect(Math.abs((region!.angle * 180) / Math.PI - 35)).toBeLessThan(4)
    expect(findLabelRegion(emptyFrame(1, W, H), W, H)).toBeNull()
  })

  it('reads a turned PDF417 that the first pass alone misses', async () => {
    const firstPassOnly = await createZxingWasmDecoder({ binary: wasmBinary }, { secondLook: false })
    expect(firstPassOnly(turned, W, H)).toBeNull()
    expect(wasm(turned, W, H)?.text).toBe('BM-48000049')
  })

  it('reads a light-on-dark QR code (a phone in dark mode), which the first pass skips', async () => {
    const inverted = renderFrame(moduleGrid('qrcode', 'BMR-7700005-05'), { width: W, height: H, module: 5, ink: 230, paper: 25, noise: 6, seed: 5 })
    const firstPassOnly = await createZxingWasmDecoder({ binary: wasmBinary }, { secondLook: false })
    expect(firstPassOnly(inverted, W, H)).toBeNull()
    expect(wasm(inverted, W, H)?.text).toBe('BMR-7700005-05')
  })

  it('reads a thin, blurred Code 128 at 640x480 from the benchmark corpus', () => {
    const c = corpusCase(32, W, H)
    expect([c.symbology, c.trouble]).toEqual(['code128', 'blur'])
    expect(wasm(c.frame, W, H)?.text).toBe(c.text)
  })
})

describe('engine selection', () => {
  it('uses zxing-wasm by default and zxing-js when configured', async () => {
    expect((await selectDecoder('zxing-wasm', { binary: wasmBinary })).engine).toBe('zxing-wasm')
    const chosen = await selectDecoder('zxing-js', { binary: wasmBinary })
    expect(chosen).toMatchObject({ engine: 'zxing-js' })
    expect(chosen.fallback).toBeUndefined()
  })

  it('falls back to zxing-js with the reason when the .wasm does not load, and still decodes', async () => {
    const broken = new TextEncoder().encode('<html>404 Not Found</html>')
    const chosen = await selectDecoder('zxing-wasm', { binary: broken })
    expect(chosen.engine).toBe('zxing-js')
    expect(chosen.fallback).toMatch(/^zxing-wasm did not load \(.+\)$/)
    const frame = renderFrame(moduleGrid('qrcode', 'RMA-7000003'), { width: W, height: H, module: 5, seed: 2 })
    expect(chosen.decode(frame, W, H)?.text).toBe('RMA-7000003')
  })
})
