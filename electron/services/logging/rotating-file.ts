// A size-rotated log file: dropdesk.log, then dropdesk.log.1 … dropdesk.log.N (oldest dropped).
// Writes are synchronous appends, so the line of the crash that follows is on disk; a kiosk
// logs a few lines a minute, far below where that costs anything. Owner-only permissions: even
// redacted logs say who worked when.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

export interface RotationOptions {
  /** Rotate before a write would take the file past this size. */
  maxBytes?: number
  /** Rotated files kept besides the current one. */
  keep?: number
}

export const LOG_FILE = 'dropdesk.log'

export function createRotatingFile(dir: string, options: RotationOptions = {}): (line: string) => void {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024
  const keep = Math.max(1, options.keep ?? 5)
  const file = path.join(dir, LOG_FILE)
  let size = -1

  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true })
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`)
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(file, `${file}.1`)
    size = 0
  }

  return (line: string) => {
    try {
      if (size < 0) {
        mkdirSync(dir, { recursive: true, mode: 0o700 })
        try {
          size = statSync(file).size
        } catch {
          size = 0
        }
      }
      const bytes = Buffer.byteLength(line) + 1
      if (size > 0 && size + bytes > maxBytes) rotate()
      appendFileSync(file, line + '\n', { mode: 0o600 })
      size += bytes
    } catch {
      // A full or read-only disk must not take the kiosk down with it: stderr still has the line.
      size = -1
    }
  }
}
