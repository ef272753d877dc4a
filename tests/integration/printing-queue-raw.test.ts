// The queue against a printer on a real loopback socket: jobs wait while the printer is out of
// paper or open, print exactly once when it is back, and a reprint is recorded as a new job.
import { afterEach, describe, expect, it } from 'vitest'
import type { PrintingSettings } from '../../shared/contract/printing-views'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { openPrintFixture } from '../support/print-fixture'
import { printingFor, waitFor } from '../support/printing-service-fixture'
import { tempDir } from '../support/temp-dir'

const running: { stop(): unknown }[] = []
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop()
})

async function setUp() {
  const zebra = await new FakeRawPrinter('zpl').start()
  const receipt = await new FakeRawPrinter('escpos').start()
  const fx = openPrintFixture(tempDir())
  const { printing, statuses } = printingFor(fx.store)
  running.push(zebra, receipt, { stop: () => printing.worker.stop() }, { stop: () => fx.store.close() })
  const settings: PrintingSettings = {
    locale: 'en',
    printers: [
      { id: 'zebra', name: 'Zebra ZD421', language: 'zpl', transport: { kind: 'raw9100', host: '127.0.0.1', port: zebra.port }, labelSize: '2x1', dpi: 203 },
      { id: 'tm', name: 'Epson TM-T88', language: 'escpos', transport: { kind: 'raw9100', host: '127.0.0.1', port: receipt.port } },
    ],
    assignments: { caseLabel: 'zebra', orderSlip: 'tm', receipt: 'tm' },
  }
  printing.configure(settings)
  printing.start()
  return { zebra, receipt, fx, printing, statuses }
}

describe('print queue over raw TCP 9100', () => {
  it('holds a label while the Zebra is out of paper, then prints it exactly once', async () => {
    const { zebra, fx, printing, statuses } = await setUp()
    zebra.state = 'paper_out'
    const job = await printing.print('caseLabel', { caseId: fx.caseId }, 'staff-1')
    await waitFor('held', () => printing.queue.get(job.id)?.state === 'held')
    expect(zebra.jobs).toHaveLength(0)
    expect(statuses.at(-1)?.status).toBe('paper_out')
    const view = (await printing.checkStatus('zebra'))
    expect(view.status).toBe('paper_out')
    expect(view.help).toMatch(/load a new roll/)
    zebra.state = 'ready'
    await waitFor('acknowledged', () => printing.queue.get(job.id)?.state === 'acknowledged')
    await new Promise((r) => setTimeout(r, 200))
    expect(zebra.jobs).toHaveLength(1)
    expect(zebra.jobs[0]!.toString('utf8')).toContain(fx.caseNumber)
    expect(statuses.at(-1)?.status).toBe('ready')
    // Printed: the bytes are not kept (a slip may carry a PIN); the job row remains.
    expect(printing.queue.get(job.id)?.payload).toBeNull()
  })

  it('a silent Zebra (no ~HS reply) is offline: the job waits and is not sent', async () => {
    const { zebra, fx, printing } = await setUp()
    zebra.state = 'silent'
    const job = await printing.print('caseLabel', { caseId: fx.caseId }, 'staff-1')
    await waitFor('held', () => printing.queue.get(job.id)?.last_error === 'offline')
    expect(zebra.jobs).toHaveLength(0)
    expect((await printing.checkStatus('zebra')).status).toBe('offline')
    zebra.state = 'ready'
    await waitFor('acknowledged', () => printing.queue.get(job.id)?.state === 'acknowledged')
    expect(zebra.jobs).toHaveLength(1)
  })

  it('ESC/POS: the receipt printer with its cover open holds the slip; DLE EOT says when it is back', async () => {
    const { receipt, fx, printing } = await setUp()
    receipt.state = 'head_open'
    expect((await printing.checkStatus('tm')).status).toBe('head_open')
    const job = await printing.print('orderSlip', { caseId: fx.caseId }, 'staff-1')
    await waitFor('held', () => printing.queue.get(job.id)?.state === 'held')
    receipt.state = 'ready'
    await waitFor('acknowledged', () => printing.queue.get(job.id)?.state === 'acknowledged')
    expect(receipt.jobs).toHaveLength(1)
    const text = receipt.jobs[0]!.toString('latin1')
    expect(text).toContain(fx.record.orderNumber)
    expect(text).toContain(fx.record.customer!.lastName!)
    expect(text).not.toContain('Unlock')
  })

  it('a reprint is a new job that points at the first, and prints once more', async () => {
    const { zebra, fx, printing } = await setUp()
    const first = await printing.print('caseLabel', { caseId: fx.caseId }, 'staff-1')
    await waitFor('first printed', () => printing.queue.get(first.id)?.state === 'acknowledged')
    const again = await printing.reprint(first.id, 'supervisor-2')
    await waitFor('reprinted', () => printing.queue.get(again.id)?.state === 'acknowledged')
    expect(zebra.jobs).toHaveLength(2)
    const history = printing.jobs(fx.caseId)
    expect(history.map((j) => j.reprintOf ?? null)).toEqual([first.id, null])
    expect(printing.queue.get(again.id)?.actor).toBe('supervisor-2')
  })

  it('the unlock PIN comes from the PinSource port and only onto the slip', async () => {
    const receipt = await new FakeRawPrinter('escpos').start()
    const fx = openPrintFixture(tempDir())
    const { printing } = printingFor(fx.store, { pinSource: (id) => (id === fx.caseId ? '2580' : null) })
    running.push(receipt, { stop: () => printing.worker.stop() }, { stop: () => fx.store.close() })
    printing.configure({ locale: 'fr', printers: [{ id: 'tm', name: 'TM', language: 'escpos', transport: { kind: 'raw9100', host: '127.0.0.1', port: receipt.port } }], assignments: { orderSlip: 'tm', receipt: 'tm' } })
    printing.start()
    const slip = await printing.print('orderSlip', { caseId: fx.caseId }, 'staff-1')
    const rcpt = await printing.print('receipt', { caseId: fx.caseId }, 'staff-1')
    await waitFor('both printed', () => printing.queue.get(rcpt.id)?.state === 'acknowledged' && printing.queue.get(slip.id)?.state === 'acknowledged')
    const [slipBytes, receiptBytes] = receipt.jobs.map((b) => b.toString('latin1'))
    expect(slipBytes).toContain('2580')
    expect(slipBytes).toContain('Code / sch\xe9ma de d\xe9verrouillage')
    expect(receiptBytes).not.toContain('2580')
    expect(receiptBytes).toContain('Re\xe7u de d\xe9p\xf4t')
  })
})
