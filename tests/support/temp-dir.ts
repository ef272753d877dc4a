import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { onCleanup } from './cleanup'

/**
 * A fresh temporary folder, removed after the current test (after the file when made in a
 * beforeAll), after the processes registered later have stopped, pass or fail.
 */
export function tempDir(prefix = 'dropdesk-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  onCleanup(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }))
  return dir
}
