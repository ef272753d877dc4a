// Which engine the camera worker decodes with: the one the scanner settings name, zxing-wasm
// by default (it measured better: tests/bench/scan-decode.bench.ts). If the .wasm cannot be
// loaded (a missing asset, a content policy without 'wasm-unsafe-eval', an old runtime), the
// camera keeps working on zxing-js and says why, rather than failing.
import type { CameraDecoder } from '@shared/contract/devices-views'
import { createZxingDecoder, type BarcodeDecoder } from './barcode-decode'
import { createZxingWasmDecoder, type WasmSource } from './zxing-wasm-decode'

export interface SelectedDecoder {
  engine: CameraDecoder
  decode: BarcodeDecoder
  /** Why the configured engine is not the one running (shown in the devices list). */
  fallback?: string
}

export const DEFAULT_DECODER: CameraDecoder = 'zxing-wasm'

export async function selectDecoder(wanted: CameraDecoder, wasm: WasmSource): Promise<SelectedDecoder> {
  if (wanted === 'zxing-js') return { engine: 'zxing-js', decode: createZxingDecoder() }
  try {
    return { engine: 'zxing-wasm', decode: await createZxingWasmDecoder(wasm) }
  } catch (e) {
    // Only the error's text: it names a file or a policy, never a scanned code.
    const why = e instanceof Error ? e.message : String(e)
    return { engine: 'zxing-js', decode: createZxingDecoder(), fallback: `zxing-wasm did not load (${why.slice(0, 160)})` }
  }
}
