// What a restart of the built browser-mode host costs (spawn to "ready"): the figure that sets
// the pace of the SIGKILL storm (tests/integration/sigkill-storm.test.ts), which restarts the
// host after every kill. For comparison, a bare `node` start and the cost of loading each heavy
// dependency the host loads at start-up, each in a fresh process. Figures only.
// BENCH_STARTS (default 10) starts per figure.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startHost } from '../support/host'

const STARTS = Number(process.env.BENCH_STARTS ?? 10)
const DEPENDENCIES = ['zod', 'pdf-lib', 'bwip-js/node', 'pino', 'ws', 'better-sqlite3']

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const max = (xs: number[]) => Math.max(...xs)
const figure = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, max ${max(xs).toFixed(0)} ms (${xs.length} runs)`

function times(n: number, once: () => number): number[] {
  return Array.from({ length: n }, once)
}

function bareNode(): number {
  const t = performance.now()
  spawnSync(process.execPath, ['-e', ''])
  return performance.now() - t
}

function loadOne(name: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(name)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`
  return Number(spawnSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..') }).stdout.toString())
}

async function hostStarts(dataDir: string, n: number, signal: NodeJS.Signals): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    const host = await startHost({ dataDir })
    ms.push(performance.now() - t)
    await host.kill(signal)
  }
  return ms
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-bench-start-'))
  try {
    console.log(`bare node start: ${figure(times(STARTS, bareNode))}`)
    for (const name of DEPENDENCIES) console.log(`require('${name}') in a fresh process: ${figure(times(STARTS, () => loadOne(name)))}`)
    const dataDir = path.join(dir, 'data')
    console.log(`host first start (new data dir): ${figure(await hostStarts(dataDir, 1, 'SIGTERM'))}`)
    console.log(`host restart after SIGTERM: ${figure(await hostStarts(dataDir, STARTS, 'SIGTERM'))}`)
    console.log(`host restart after SIGKILL: ${figure(await hostStarts(dataDir, STARTS, 'SIGKILL'))}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
