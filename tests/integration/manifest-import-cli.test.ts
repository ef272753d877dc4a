// The operator command as users run it: the built CLI (validation in the main thread, writes
// in its worker thread) on a file with good and bad lines.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../electron/services/store'
import { makeRecord } from '../support/manifest-factory'
import { tempDir } from '../support/temp-dir'

const root = path.resolve(__dirname, '../..')
const cli = path.join(path.resolve(root, process.env.DROPDESK_OUT_DIR ?? 'out'), 'main/manifest-import.js')

describe('npm run manifest:import', () => {
  it('imports 12,000 records through the worker, reports counts and each rejected line, exit 3', () => {
    const dir = tempDir()
    const file = path.join(dir, 'm.jsonl')
    const lines = Array.from({ length: 12_000 }, (_, i) => JSON.stringify(makeRecord(i)))
    lines.splice(4, 0, '{oops')
    lines.push(JSON.stringify({ ...makeRecord(99_999), orderDate: 'yesterday' }))
    writeFileSync(file, lines.join('\n'))
    const r = spawnSync(process.execPath, [cli, file, '--data-dir', path.join(dir, 'data')], { encoding: 'utf8' })
    expect(r.status).toBe(3)
    expect(r.stdout).toMatch(/Imported 12000 records \(12000 new orders\) from 12002 lines/)
    expect(r.stdout).toContain('rejected 2.')
    expect(r.stdout).toContain('line 5: not valid JSON')
    expect(r.stdout).toMatch(/line 12002: orderDate: must be an ISO date/)
    const store = openStore(path.join(dir, 'data'))
    expect(store.orders.count()).toBe(12_000)
    expect(store.orders.findByCode(makeRecord(11_999).returnRequest?.trackingNumber ?? makeRecord(11_999).orderNumber)?.record.orderNumber).toBe(makeRecord(11_999).orderNumber)
    store.close()
  })

  it('says what is wrong with the command line', () => {
    const r = spawnSync(process.execPath, [cli, '/nonexistent.jsonl'], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('/nonexistent.jsonl does not exist')
    const r2 = spawnSync(process.execPath, [cli], { encoding: 'utf8' })
    expect(r2.status).toBe(2)
    expect(r2.stderr).toMatch(/usage: npm run manifest:import/)
  })
})
