// Start-up as an operator meets it: one running DropDesk per data dir (the second names the
// first), a stale lock taken over, and a data dir or port that cannot be used explained in one
// sentence with what to do, instead of "database is locked", "ENOENT … mkdir" or EADDRINUSE.
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../electron/services/startup/instance-lock'
import { startHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

const root = path.resolve(__dirname, '../..')
const serveJs = path.join(path.resolve(root, process.env.DROPDESK_OUT_DIR ?? 'out'), 'main/serve.js')
const isRoot = process.getuid?.() === 0

/** Runs serve.js to its exit (a refused start exits at once), optionally through a wrapper command. */
function serveOnce(args: string[], options: { wrap?: string[]; uid?: number; gid?: number } = {}) {
  const [cmd, ...pre] = options.wrap ?? []
  const r = spawnSync(cmd ?? process.execPath, [...(cmd ? [...pre, process.execPath] : []), serveJs, '--port', '0', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

/** The pid of a process that has exited: a crashed kiosk's lock. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'])
  await new Promise((resolve) => child.once('exit', resolve))
  return child.pid!
}

describe('one running DropDesk per data dir', () => {
  it('a second serve on the same data dir refuses to start and names the first (pid, port); once the first stops, it starts', async () => {
    const dataDir = path.join(tempDir(), 'data')
    const first = await startHost({ dataDir })
    try {
      const port = Number(new URL(first.origin).port)
      const lock = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'))
      expect(lock).toMatchObject({ pid: first.process.pid, port, mode: 'browser' })
      const second = serveOnce(['--data-dir', dataDir])
      expect(second.status).toBe(1)
      expect(second.out).toContain(`DropDesk could not start: Another DropDesk is already running on the data dir ${dataDir} (pid ${first.process.pid}, browser mode on port ${port}`)
      expect(second.out).toContain('give it its own --data-dir')
      expect(second.out).not.toMatch(/database is locked/)
    } finally {
      await first.kill()
    }
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)
    const again = await startHost({ dataDir })
    await again.kill()
  })

  it('takes over the lock of a process that is gone (a crash, a power cut)', async () => {
    const dataDir = path.join(tempDir(), 'data')
    const crashed = await startHost({ dataDir })
    await crashed.kill('SIGKILL')
    expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(crashed.process.pid)
    const next = await startHost({ dataDir })
    try {
      expect(JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(next.process.pid)
    } finally {
      await next.kill()
    }
    writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), port: 4780, mode: 'electron', host: (await import('node:os')).hostname(), startedAt: '2026-11-22T10:00:00Z' }))
    const afterElectron = await startHost({ dataDir })
    await afterElectron.kill()
  })
})

describe('a data dir that cannot be written', () => {
  it('read-only file system: names the folder, says it is read-only, and what to do', () => {
    const dir = tempDir()
    const ro = path.join(dir, 'ro')
    mkdirSync(ro)
    const wrap = isRoot ? ['unshare', '--mount', 'sh', '-c', `mount --bind "${ro}" "${ro}" && mount -o remount,bind,ro "${ro}" && exec "$@"`, 'sh'] : ['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', `mount --bind "${ro}" "${ro}" && mount -o remount,bind,ro "${ro}" && exec "$@"`, 'sh']
    for (const dataDir of [ro, path.join(ro, 'kiosk')]) {
      const r = serveOnce(['--data-dir', dataDir], { wrap })
      expect(r.status).toBe(1)
      expect(r.out).toContain(`DropDesk could not start: The data dir ${dataDir} is on a read-only file system`)
      expect(r.out).toMatch(/Choose another folder with --data-dir .* remount that disk read-write/)
      expect(r.out).not.toMatch(/unable to open database file|ENOENT/)
    }
  })

  it('not writable by this user: names the folder and the user, and what to do', () => {
    const dir = tempDir()
    const locked = path.join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(dir, 0o755)
    chmodSync(locked, 0o555)
    const asUser = isRoot ? { uid: 65534, gid: 65534 } : {}
    for (const dataDir of [locked, path.join(locked, 'kiosk')]) {
      const r = serveOnce(['--data-dir', dataDir], asUser)
      expect(r.status).toBe(1)
      expect(r.out).toMatch(new RegExp(`DropDesk could not start: The data dir ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not writable by the user \\S+ \\(uid \\d+\\)`))
      expect(r.out).toContain('give this user write access')
    }
  })

  it('a file where the folder should be', () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'data'), 'not a folder')
    const r = serveOnce(['--data-dir', path.join(dir, 'data')])
    expect(r.status).toBe(1)
    expect(r.out).toContain(`The data dir ${path.join(dir, 'data')} is not a folder`)
  })
})

describe('a port that is taken', () => {
  it('says which port, which process holds it, and --port', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const dataDir = path.join(tempDir(), 'data')
      const r = spawnSync(process.execPath, [serveJs, '--data-dir', dataDir, '--port', String(port)], { cwd: root, encoding: 'utf8', timeout: 60_000 })
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use by pid ${process.pid}`)
      expect(r.stderr).toContain('--port')
      // The refused start leaves no lock behind.
      expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false)
    } finally {
      blocker.close()
    }
  })
})
