// Reads barcodes back from pixels with @zxing/library, the way a counter scanner would.
import { BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library'
import type { GrayImage } from './gray-image'

export type Symbology = 'code128' | 'qr'


/** The text of the one barcode of this symbology in the image; throws when none is readable. */
export function decodeBarcode(img: GrayImage, symbology: Symbology): string {
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]])
  // The symbology's own reader: MultiFormatReader logs every miss to the console.
  const reader = symbology === 'qr' ? new QRCodeReader() : new Code128Reader()
  const source = new RGBLuminanceSource(img.pixels, img.width, img.height)
  return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText()
}

/** Pads an image region with white so a barcode touching the crop edge keeps a quiet zone. */
export function withMargin(img: GrayImage, margin: number): GrayImage {
  const width = img.width + 2 * margin
  const height = img.height + 2 * margin
  const pixels = new Uint8ClampedArray(width * height).fill(255)
  for (let y = 0; y < img.height; y++) pixels.set(img.pixels.subarray(y * img.width, (y + 1) * img.width), (y + margin) * width + margin)
  return { width, height, pixels }
}
