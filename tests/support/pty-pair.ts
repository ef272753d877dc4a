// A real serial line for the scanner tests: socat joins two pseudo-terminals, the app opens
// one end (through a stable symlink, like /dev/serial/by-id) and the test writes codes into
// the other. Killing socat is an unplug; starting it again on the same links is a replug.
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs'

export interface PtyPair {
  /** What the app opens. */
  appEnd: string
  /** Where the test writes, as the scanner. */
  scannerEnd: string
  write(data: string): void
  /** Unplug: kills socat; both ends vanish. */
  kill(): Promise<void>
}

export async function startPtyPair(appEnd: string, scannerEnd: string): Promise<PtyPair> {
  const child: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${appEnd}`, `pty,raw,echo=0,link=${scannerEnd}`], { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 10_000
  while (!/starting data transfer loop/.test(log) || !existsSync(appEnd) || !existsSync(scannerEnd)) {
    if (child.exitCode !== null) throw new Error(`socat exited: ${log}`)
    if (Date.now() > deadline) throw new Error(`socat did not start in 10 s: ${log}`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return {
    appEnd,
    scannerEnd,
    write(data) {
      const fd = openSync(scannerEnd, 'w')
      try {
        writeSync(fd, data)
      } finally {
        closeSync(fd)
      }
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
      // socat killed leaves its links behind, pointing at /dev/pts numbers that another pty
      // (another test's scanner) may take next, and the app would open that one. On an unplug
      // udev removes a device's /dev/serial/by-id link: do the same.
      rmSync(appEnd, { force: true })
      rmSync(scannerEnd, { force: true })
    },
  }
}
