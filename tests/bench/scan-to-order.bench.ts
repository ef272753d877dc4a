// Scan → order on screen with a full manifest: 1,000,000 orders (BENCH_RECORDS overrides)
// imported through the real CLI, the built browser-mode host, Debian's Chromium; each sample is
// a keyboard-wedge scan (real key events, 5 ms apart) of one order's label code, return id,
// tracking number or order number, timed inside the page from the scanner's Enter to the first
// frame painted with that order's card. The scan goes through the scan router (classifier,
// duplicate filter) and orders.lookup over the WebSocket. Prints p50/p99; asserts nothing.
//
// Every other scan starts from the scan prompt (the card dismissed: the usual walk-up at the
// counter), the others over the previous order's card (a re-scan); both are printed, and
// where the time went (Enter → lookup sent → reply received → order in the DOM → next frame →
// painted). The machine's load average goes with the figures: on a shared machine they move.
// Scans follow each other within tens of milliseconds (far closer than at a real counter), so
// Chromium may still be producing frames for the previous one and the next order then waits
// for the next vsync (up to 16.7 ms) rather than starting a frame at once: conservative.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openApp } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { startHost } from '../support/host'
import { makeRecord, writeManifestFile } from '../support/manifest-factory'
import { armScanStages, SCAN_STAGE_STAMPS, type ScanStages } from '../support/paint-timer'
import { scanWithWedge } from '../support/scanner-keys'

const N = Number(process.env.BENCH_RECORDS ?? 1_000_000)
const SAMPLES = Number(process.env.BENCH_SCANS ?? 200)
const WARM_UP = 6 // the first scans warm up the page and the caches
const outDir = path.resolve(__dirname, '../..', process.env.DROPDESK_OUT_DIR ?? 'out')

type Start = 'prompt' | 'card'
interface Sample extends ScanStages {
  from: Start
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const sorted = (xs: number[]): number[] => xs.filter(Number.isFinite).sort((a, b) => a - b)
const ms = (x: number | undefined): string => (x === undefined ? '–' : `${x.toFixed(1)} ms`)
const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ')

function summary(xs: number[]): string {
  const s = sorted(xs)
  return s.length ? `p50 ${ms(percentile(s, 50))}, p99 ${ms(percentile(s, 99))}, max ${ms(s.at(-1))}` : 'not measured'
}

function printStages(samples: Sample[]): void {
  const stages: Array<[string, (s: Sample) => number]> = [
    ['Enter → lookup sent (wedge, router, store)', (s) => s.sent],
    ['lookup sent → reply received (WebSocket + services)', (s) => s.replied - s.sent],
    ['reply → order in the DOM (store, Vue patch)', (s) => s.inDom - s.replied],
    ['order in the DOM → next frame (vsync wait)', (s) => s.frame - s.inDom],
    ['frame → painted (style, layout, paint, commit)', (s) => s.painted - s.frame],
  ]
  for (const [name, f] of stages) console.log(`  ${name.padEnd(54)} ${summary(samples.map(f))}`)
}

async function main(): Promise<void> {
  const work = path.join(os.tmpdir(), `dropdesk-bench-scan-${process.pid}`)
  mkdirSync(work, { recursive: true })
  const browser = await launchChromium()
  try {
    const file = path.join(work, 'manifest.jsonl')
    await writeManifestFile(file, N)
    const dataDir = path.join(work, 'data')
    const r = spawnSync(process.execPath, [path.join(outDir, 'main/manifest-import.js'), file, '--data-dir', dataDir], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stdout}${r.stderr}`)
    rmSync(file)
    console.log(`imported ${N.toLocaleString('en')} orders`)

    const host = await startHost({ dataDir })
    try {
      const page = await openApp(browser, host, { initScript: SCAN_STAGE_STAMPS })
      const card = page.locator('[data-test=order-card]')
      const samples: Sample[] = []
      const loadBefore = load()
      for (let k = 0; k < SAMPLES + WARM_UP; k++) {
        if (k % 2 === 1 && (await card.count()) > 0) {
          await page.locator('[data-test=dismiss]').click()
          await page.locator('[data-test=search-input]').waitFor()
        }
        const from: Start = (await card.count()) > 0 ? 'card' : 'prompt'
        const rec = makeRecord(Math.floor(Math.random() * N))
        const keys = [rec.returnRequest?.labelCode, rec.returnRequest?.id, rec.returnRequest?.trackingNumber, rec.orderNumber].filter(Boolean) as string[]
        const code = keys[Math.floor(k / 2) % keys.length]!
        const measure = await armScanStages(page, `[data-order="${rec.orderNumber}"]`)
        await scanWithWedge(page, code, 5)
        const stages = await measure()
        if (k === 0) {
          const { sent, replied, inDom, painted } = stages
          console.log(`first scan after sign-in (cold page and host, not in the figures below): ${ms(painted)} (reply ${ms(replied - sent)}, to DOM ${ms(inDom - replied)}, to paint ${ms(painted - inDom)})`)
        }
        if (k >= WARM_UP) samples.push({ ...stages, from })
      }
      const all = samples.map((s) => s.painted)
      console.log(
        `scanner Enter → order painted, ${N.toLocaleString('en')} orders, ${samples.length} scans: ` +
          `p50 ${percentile(sorted(all), 50).toFixed(1)} ms, p99 ${percentile(sorted(all), 99).toFixed(1)} ms, max ${sorted(all).at(-1)!.toFixed(1)} ms (target p99 ≤ 50 ms)`,
      )
      console.log(`  load average (1, 5, 15 min): ${loadBefore} before, ${load()} after; ${os.cpus().length} CPUs`)
      for (const from of ['prompt', 'card'] as const) {
        const these = samples.filter((s) => s.from === from)
        console.log(`  from the ${from === 'prompt' ? 'scan prompt' : "previous order's card"} (${these.length} scans): ${summary(these.map((s) => s.painted))}`)
      }
      console.log('  where the time goes, per stage:')
      printStages(samples)
    } finally {
      await host.kill()
    }
  } finally {
    await browser.close()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
