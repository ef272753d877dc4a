// Starts the browser-mode host (the built out/main/serve.js) as a real child process on a
// free loopback port, and reads the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { onTestFailure, stopAfter } from './cleanup'

export interface RunningHost {
  url: string
  origin: string
  token: string
  process: ChildProcess
  output: () => string
  /** The first supervisor's PIN: printed on a data dir's first start only, so passed on to later starts. */
  supervisorPin?: string
  kill(signal?: NodeJS.Signals): Promise<void>
}

const root = path.resolve(__dirname, '../..')

/** First-run PINs seen per data dir, for a later start on the same dir that did not pass one. */
const pinsByDataDir = new Map<string, string>()

export function startHost(args: { dataDir: string; port?: number; manifest?: string; env?: NodeJS.ProcessEnv; supervisorPin?: string }): Promise<RunningHost> {
  const outDir = path.resolve(root, process.env.DROPDESK_OUT_DIR ?? 'out')
  const argv = [path.join(outDir, 'main/serve.js'), '--data-dir', args.dataDir, '--port', String(args.port ?? 0)]
  if (args.manifest) argv.push('--manifest', args.manifest)
  // The host's logs come back on its stderr into `out`, shown only if the test fails.
  const child = spawn(process.execPath, argv, { cwd: root, env: { ...process.env, DROPDESK_LOG_CONSOLE: '', ...args.env }, stdio: ['ignore', 'pipe', 'pipe'] })
  stopAfter(child)
  let out = ''
  onTestFailure(() => `host on ${args.dataDir} (pid ${child.pid}), its last output:\n${out.split('\n').slice(-60).join('\n')}`)
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s:\n${out}`)), 30_000)
    let ready = false
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (!ready) reject(new Error(`host exited with ${code}:\n${out}`))
    })
    child.stdout.on('data', () => {
      const m = /open (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(out)
      if (!m || ready) return
      ready = true
      clearTimeout(timer)
      resolve({
        url: `${m[1]}/#token=${m[2]}`,
        origin: m[1]!,
        token: m[2]!,
        process: child,
        output: () => out,
        supervisorPin: firstRunPin(out, args.dataDir) ?? args.supervisorPin ?? pinsByDataDir.get(args.dataDir),
        kill: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          await exited
        },
      })
    })
  })
}

function firstRunPin(out: string, dataDir: string): string | undefined {
  const pin = /first-run supervisor PIN: (\d{6})/.exec(out)?.[1]
  if (pin) pinsByDataDir.set(dataDir, pin)
  return pin
}
