// The built app in browser mode (out/main/serve.js) on a data dir, and Debian's Chromium: the
// screenshot run's own, kept apart from the tests' helpers (those register with the test runner).
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export interface App {
  origin: string
  token: string
  supervisorPin?: string
  kill(): Promise<void>
}

export function launchChromium(extraArgs: string[]): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs],
  })
}

export function startApp(root: string, dataDir: string): Promise<App> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), '--data-dir', dataDir, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}:\n${out}`)))
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /open (http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(out)
      if (!m) return
      resolve({
        origin: m[1]!,
        token: m[2]!,
        supervisorPin: /first-run supervisor PIN: (\d{6})/.exec(out)?.[1],
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          await exited
        },
      })
    })
  })
}
