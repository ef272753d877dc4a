// A fake camera for Chromium (--use-file-for-fake-video-capture): a YUV4MPEG2 file of a few
// 640×480 frames showing a sharp, well-lit synthetic scene (a device-like rounded panel with
// edges, "buttons" and fine print on a mid-grey desk), so the photo quality check passes.
// Chromium loops the file; frames differ slightly so the stream is visibly live.
import { writeFileSync } from 'node:fs'
import path from 'node:path'

const W = 640
const H = 480

function lumaFrame(shift: number): Uint8Array {
  const y = new Uint8Array(W * H)
  // A little sensor noise, different in every frame, as a real camera has: two photos of the
  // same scene are then two different files.
  let seed = 0x9e3779b9 ^ (shift * 2654435761)
  const noise = () => {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return (seed >>> 0) % 7 - 3
  }
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      // Desk: a mid grey with a coarse checker, so there are edges everywhere.
      let v = ((r >> 4) + (c >> 4)) % 2 ? 150 : 110
      // The "device": a bright panel with dark print lines and round buttons.
      if (c > 180 && c < 460 && r > 60 && r < 420) {
        v = 200
        if ((r + shift) % 12 < 3 && c > 210 && c < 430) v = 40
        const dx = c - 320
        const dy = r - 380
        if (dx * dx + dy * dy < 400) v = 60
      }
      y[r * W + c] = v + noise()
    }
  }
  return y
}

/** Writes the .y4m into `dir` and returns its path. */
export function writeFakeCamera(dir: string, frames = 12): string {
  const file = path.join(dir, 'fake-camera.y4m')
  const chroma = new Uint8Array((W / 2) * (H / 2)).fill(128)
  const parts: Uint8Array[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)]
  for (let f = 0; f < frames; f++) parts.push(Buffer.from('FRAME\n'), lumaFrame(f), chroma, chroma)
  writeFileSync(file, Buffer.concat(parts))
  return file
}

/** The Chromium flags for a granted, fake camera reading `file`. */
export function fakeCameraArgs(file: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`]
}
