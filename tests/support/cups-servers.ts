// Real CUPS parts at the edge: ippeveprinter (cups-ipp-utils) as a driverless IPP printer, and
// a private cupsd (its own config, spool and socket under a temp dir) with a raw queue.
// ippeveprinter needs D-Bus and Avahi for DNS-SD, or it refuses to start (`-r off` does not
// help): they are started here when missing (as root, as in CI's container), and stopped again
// by the last test process that used them, when a test started them.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise((r) => server.close(r))
  return port
}

function avahiRunning(): boolean {
  try {
    execFileSync('avahi-daemon', ['--check'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Whether the process named in a pid file is alive: after a package install or a crash the
 *  file (and the bus socket beside it) can outlive the daemon. */
function pidFileAlive(file: string): boolean {
  if (!existsSync(file)) return false
  const pid = Number(readFileSync(file, 'utf8').trim())
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Test processes using DNS-SD (one file each, named by pid), and which daemons a test started. */
const USERS = '/run/dropdesk-test-dnssd'
const STARTED = path.join(USERS, 'started')

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** D-Bus (system bus) and the Avahi daemon, started if they are not running. A stale pid
 *  file or socket left by apt's post-install scripts is removed first: Avahi would otherwise
 *  try the dead socket and exit. Returns the release: the last user stops what a test started. */
export function ensureDnsSd(): () => void {
  mkdirSync(USERS, { recursive: true })
  const mine = path.join(USERS, String(process.pid))
  writeFileSync(mine, '')
  if (!pidFileAlive('/run/dbus/pid')) {
    mkdirSync('/run/dbus', { recursive: true })
    rmSync('/run/dbus/pid', { force: true })
    rmSync('/run/dbus/system_bus_socket', { force: true })
    execFileSync('dbus-daemon', ['--system', '--fork'])
    appendFileSync(STARTED, 'dbus\n')
  }
  if (!avahiRunning()) {
    try {
      execFileSync('avahi-daemon', ['-D', '--no-drop-root'], { stdio: ['ignore', 'ignore', 'pipe'] })
      appendFileSync(STARTED, 'avahi\n')
    } catch (e) {
      const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? ''
      throw new Error(`avahi-daemon did not start (ippeveprinter needs it for DNS-SD): ${stderr.trim() || String(e)}`)
    }
  }
  let released = false
  return () => {
    if (released) return
    released = true
    rmSync(mine, { force: true })
    const others = readdirSync(USERS).filter((f) => /^\d+$/.test(f) && alive(Number(f)))
    if (others.length > 0) return
    const started = existsSync(STARTED) ? readFileSync(STARTED, 'utf8') : ''
    if (started.includes('avahi')) execFileSync('avahi-daemon', ['-k'], { stdio: 'ignore' })
    if (started.includes('dbus') && pidFileAlive('/run/dbus/pid')) process.kill(Number(readFileSync('/run/dbus/pid', 'utf8').trim()), 'SIGTERM')
    rmSync(USERS, { recursive: true, force: true })
  }
}

async function waitUntil(what: string, f: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await f())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up in ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
}

export interface IppEvePrinter {
  uri: string
  spoolDir: string
  output: () => string
  stop(): Promise<void>
}

export async function startIppEvePrinter(dir: string, ready: () => Promise<boolean>, setUri: (uri: string) => void): Promise<IppEvePrinter> {
  const release = ensureDnsSd()
  const port = await freePort()
  const spoolDir = path.join(dir, 'ipp-spool')
  mkdirSync(spoolDir, { recursive: true })
  const child = spawn('ippeveprinter', ['-p', String(port), '-n', 'localhost', '-d', spoolDir, '-k', '-c', '/bin/true', '-f', 'application/pdf,application/vnd.zebra-zpl', '--no-web-forms', `DropDesk Test ${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const uri = `ipp://127.0.0.1:${port}/ipp/print`
  setUri(uri)
  const stop = async () => {
    await stopper(child)()
    release()
  }
  try {
    await waitUntil(`ippeveprinter (${out})`, async () => child.exitCode === null && (await ready()))
  } catch (e) {
    await stop()
    throw e
  }
  return { uri, spoolDir, output: () => out, stop }
}

export interface PrivateCups {
  env: { CUPS_SERVER: string }
  addRawQueue(name: string, port: number): void
  stop(): Promise<void>
}

/** cupsd with everything under `dir`, reachable through its own socket (CUPS_SERVER). */
export async function startPrivateCups(dir: string): Promise<PrivateCups> {
  for (const d of ['spool', 'cache', 'state', 'tmp', 'log', 'ppd']) mkdirSync(path.join(dir, d), { recursive: true })
  // cupsd runs filters and backends as the lp user: the tree must be traversable (mkdtemp gives 0700).
  for (let d = dir; d !== path.dirname(d) && d.startsWith(os.tmpdir() + path.sep); d = path.dirname(d)) chmodSync(d, 0o755)
  const socket = path.join(dir, 'cups.sock')
  writeFileSync(
    path.join(dir, 'cupsd.conf'),
    `Listen ${socket}\nLogLevel warn\nWebInterface No\nBrowsing No\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n`,
  )
  writeFileSync(
    path.join(dir, 'cups-files.conf'),
    ['ServerRoot', 'RequestRoot spool', 'CacheDir cache', 'StateDir state', 'TempDir tmp', 'ErrorLog log/error_log', 'AccessLog log/access_log', 'PageLog log/page_log']
      .map((l) => (l === 'ServerRoot' ? `ServerRoot ${dir}` : l.replace(/ (\S+)$/, ` ${dir}/$1`)))
      .join('\n') + '\n',
  )
  const child = spawn('cupsd', ['-f', '-c', path.join(dir, 'cupsd.conf'), '-s', path.join(dir, 'cups-files.conf')], { stdio: 'ignore' })
  const env = { CUPS_SERVER: socket }
  await waitUntil('cupsd', () => {
    try {
      return execFileSync('lpstat', ['-r'], { env: { ...process.env, ...env }, encoding: 'utf8' }).includes('is running')
    } catch {
      return false
    }
  })
  return {
    env,
    addRawQueue: (name, port) => execFileSync('lpadmin', ['-p', name, '-E', '-v', `socket://127.0.0.1:${port}`], { env: { ...process.env, ...env } }),
    stop: stopper(child),
  }
}
