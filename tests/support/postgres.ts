// A throw-away PostgreSQL cluster for one test file: initdb into a temp dir owned by the
// `postgres` user (PostgreSQL refuses to run as root), start it on a free loopback port with
// its socket in that dir, and remove everything on stop. Tests get one database per use
// (createDatabase), so one cluster serves a whole file.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface PgCluster {
  port: number
  /** A new empty database on the cluster; its connection URL. */
  createDatabase(name?: string): Promise<string>
  stop(): void
}

function binDir(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim()
  if (onPath) return path.dirname(onPath)
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin')
  throw new Error('PostgreSQL binaries not found: install the `postgresql` Debian package (.ci/run does).')
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

function ids(user: string): { uid: number; gid: number } {
  return { uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })) }
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = binDir()
  const root = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-pg-'))
  chmodSync(root, 0o755)
  const data = path.join(root, 'data')
  const asRoot = process.getuid?.() === 0
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd)
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`)
  }
  let port = 0
  try {
    if (asRoot) {
      const { uid, gid } = ids('postgres')
      chownSync(root, uid, gid)
    }
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
    // The free port is found by closing a listener, so another test process may take it before
    // the server binds: then the server's log says so, and a new port is tried (up to 5 times).
    for (let attempt = 1; ; attempt++) {
      port = await freePort()
      const log = path.join(root, `log-${attempt}`)
      const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
      try {
        run('pg_ctl', ['-D', data, '-o', opts, '-l', log, '-w', '-t', '60', 'start'])
        break
      } catch (e) {
        const said = existsSync(log) ? readFileSync(log, 'utf8') : '(no server log)'
        const portTaken = /could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(said)
        if (!portTaken || attempt === 5) throw new Error(`${(e as Error).message}\nserver log:\n${said.slice(-2000)}`)
      }
    }
  } catch (e) {
    rmSync(root, { recursive: true, force: true })
    throw e
  }
  let n = 0
  let stopped = false
  // A test process that dies before its afterAll must not leave a server running.
  process.once('exit', () => cluster.stop())
  const cluster: PgCluster = {
    port,
    async createDatabase(name = `t${process.pid}_${++n}`) {
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE "${name}"`)
      } finally {
        await admin.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    },
  }
  return cluster
}
