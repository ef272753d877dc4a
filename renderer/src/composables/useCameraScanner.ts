// The camera as a scan source: getUserMedia video into a <video>, one frame at a time handed
// to the decoder worker (only one in flight, so a slow decode skips frames instead of queueing
// them), each decoded code reported with its AIM symbology. A camera unplugged (its track
// ends) or refused is retried every few seconds, so plugging it back in is enough.
import { onScopeDispose, ref, type Ref } from 'vue'
import type { CameraDecoder, DeviceState } from '@shared/contract/devices-views'
import type { DecodeRequest, DecodeResponse } from '../workers/barcode-decoder.worker'

export interface CameraScanner {
  state: Ref<DeviceState>
  detail: Ref<string | undefined>
  start(video: HTMLVideoElement): void
  stop(): void
}

const RETRY_MS = 3000
/** At most ~30 decodes a second: enough for a hand-held code, and leaves the CPU some air. */
const MIN_FRAME_GAP_MS = 33

/** engine: the decoder the scanner settings name, read for every frame (a change applies at once). */
export function useCameraScanner(onCode: (code: string, symbology: string) => void, engine: () => CameraDecoder = () => 'zxing-wasm'): CameraScanner {
  const state = ref<DeviceState>('disabled')
  const detail = ref<string | undefined>()
  let video: HTMLVideoElement | null = null
  let stream: MediaStream | null = null
  let worker: Worker | null = null
  let retry: ReturnType<typeof setTimeout> | null = null
  let frameTimer: ReturnType<typeof setTimeout> | null = null
  let nextId = 0
  let busy = false
  let running = false
  let trackLabel: string | undefined

  function setState(s: DeviceState, why?: string): void {
    state.value = s
    detail.value = why
  }

  async function open(): Promise<void> {
    retry = null
    if (!running || !video) return
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
    } catch (e) {
      const name = e instanceof DOMException ? e.name : ''
      setState(name === 'NotAllowedError' ? 'error' : 'disconnected', name === 'NotAllowedError' ? 'permission' : 'absent')
      retry = setTimeout(() => void open(), RETRY_MS)
      return
    }
    if (!running) return closeStream()
    for (const track of stream.getVideoTracks()) track.addEventListener('ended', lost)
    video.srcObject = stream
    video.muted = true
    await video.play().catch(() => undefined)
    worker ??= new Worker(new URL('../workers/barcode-decoder.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<DecodeResponse>) => {
      busy = false
      showEngine(e.data)
      if (e.data.result) onCode(e.data.result.text, e.data.result.symbology)
      schedule()
    }
    trackLabel = stream.getVideoTracks()[0]?.label || undefined
    setState('connected', trackLabel)
    schedule()
  }

  function schedule(): void {
    if (!running || busy || frameTimer) return
    frameTimer = setTimeout(() => void grab(), MIN_FRAME_GAP_MS)
  }

  async function grab(): Promise<void> {
    frameTimer = null
    if (!running || !video || !worker || busy) return
    if (video.readyState < 2 || video.videoWidth === 0) return schedule()
    busy = true
    try {
      const frame = await createImageBitmap(video)
      const request: DecodeRequest = { id: ++nextId, frame, engine: engine() }
      worker.postMessage(request, [frame])
    } catch {
      busy = false
      schedule()
    }
  }

  /** The devices list shows which engine decodes, and why when it is not the configured one. */
  function showEngine(r: DecodeResponse): void {
    if (state.value !== 'connected') return
    const why = [trackLabel, r.fallback ? `${r.engine}: ${r.fallback}` : r.engine].filter(Boolean).join(' · ')
    if (detail.value !== why) detail.value = why
  }

  function lost(): void {
    closeStream()
    if (!running) return
    setState('disconnected', 'absent')
    retry ??= setTimeout(() => void open(), RETRY_MS)
  }

  function closeStream(): void {
    for (const t of stream?.getTracks() ?? []) {
      t.removeEventListener('ended', lost)
      t.stop()
    }
    stream = null
    if (video) video.srcObject = null
  }

  function start(el: HTMLVideoElement): void {
    if (running) return
    running = true
    video = el
    setState('disconnected')
    void open()
  }

  function stop(): void {
    running = false
    if (retry) clearTimeout(retry)
    if (frameTimer) clearTimeout(frameTimer)
    retry = frameTimer = null
    closeStream()
    worker?.terminate()
    worker = null
    busy = false
    setState('disabled')
  }

  onScopeDispose(stop)
  return { state, detail, start, stop }
}
