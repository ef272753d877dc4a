// The operator command as users run it: the built CLI (validation in the main thread, writes
// in its worker thread) on a file with good and bad lines.
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
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
    expect(r.stdout).toMatch(/line 12002: `orderDate` must be an ISO date/)
    const store = openStore(path.join(dir, 'data'))
    expect(store.orders.count()).toBe(12_000)
    expect(store.orders.findByCode(makeRecord(11_999).returnRequest?.trackingNumber ?? makeRecord(11_999).orderNumber)?.record.orderNumber).toBe(makeRecord(11_999).orderNumber)
    store.close()
  })

  it('says what is wrong with the command line, and never picks a data dir by itself', () => {
    const dir = tempDir()
    const home = path.join(dir, 'home')
    const env = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, '.local/share'), DROPDESK_DATA_DIR: '' }
    const r = spawnSync(process.execPath, [cli, '/nonexistent.jsonl', '--data-dir', path.join(dir, 'data')], { encoding: 'utf8', env })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('/nonexistent.jsonl does not exist')
    const r2 = spawnSync(process.execPath, [cli], { encoding: 'utf8', env })
    expect(r2.status).toBe(2)
    expect(r2.stderr).toMatch(/usage: npm run manifest:import/)
    const good = path.join(dir, 'good.jsonl')
    writeFileSync(good, JSON.stringify(makeRecord(1)))
    const r3 = spawnSync(process.execPath, [cli, good], { encoding: 'utf8', env })
    expect(r3.status).toBe(2)
    expect(r3.stderr).toMatch(/Which kiosk\? Name its data dir with --data-dir/)
    expect(existsSync(home)).toBe(false)
  })

  it('exit code 0 when all is imported, 2 when nothing is or the file is refused; a refusal on stderr, its bytes escaped', () => {
    const dir = tempDir()
    const data = path.join(dir, 'data')
    const run = (name: string, content: string | Buffer) => {
      const file = path.join(dir, name)
      writeFileSync(file, content)
      return spawnSync(process.execPath, [cli, file, '--data-dir', data], { encoding: 'utf8' })
    }
    const ok = run('ok.jsonl', `${JSON.stringify(makeRecord(1))}\n${JSON.stringify(makeRecord(2))}\n`)
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('Imported 2 records (2 new orders) from 2 lines')
    const empty = run('empty.jsonl', '')
    expect(empty.status).toBe(2)
    expect(empty.stderr).toMatch(/^Nothing imported from .*empty\.jsonl: .* is empty: there is nothing to import/)
    const binary = run('bin.jsonl', Buffer.from('\x7fELF\x02\x01\x01\x00\x1b]0;title\x07\x1b[2J\n\x00\x00', 'latin1'))
    expect(binary.status).toBe(2)
    expect(binary.stderr).toMatch(/looks like a binary file/)
    expect(binary.stdout + binary.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
    const allBad = run('bad.jsonl', '{"orderNumber":"BM-1"}\n')
    expect(allBad.status).toBe(2)
    expect(allBad.stdout).toContain('Nothing was imported: correct the lines above')
    expect(openStoreCount(data)).toBe(2)
  })
})

function openStoreCount(dataDir: string): number {
  const store = openStore(dataDir)
  try {
    return store.orders.count()
  } finally {
    store.close()
  }
}
