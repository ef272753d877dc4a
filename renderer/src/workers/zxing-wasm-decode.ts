// The alternative camera decoder: ZXing-C++ compiled to WebAssembly (zxing-wasm), behind the
// same BarcodeDecoder interface as zxing-js (./barcode-decode.ts). Pure like it: no DOM, so the
// Web Worker and the benchmark (in Node) run exactly this code.
//
// The .wasm is never fetched from the package's default CDN: the caller says where it is — a URL
// of our own origin in the renderer (Vite emits it as an asset), or the file's bytes in Node.
// Once the module is instantiated, decoding is synchronous: the luminance frame is copied into
// wasm memory and read in place, without the RGBA round trip of the package's readBarcodes().
import {
  BINARIZERS,
  CHARACTER_SETS,
  EAN_ADD_ON_SYMBOLS,
  TEXT_MODES,
  encodeFormats,
  prepareZXingModule,
  type ReadInputBarcodeFormat,
  type ZXingReaderModule,
  type ZXingReaderOptions,
  type ZXingReadResult,
} from 'zxing-wasm/reader'
import type { BarcodeDecoder, DecodedBarcode } from './barcode-decode'
import { findLabelRegion, levelRegion } from './label-region'

/** What counters meet (the same list as zxing-js's COUNTER_FORMATS). */
export const WASM_COUNTER_FORMATS: ReadInputBarcodeFormat[] = ['QRCode', 'Code128', 'DataMatrix', 'PDF417', 'EAN13', 'UPCA']

/** Where the .wasm comes from: a same-origin URL (browser) or its bytes (Node). */
export type WasmSource = { url: string } | { binary: Uint8Array }

export interface WasmDecoderOptions {
  /** Also look at the frame turned by 90/180/270 degrees (1D codes held upright). */
  tryRotate?: boolean
  /** Also look for light-on-dark codes (a QR code on a phone set to a dark theme). */
  tryInvert?: boolean
  /** Also look at a downscaled frame (noisy or large symbols). */
  tryDownscale?: boolean
  tryHarder?: boolean
  downscaleFactor?: number
  downscaleThreshold?: number
  binarizer?: 'LocalAverage' | 'GlobalHistogram' | 'FixedThreshold'
  /** When the frame gives nothing, decode its label-like region turned level (label-region.ts). */
  secondLook?: boolean
}

/**
 * The options that measured best on the corpus (tests/bench/scan-decode.bench.ts): tryRotate
 * and tryInvert on the whole frame read nothing more there but cost every empty frame (at
 * 1280x720, 47 and 35 ms of CPU instead of 24), so both are kept for the second look's crop.
 * tryHarder reads nothing more either once the second look is there, and without it an empty
 * 1280x720 frame costs 13 ms instead of 24: a camera that tries twice as many frames a second.
 */
export const WASM_DEFAULTS: Required<WasmDecoderOptions> = {
  tryRotate: false,
  tryInvert: false,
  tryDownscale: true,
  tryHarder: false,
  downscaleFactor: 3,
  downscaleThreshold: 500,
  binarizer: 'LocalAverage',
  secondLook: true,
}

/** The Emscripten heap API the module has (spelled out: @types/emscripten is not in every tsconfig). */
type ReaderModule = ZXingReaderModule & { _malloc(size: number): number; _free(pointer: number): void; HEAPU8: Uint8Array }

let cached: { key: string | Uint8Array; module: Promise<ReaderModule> } | null = null

/** Instantiates the module once per thread and source; a failure reaches the caller (who falls back). */
export function loadZxingWasm(source: WasmSource): Promise<ReaderModule> {
  const key = 'url' in source ? source.url : source.binary
  if (cached?.key === key) return cached.module
  const { binary } = source as { binary?: Uint8Array }
  const module = (
    prepareZXingModule({
      overrides: binary
        ? { wasmBinary: binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.byteLength) as ArrayBuffer }
        : // The only file the module asks for is zxing_reader.wasm: answer with our asset's URL.
          { locateFile: () => (source as { url: string }).url },
      fireImmediately: true,
    }) as Promise<ReaderModule>
  ).catch((e: unknown) => {
    if (cached?.module === module) cached = null
    throw e
  })
  cached = { key, module }
  return module
}

function readerOptions(o: Required<WasmDecoderOptions>): ZXingReaderOptions {
  return {
    formats: encodeFormats(WASM_COUNTER_FORMATS),
    tryHarder: o.tryHarder,
    tryRotate: o.tryRotate,
    tryInvert: o.tryInvert,
    tryDownscale: o.tryDownscale,
    tryDenoise: false,
    binarizer: BINARIZERS.indexOf(o.binarizer),
    isPure: false,
    downscaleFactor: o.downscaleFactor,
    downscaleThreshold: o.downscaleThreshold,
    minLineCount: 2,
    // One code a frame is what the scan stream takes; stopping at the first saves the rest.
    maxNumberOfSymbols: 1,
    validateOptionalChecksum: false,
    returnErrors: false,
    eanAddOnSymbol: EAN_ADD_ON_SYMBOLS.indexOf('Ignore'),
    // Plain: the bytes as text, so a GS1-128 code keeps its GS separators like zxing-js gives them.
    textMode: TEXT_MODES.indexOf('Plain'),
    characterSet: CHARACTER_SETS.indexOf('Unknown'),
    tryCode39ExtendedMode: false,
  }
}

/** zxing-js's names for the formats, so the rest of the app sees one spelling whichever engine runs. */
const FORMAT_NAMES: Record<string, string> = { QRCode: 'QR_CODE', Code128: 'CODE_128', DataMatrix: 'DATA_MATRIX', PDF417: 'PDF_417', EAN13: 'EAN_13', UPCA: 'UPC_A' }

function toDecoded(r: ZXingReadResult): DecodedBarcode {
  // ZXing-C++ reports the AIM identifier itself (]Q1, ]C0, ]C1 for GS1-128, ]d1, ]L2, ]E0).
  return { text: r.text, format: FORMAT_NAMES[r.format] ?? r.format, symbology: r.symbologyIdentifier || ']X0' }
}

export async function createZxingWasmDecoder(source: WasmSource, options: WasmDecoderOptions = {}): Promise<BarcodeDecoder> {
  const zxing = await loadZxingWasm(source)
  const o = { ...WASM_DEFAULTS, ...options }
  const settings = readerOptions(o)
  // The second look is at a crop already stretched to full contrast: a fixed threshold splits it
  // where a local one smears thin blurred bars, and it is the cheapest binarizer. The crop is
  // small, so the 90° turns are affordable there (ZXing's DataMatrix detector misses some
  // levelled symbols in one orientation and reads them in another), and so is a look for a
  // light-on-dark code (a QR code on a phone in dark mode), which costs every empty frame if
  // asked of the first pass.
  const levelled = readerOptions({ ...o, binarizer: 'FixedThreshold', tryDownscale: false, tryRotate: true, tryInvert: true })
  const levelledLocal = readerOptions({ ...o, tryRotate: true, tryInvert: true })
  let pointer = 0
  let capacity = 0

  function read(luminance: Uint8ClampedArray, width: number, height: number, with_: ZXingReaderOptions): DecodedBarcode | null {
    const size = width * height
    // The frame buffer in wasm memory is kept between frames: same size every frame.
    if (size > capacity) {
      if (pointer) zxing._free(pointer)
      pointer = zxing._malloc(size)
      if (!pointer) throw new Error(`zxing-wasm could not allocate ${size} bytes`)
      capacity = size
    }
    zxing.HEAPU8.set(luminance.subarray(0, size), pointer)
    const results = zxing.readBarcodesFromPixmap(pointer, width, height, with_)
    try {
      for (let i = 0; i < results.size(); i++) {
        const r = results.get(i)
        if (r?.isValid) return toDecoded(r)
      }
      return null
    } finally {
      // An embind vector is a C++ object: free it, or every frame leaks it.
      ;(results as { delete?: () => void }).delete?.()
    }
  }

  return (luminance, width, height) => {
    const found = read(luminance, width, height, settings)
    if (found || !o.secondLook) return found
    // Nothing seen: look again at the label-like region, turned level (label-region.ts).
    const region = findLabelRegion(luminance, width, height)
    if (!region) return null
    const crop = levelRegion(luminance, width, height, region)
    return read(crop.pixels, crop.width, crop.height, levelled) ?? read(crop.pixels, crop.width, crop.height, levelledLocal)
  }
}
