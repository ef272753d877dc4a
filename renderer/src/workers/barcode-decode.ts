// The camera's decoder, behind one small interface so an alternative engine could be measured
// side by side (tests/bench/scan-decode.bench.ts). zxing-js is the product's choice. Pure: no
// DOM, so the Web Worker and the benchmark (in Node) run exactly this code.
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  DataMatrixReader,
  HybridBinarizer,
  MultiFormatOneDReader,
  PDF417Reader,
  QRCodeReader,
  RGBLuminanceSource,
  type Reader,
} from '@zxing/library'

export interface DecodedBarcode {
  text: string
  format: string
  /** The AIM symbology identifier (ISO/IEC 15424) zxing does not report itself. */
  symbology: string
}

/** Decodes one greyscale frame (one byte a pixel, row after row); null when no code is seen. */
export type BarcodeDecoder = (luminance: Uint8ClampedArray, width: number, height: number) => DecodedBarcode | null

/** What counters meet: return QR codes, carrier Code 128, box DataMatrix/PDF417, EAN/UPC. */
export const COUNTER_FORMATS = [
  BarcodeFormat.QR_CODE,
  BarcodeFormat.CODE_128,
  BarcodeFormat.DATA_MATRIX,
  BarcodeFormat.PDF_417,
  BarcodeFormat.EAN_13,
  BarcodeFormat.UPC_A,
]

const AIM: Partial<Record<BarcodeFormat, string>> = {
  [BarcodeFormat.QR_CODE]: ']Q1',
  [BarcodeFormat.CODE_128]: ']C0',
  [BarcodeFormat.DATA_MATRIX]: ']d1',
  [BarcodeFormat.PDF_417]: ']L2',
  [BarcodeFormat.EAN_13]: ']E0',
  [BarcodeFormat.UPC_A]: ']E0',
}

export function createZxingDecoder(options: { tryHarder?: boolean; halfScaleRetry?: boolean } = {}): BarcodeDecoder {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, COUNTER_FORMATS],
    // GS1-128 keeps its FNC1 as "]C1" + GS separators: device boxes carry GS1 element strings.
    [DecodeHintType.ASSUME_GS1, true],
  ])
  if (options.tryHarder) hints.set(DecodeHintType.TRY_HARDER, true)
  // The readers are tried one by one here rather than through MultiFormatReader, which logs a
  // console warning for every frame without a code (its exception check fails in this build).
  const readers: Reader[] = [new QRCodeReader(), new MultiFormatOneDReader(hints), new DataMatrixReader(), new PDF417Reader()]
  function decodeOnce(luminance: Uint8ClampedArray, width: number, height: number): DecodedBarcode | null {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))
    for (const reader of readers) {
      try {
        const result = reader.decode(bitmap, hints)
        const format = result.getBarcodeFormat()
        let text = result.getText()
        let symbology = AIM[format] ?? ']X0'
        if (text.startsWith(']C1')) {
          symbology = ']C1'
          text = text.slice(3)
        }
        return { text, format: BarcodeFormat[format], symbology }
      } catch {
        // NotFound, or Checksum/Format for a damaged or half-seen symbol: try the next reader.
      } finally {
        reader.reset()
      }
    }
    return null
  }

  let half = new Uint8ClampedArray(0)
  return (luminance, width, height) => {
    const found = decodeOnce(luminance, width, height)
    if (found || options.halfScaleRetry === false) return found
    // Second look at half size: each pixel the mean of 2x2, which averages sensor noise out
    // (noisy finder patterns defeat the first pass) for a quarter of the first pass's cost.
    const w = width >> 1
    const h = height >> 1
    if (half.length !== w * h) half = new Uint8ClampedArray(w * h)
    for (let y = 0; y < h; y++) {
      const a = 2 * y * width
      const b = a + width
      for (let x = 0; x < w; x++) half[y * w + x] = (luminance[a + 2 * x]! + luminance[a + 2 * x + 1]! + luminance[b + 2 * x]! + luminance[b + 2 * x + 1]! + 2) >> 2
    }
    return decodeOnce(half, w, h)
  }
}

/** RGBA pixels (canvas ImageData) to luminance, green-weighted like zxing's own conversion. */
export function rgbaToLuminance(rgba: Uint8ClampedArray, out = new Uint8ClampedArray(rgba.length / 4)): Uint8ClampedArray {
  for (let i = 0, j = 0; j < out.length; i += 4, j++) out[j] = (rgba[i]! + 2 * rgba[i + 1]! + rgba[i + 2]!) >> 2
  return out
}
