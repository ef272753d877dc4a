// The camera's decoder thread: frames arrive as ImageBitmaps (transferred, not copied), are
// read back through an OffscreenCanvas, decoded with zxing-js and answered with the code or
// null. All the heavy work is here, so the counter screen never janks while the camera runs.
import { createZxingDecoder, rgbaToLuminance } from './barcode-decode'

export interface DecodeRequest {
  id: number
  frame: ImageBitmap
}
export interface DecodeResponse {
  id: number
  result: { text: string; symbology: string; format: string } | null
  ms: number
}

const decode = createZxingDecoder()
let canvas: OffscreenCanvas | null = null
let luminance = new Uint8ClampedArray(0)

self.onmessage = (e: MessageEvent<DecodeRequest>) => {
  const { id, frame } = e.data
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
      result = decode(rgbaToLuminance(rgba, luminance), width, height)
    }
  } finally {
    frame.close()
  }
  const response: DecodeResponse = { id, result, ms: performance.now() - t0 }
  self.postMessage(response)
}
