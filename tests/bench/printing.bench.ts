// Printing figures: from "print" (the service call) to the printer's acknowledgement over a
// loopback 9100 printer, p50/p95 over 200 jobs, for ZPL labels and ESC/POS slips; then the
// preview render time per document (cold = first render, which loads the ZPL renderer's
// WebAssembly; warm = median of the next 10).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DocumentKind } from '../../shared/contract/printing-views'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { openPrintFixture } from '../support/print-fixture'
import { printingFor } from '../support/printing-service-fixture'

const JOBS = Number(process.env.BENCH_PRINT_JOBS ?? 200)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-bench-print-'))
  const zebra = await new FakeRawPrinter('zpl').start()
  const tm = await new FakeRawPrinter('escpos').start()
  const fx = openPrintFixture(path.join(work, 'data'))
  const { printing } = printingFor(fx.store, { statusTimeoutMs: 2000 })
  try {
    printing.configure({
      locale: 'en',
      printers: [
        { id: 'zebra', name: 'Zebra', language: 'zpl', transport: { kind: 'raw9100', host: '127.0.0.1', port: zebra.port }, labelSize: '4x6', dpi: 203 },
        { id: 'tm', name: 'TM', language: 'escpos', transport: { kind: 'raw9100', host: '127.0.0.1', port: tm.port } },
      ],
      assignments: { caseLabel: 'zebra', orderSlip: 'tm', receipt: 'tm' },
    })
    printing.start()
    for (const [kind, printer] of [['caseLabel', zebra], ['orderSlip', tm]] as const) {
      const samples: number[] = []
      for (let i = 0; i < JOBS; i++) {
        const t = performance.now()
        const job = await printing.print(kind, { caseId: fx.caseId }, 'bench')
        while (printing.queue.get(job.id)?.state !== 'acknowledged') await new Promise((r) => setImmediate(r))
        samples.push(performance.now() - t)
      }
      samples.sort((a, b) => a - b)
      console.log(`${kind}: print → acknowledged over loopback 9100, ${JOBS} jobs: p50 ${fmt(percentile(samples, 50))}, p95 ${fmt(percentile(samples, 95))}, max ${fmt(samples.at(-1)!)} (printer received ${printer.jobs.length})`)
    }

    const previews: [DocumentKind, string, object][] = [
      ['caseLabel', 'case label 4"×6" 203 dpi (ZPL → PNG)', { caseId: fx.caseId }],
      ['orderSlip', 'order slip A6 (PDF → PNG)', { caseId: fx.caseId }],
      ['receipt', 'receipt A6 (PDF → PNG)', { caseId: fx.caseId }],
      ['pickupManifest', 'pickup manifest A4 (PDF → PNG)', { caseIds: [fx.caseId] }],
    ]
    // Slips and receipts preview as PDFs when no receipt printer is assigned to them.
    printing.configure({ ...printing.settings(), assignments: { caseLabel: 'zebra' } })
    for (const [kind, label, params] of previews) {
      let t = performance.now()
      await printing.preview(kind, params as { caseId: string })
      const cold = performance.now() - t
      const warm: number[] = []
      for (let i = 0; i < 10; i++) {
        t = performance.now()
        await printing.preview(kind, params as { caseId: string })
        warm.push(performance.now() - t)
      }
      warm.sort((a, b) => a - b)
      console.log(`preview ${label}: cold ${fmt(cold)}, warm median ${fmt(percentile(warm, 50))}`)
    }
  } finally {
    printing.worker.stop()
    fx.store.close()
    await zebra.stop()
    await tm.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

void main()
