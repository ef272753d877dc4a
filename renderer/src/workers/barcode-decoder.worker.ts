// The camera's decoder thread: frames arrive as ImageBitmaps (transferred, not copied), are
// read back through an OffscreenCanvas, decoded and answered with the code or null. All the
// heavy work is here, so the counter screen never janks while the camera runs.
//
// The engine is the one the scanner settings name (zxing-wasm by default). Its .wasm is an
// asset Vite emits next to this bundle, fetched from our own origin — never from a CDN (see
// scripts/zxing-local-wasm-plugin.ts); compiling it needs 'wasm-unsafe-eval' in the CSP.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'
import type { CameraDecoder } from '@shared/contract/devices-views'
import { rgbaToLuminance } from './barcode-decode'
import { DEFAULT_DECODER, selectDecoder, type SelectedDecoder } from './decoder-engine'

export interface DecodeRequest {
  id: number
  frame: ImageBitmap
  /** The configured engine; the worker switches when it changes. */
  engine?: CameraDecoder
}
export interface DecodeResponse {
  id: number
  result: { text: string; symbology: string; format: string } | null
  ms: number
  /** The engine that decoded this frame, and why it is not the configured one, if not. */
  engine: CameraDecoder
  fallback?: string
}

let selected: { wanted: CameraDecoder; decoder: Promise<SelectedDecoder> } | null = null
let canvas: OffscreenCanvas | null = null
let luminance = new Uint8ClampedArray(0)

function decoderFor(wanted: CameraDecoder): Promise<SelectedDecoder> {
  if (selected?.wanted !== wanted) selected = { wanted, decoder: selectDecoder(wanted, { url: new URL(wasmUrl, self.location.href).href }) }
  return selected.decoder
}

self.onmessage = async (e: MessageEvent<DecodeRequest>) => {
  const { id, frame } = e.data
  // Never rejects: a wasm that fails to load selects zxing-js with the reason.
  const decoder = await decoderFor(e.data.engine ?? DEFAULT_DECODER)
  const t0 = performance.now()
  let result: DecodeResponse['result'] = null
  try {
    const { width, height } = frame
    if (!canvas || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height)
    const ctx = canvas.getContext('2d', { willReadFrequently: true })
    if (ctx) {
      ctx.drawImage(frame, 0, 0)
      const rgba = ctx.getImageData(0, 0, width, height).data
      if (luminance.length !== width * height) luminance = new Uint8ClampedArray(width * height)
      result = decoder.decode(rgbaToLuminance(rgba, luminance), width, height)
    }
  } catch {
    // A frame that cannot be read or decoded is a frame without a code: answer, so the camera
    // sends the next one instead of waiting for this answer forever.
    result = null
  } finally {
    frame.close()
  }
  const response: DecodeResponse = { id, result, ms: performance.now() - t0, engine: decoder.engine, ...(decoder.fallback ? { fallback: decoder.fallback } : {}) }
  self.postMessage(response)
}
