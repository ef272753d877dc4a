// One data dir, one running DropDesk. Two hosts on one SQLite file both start, then one fails
// mid-intake with "database is locked"; so the first writes dropdesk.instance.json (pid, port,
// mode) with O_EXCL, and a second start reads it and refuses, naming the first. A lock left by
// a process that no longer runs (a crash, a power cut) is taken over.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const LOCK_FILE = 'dropdesk.instance.json'

export interface InstanceInfo {
  pid: number
  /** Browser mode's port once it listens; null for Electron or before listening. */
  port: number | null
  mode: 'electron' | 'browser'
  host: string
  startedAt: string
}

export class InstanceLockedError extends Error {
  override name = 'InstanceLockedError'
  constructor(
    message: string,
    readonly holder: InstanceInfo,
  ) {
    super(message)
  }
}

export interface InstanceLock {
  readonly file: string
  /** Records the port browser mode listens on, for the message a second start shows. */
  setPort(port: number): void
  release(): void
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function writeDurably(file: string, info: InstanceInfo, flags: 'wx' | 'w'): void {
  const fd = openSync(file, flags, 0o644)
  try {
    writeSync(fd, `${JSON.stringify(info)}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Whether `pid` is a running process (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(file: string): InstanceInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as InstanceInfo
    return typeof info.pid === 'number' ? info : null
  } catch {
    // Empty or torn (a power cut between create and write): nobody can be named; stale.
    return null
  }
}

export function describeHolder(h: InstanceInfo): string {
  const where = h.mode === 'browser' ? (h.port ? `browser mode on port ${h.port}, http://127.0.0.1:${h.port}` : 'browser mode, still starting') : 'the Electron kiosk'
  return `pid ${h.pid}, ${where}, started ${h.startedAt}`
}

export function acquireInstanceLock(dataDir: string, mode: InstanceInfo['mode'], now: () => Date = () => new Date()): InstanceLock {
  const file = path.join(dataDir, LOCK_FILE)
  const info: InstanceInfo = { pid: process.pid, port: null, mode, host: os.hostname(), startedAt: now().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      writeDurably(file, info, 'wx')
      fsyncDir(dataDir)
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e
    }
    const holder = readHolder(file)
    // Another machine sharing the folder cannot be checked from here: refuse rather than guess.
    if (holder && (holder.host !== info.host || isRunning(holder.pid))) {
      throw new InstanceLockedError(
        `Another DropDesk is already running on the data dir ${dataDir} (${describeHolder(holder)}${holder.host !== info.host ? ` on the machine ${holder.host}` : ''}). ` +
          `Use that one, or stop it first (kill ${holder.pid}); to run a second kiosk, give it its own --data-dir.`,
        holder,
      )
    }
    // Stale: its process is gone. Move it aside atomically so that of two starts racing for
    // it, only one takes it over (the other's O_EXCL create then fails and it reads the winner).
    try {
      renameSync(file, `${file}.stale-${process.pid}`)
      unlinkSync(`${file}.stale-${process.pid}`)
    } catch {
      // another start took it over first; the next attempt reads that one
    }
  }
  let held = true
  return {
    file,
    setPort(port) {
      if (!held) return
      info.port = port
      const tmp = `${file}.${process.pid}.tmp`
      writeDurably(tmp, info, 'w')
      renameSync(tmp, file)
      fsyncDir(dataDir)
    },
    release() {
      if (!held) return
      held = false
      // Only our own lock: never remove one another process took over.
      if (readHolder(file)?.pid !== process.pid) return
      try {
        unlinkSync(file)
      } catch {
        // already gone
      }
    },
  }
}
