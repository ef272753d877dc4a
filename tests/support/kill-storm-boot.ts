// A kill during start-up: the built host spawned on the storm's data dir and SIGKILLed after a
// few hundred milliseconds, wherever its start has got to (opening and checking the database,
// removing orphan photos, or already listening). The next start must cope with what it left.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { stopAfter } from './cleanup'

const root = path.resolve(__dirname, '../..')

/** Resolves true when the host had already said it was ready when the kill landed. */
export async function killDuringStart(dataDir: string, afterMs: number): Promise<boolean> {
  return (await startThenKill(dataDir, afterMs)).ready
}

/** The same, with what the host printed before the kill (a first-run PIN, for instance). */
export function startThenKill(dataDir: string, afterMs: number, manifest?: string): Promise<{ ready: boolean; output: string }> {
  const outDir = path.resolve(root, process.env.DROPDESK_OUT_DIR ?? 'out')
  const argv = [path.join(outDir, 'main/serve.js'), '--data-dir', dataDir, '--port', '0', ...(manifest ? ['--manifest', manifest] : [])]
  const child = spawn(process.execPath, argv, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
  stopAfter(child)
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), afterMs)
  return new Promise((resolve) =>
    child.once('exit', () => {
      clearTimeout(timer)
      resolve({ ready: out.includes('DropDesk is ready'), output: out })
    }),
  )
}
