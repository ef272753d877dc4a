// The camera for evidence photos: a getUserMedia video into a <video>, a frame captured to a
// canvas, checked (photo-check.ts) and encoded as JPEG with canvas.toBlob. Only one camera
// stream at a time on this kiosk: while a photo camera is open, `photoCameraOpen` is true and
// the corner barcode camera (CameraScanner) steps aside until it closes.
import { onScopeDispose, ref, type Ref } from 'vue'
import type { PhotoAssessment } from '@shared/domain/photo-quality'
import { assessCanvas } from './photo-check'

export type CameraState = 'idle' | 'opening' | 'live' | 'denied' | 'absent'

/** Photo cameras open right now (a count, so two steps in a row do not race). */
export const photoCameraOpen = ref(0)

export interface CapturedPhoto {
  blob: Blob
  width: number
  height: number
  assessment: PhotoAssessment
  /** An object URL for the preview; revoked by `discard`. */
  url: string
}

export interface Camera {
  state: Ref<CameraState>
  start(video: HTMLVideoElement): Promise<void>
  stop(): void
  capture(): Promise<CapturedPhoto | null>
  discard(photo: CapturedPhoto | null): void
}

const JPEG_QUALITY = 0.85

export function useCamera(): Camera {
  const state = ref<CameraState>('idle')
  let video: HTMLVideoElement | null = null
  let stream: MediaStream | null = null
  let counted = false

  async function start(el: HTMLVideoElement): Promise<void> {
    if (stream) return
    video = el
    state.value = 'opening'
    if (!counted) {
      counted = true
      photoCameraOpen.value++
    }
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no camera API', 'NotFoundError')
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
    } catch (e) {
      state.value = e instanceof DOMException && e.name === 'NotAllowedError' ? 'denied' : 'absent'
      return
    }
    if (!video) return closeStream()
    video.srcObject = stream
    video.muted = true
    await video.play().catch(() => undefined)
    state.value = 'live'
  }

  function closeStream(): void {
    for (const t of stream?.getTracks() ?? []) t.stop()
    stream = null
    if (video) video.srcObject = null
  }

  function stop(): void {
    closeStream()
    video = null
    state.value = 'idle'
    if (counted) {
      counted = false
      photoCameraOpen.value--
    }
  }

  async function capture(): Promise<CapturedPhoto | null> {
    if (!video || video.videoWidth === 0) return null
    const canvas = document.createElement('canvas')
    canvas.width = video.videoWidth
    canvas.height = video.videoHeight
    const ctx = canvas.getContext('2d')
    if (!ctx) return null
    ctx.drawImage(video, 0, 0)
    const assessment = assessCanvas(canvas)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
    if (!blob) return null
    return { blob, width: canvas.width, height: canvas.height, assessment, url: URL.createObjectURL(blob) }
  }

  function discard(photo: CapturedPhoto | null): void {
    if (photo) URL.revokeObjectURL(photo.url)
  }

  onScopeDispose(stop)
  return { state, start, stop, capture, discard }
}
