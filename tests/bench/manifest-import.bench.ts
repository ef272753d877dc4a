// Manifest import at scale: 1,000,000 records (override with BENCH_RECORDS) imported through
// the real CLI into a fresh data dir; then order lookups by each of the four keys against
// that cache, through the services' dispatcher.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createServices } from '../../electron/services'
import { makeRecord, writeManifestFile } from '../support/manifest-factory'
import { signedInSession } from '../support/staff-session'

const N = Number(process.env.BENCH_RECORDS ?? 1_000_000)
const root = path.resolve(__dirname, '../..')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function main(): Promise<void> {
  const work = path.join(os.tmpdir(), `dropdesk-bench-import-${process.pid}`)
  mkdirSync(work, { recursive: true })
  try {
    const file = path.join(work, 'manifest.jsonl')
    let t = performance.now()
    await writeManifestFile(file, N)
    console.log(`generated ${N.toLocaleString('en')} records (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`)

    const dataDir = path.join(work, 'data')
    t = performance.now()
    const r = spawnSync(process.execPath, [path.join(path.resolve(root, process.env.DROPDESK_OUT_DIR ?? 'out'), 'main/manifest-import.js'), file, '--data-dir', dataDir], { encoding: 'utf8' })
    const seconds = (performance.now() - t) / 1000
    if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stdout}${r.stderr}`)
    console.log(r.stdout.trim())
    console.log(`manifest:import of ${N.toLocaleString('en')} records: ${seconds.toFixed(1)} s wall (${Math.round(N / seconds).toLocaleString('en')} records/s), on ${os.cpus().length} cores`)

    const services = await createServices({ dataDir, transport: 'browser', timeZone: 'Europe/Paris' })
    const session = await signedInSession(services)
    const samples: number[] = []
    for (let i = 0; i < 2_000; i++) {
      const rec = makeRecord(Math.floor(Math.random() * N))
      const keys = [rec.returnRequest?.labelCode, rec.returnRequest?.id, rec.returnRequest?.trackingNumber, rec.orderNumber].filter(Boolean) as string[]
      const code = keys[i % keys.length]!
      const t0 = performance.now()
      const res = await services.dispatch('orders.lookup', { code }, session)
      samples.push(performance.now() - t0)
      if (!res.ok) throw new Error(`lookup of ${code} failed: ${res.error.message}`)
    }
    samples.sort((a, b) => a - b)
    console.log(`orders.lookup with ${N.toLocaleString('en')} orders (service side): p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms`)
    services.close()
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
