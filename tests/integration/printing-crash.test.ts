// Kill the queue's process (SIGKILL, like a power cut) between "sent" and "acknowledged", and
// after the acknowledgement: on restart, the job is neither lost nor printed again once
// acknowledged. Before the acknowledgement the printer may or may not have printed it, so the
// job is sent again: at least once until acknowledged, never again after.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { PrintingSettings } from '../../shared/contract/printing-views'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { openPrintFixture } from '../support/print-fixture'
import { waitFor } from '../support/printing-service-fixture'
import { tempDir } from '../support/temp-dir'

const root = path.resolve(__dirname, '../..')
const children: ChildProcess[] = []
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  for (const f of cleanups.splice(0)) await f()
})

function startQueueProcess(dataDir: string, caseId?: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/print-queue-child.ts'), dataDir, ...(caseId ? [caseId] : [])], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.node.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return child
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

interface JobRow {
  state: string
  attempts: number
}

async function setUp() {
  const zebra = await new FakeRawPrinter('zpl').start()
  const dataDir = path.join(tempDir(), 'data')
  const fx = openPrintFixture(dataDir)
  const settings: PrintingSettings = {
    locale: 'en',
    printers: [{ id: 'zebra', name: 'Zebra', language: 'zpl', transport: { kind: 'raw9100', host: '127.0.0.1', port: zebra.port }, labelSize: '4x6', dpi: 203 }],
    assignments: { caseLabel: 'zebra' },
  }
  fx.store.settings.set('printing.settings', settings)
  const caseId = fx.caseId
  fx.store.close()
  // The test's own read-only view of the same SQLite file.
  const db = new BetterSqlite3(path.join(dataDir, 'dropdesk.sqlite'), { readonly: true })
  cleanups.push(() => db.close(), () => zebra.stop())
  const jobs = () => db.prepare('SELECT state, attempts FROM print_jobs').all() as JobRow[]
  return { zebra, dataDir, caseId, jobs }
}

describe('print queue across a crash', () => {
  it('killed between "sent" and "acknowledged": on restart the job is sent again and acknowledged once', async () => {
    const { zebra, dataDir, caseId, jobs } = await setUp()
    zebra.silentAfterJobs = 1 // takes the job, never acknowledges it
    const first = startQueueProcess(dataDir, caseId)
    await waitFor('the job to be sent', () => jobs()[0]?.state === 'sent', 30_000)
    expect(zebra.jobs).toHaveLength(1)
    await killed(first)
    expect(jobs()).toEqual([{ state: 'sent', attempts: 1 }])

    zebra.silentAfterJobs = Infinity
    startQueueProcess(dataDir)
    await waitFor('the job to be acknowledged', () => jobs()[0]?.state === 'acknowledged', 30_000)
    expect(jobs()).toEqual([{ state: 'acknowledged', attempts: 2 }])
    expect(zebra.jobs).toHaveLength(2)
    expect(zebra.jobs[1]).toEqual(zebra.jobs[0])
  })

  it('killed right after the acknowledgement: on restart nothing is printed again', async () => {
    const { zebra, dataDir, caseId, jobs } = await setUp()
    const first = startQueueProcess(dataDir, caseId)
    await waitFor('the job to be acknowledged', () => jobs()[0]?.state === 'acknowledged', 30_000)
    await killed(first)
    const second = startQueueProcess(dataDir)
    await new Promise<void>((resolve) => second.stdout!.on('data', (d: Buffer) => d.toString().includes('running') && resolve()))
    await new Promise((r) => setTimeout(r, 500))
    expect(zebra.jobs).toHaveLength(1)
    expect(jobs()).toEqual([{ state: 'acknowledged', attempts: 1 }])
  })
})
