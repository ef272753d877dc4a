// The power-cut simulator (tools/power-cut-fs) mounted for a test: built on first use if
// .ci/run has not built it (or its source changed since), mounted on an empty folder, and always unmounted after the test
// (registered in cleanup.ts after the folder, so it is undone before the folder is removed and
// after every host started later has stopped).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { onCleanup, onTestFailure } from './cleanup'

const root = path.resolve(__dirname, '../..')
const tool = path.join(root, 'tools/power-cut-fs')
const binary = path.join(tool, 'build/power-cut-fs')

export type PowerCutMode = 'strict' | 'journal' | 'nosync'

export interface PowerCutFs {
  readonly mountPoint: string
  /** Drops everything not fsynced. Kill the program under test first (see the tool's README). */
  cut(): void
  /** Switches what an fsync does from now on (nosync: a control run that must lose data). */
  setMode(mode: PowerCutMode): void
  /** The simulator's counters: cuts made, fsyncs seen. */
  counters(): { cuts: number; fsyncs: number }
  unmount(): Promise<void>
}

/** Builds the simulator when it is missing or older than its source. */
function buildOnce(): void {
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(path.join(tool, 'power-cut-fs.c')).mtimeMs) return
  const r = spawnSync(path.join(tool, 'build.sh'), { encoding: 'utf8' })
  if (r.status !== 0) {
    throw new Error(
      `The power-cut simulator could not be built (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr}\n` +
        'Install fuse3 libfuse3-dev pkg-config gcc libc6-dev (as .ci/run does), then run tools/power-cut-fs/build.sh.',
    )
  }
}

function isMounted(mountPoint: string): boolean {
  // Field 5 of mountinfo is the mount point (spaces escaped as \040; test folders have none).
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[4] === mountPoint)
}

async function until(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Mounts the simulator on `mountPoint` (an existing empty folder) in `mode`. */
export async function mountPowerCutFs(mountPoint: string, mode: PowerCutMode = 'strict'): Promise<PowerCutFs> {
  buildOnce()
  const abs = path.resolve(mountPoint)
  const control = path.join(abs, '.power-cut')
  // -f: stays a child of the test (killed with it); -s: one request at a time, a cut included.
  const daemon = spawn(binary, ['-f', '-s', `--mode=${mode}`, abs], { stdio: ['ignore', 'ignore', 'pipe'] })
  let errors = ''
  daemon.stderr.on('data', (d: Buffer) => (errors += d.toString()))
  onTestFailure(() => `power-cut-fs on ${abs} (pid ${daemon.pid}): ${errors || 'no output'}`)
  const exited = new Promise<void>((resolve) => daemon.once('exit', () => resolve()))
  let unmounted: Promise<void> | null = null
  const unmount = () =>
    (unmounted ??= (async () => {
      if (isMounted(abs)) {
        // Every host on it has stopped by now; a lazy unmount still frees it if one has not.
        if (spawnSync('fusermount3', ['-u', abs]).status !== 0) spawnSync('fusermount3', ['-uz', abs])
      }
      if (daemon.exitCode === null && daemon.signalCode === null) {
        const timer = setTimeout(() => daemon.kill('SIGKILL'), 5_000)
        daemon.kill('SIGTERM')
        await exited
        clearTimeout(timer)
      }
      if (isMounted(abs)) spawnSync('fusermount3', ['-uz', abs])
    })())
  onCleanup(unmount)
  await until(`power-cut-fs to mount ${abs}`, () => {
    if (daemon.exitCode !== null) throw new Error(`power-cut-fs exited with ${daemon.exitCode} before mounting ${abs}: ${errors}`)
    return isMounted(abs) && existsSync(control)
  }, 15_000)
  return {
    mountPoint: abs,
    cut: () => writeFileSync(control, 'cut'),
    setMode: (m) => writeFileSync(control, `mode ${m}`),
    counters() {
      const text = readFileSync(control, 'utf8')
      const n = (k: string) => Number(new RegExp(`^${k} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN)
      return { cuts: n('cuts'), fsyncs: n('fsyncs') }
    },
    unmount,
  }
}
