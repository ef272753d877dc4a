// `npm run serve -- --manifest FILE` prints the same import report as the operator command,
// and the kiosk still starts on the orders it had.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeRecord } from '../support/manifest-factory'
import { startHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

describe('serve --manifest', () => {
  it('prints each rejected line and the counts, then starts', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'today.jsonl')
    const { orderNumber: _, ...noOrderNumber } = makeRecord(3)
    writeFileSync(file, [JSON.stringify(makeRecord(1)), JSON.stringify(noOrderNumber), JSON.stringify(makeRecord(2))].join('\n'))
    const host = await startHost({ dataDir: path.join(dir, 'data'), manifest: file })
    try {
      expect(host.output()).toContain('Imported 2 records (2 new orders) from 3 lines')
      expect(host.output()).toContain('line 2: `orderNumber` is missing: every record needs the marketplace order number')
    } finally {
      await host.kill()
    }
  })

  it('prints a refused file in one line and starts on the orders it had', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'orders.csv')
    writeFileSync(file, 'orderNumber;orderDate\nBM-1;2026-01-01\n')
    const host = await startHost({ dataDir: path.join(dir, 'data'), manifest: file })
    try {
      expect(host.output()).toMatch(/Nothing imported from .*orders\.csv: .* looks like CSV/)
    } finally {
      await host.kill()
    }
  })
})
