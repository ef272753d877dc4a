// `app.diagnostics` against real services on a real data dir: supervisor only, and the figures
// are the real ones (SQLite's version, the data dir, event counts, disk space). Probes, the
// extension point for device and printer modules, are asked with a time limit and a failing or
// hanging one becomes a line, not a failed screen.
import { statSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DiagnosticsView } from '@shared/contract/diagnostics-views'
import type { StaffPinResult } from '@shared/contract/staff-views'
import { createServices } from '../../electron/services'
import { runProbes } from '../../electron/services/diagnostics/probes'
import type { Session } from '../../electron/services/session'
import { DB_FILE } from '../../electron/services/store/database'
import { migrations } from '../../electron/services/store/migrations'
import type { Services } from '../../electron/services/types'
import { tempDir } from '../support/temp-dir'

let services: Services
let dataDir: string

async function signedIn(pin: string): Promise<Session> {
  const session = services.openSession()
  const r = await services.dispatch('session.signIn', { pin }, session)
  if (!r.ok) throw new Error(r.error.message)
  return session
}

beforeAll(async () => {
  dataDir = tempDir()
  services = await createServices({ dataDir, transport: 'browser' })
})
afterAll(() => services?.close())

describe('app.diagnostics', () => {
  it('is refused to anyone but a supervisor', async () => {
    const anonymous = await services.dispatch('app.diagnostics', {}, services.openSession())
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const supervisor = await signedIn(services.firstRunSupervisorPin!)
    const added = await services.dispatch('staff.add', { name: 'Counter Staff', role: 'staff' }, supervisor)
    expect(added.ok).toBe(true)
    const staff = await signedIn((added as { value: StaffPinResult }).value.generatedPin!)
    expect(await services.dispatch('app.diagnostics', {}, staff)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('reports versions, data dir, disk, database and sync as they are', async () => {
    const r = await services.dispatch('app.diagnostics', {}, await signedIn(services.firstRunSupervisorPin!))
    if (!r.ok) throw new Error(r.error.message)
    const d = r.value as DiagnosticsView
    const raw = new BetterSqlite3(':memory:')
    expect(d.versions.sqlite).toBe((raw.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v)
    raw.close()
    expect(d.versions.node).toBe(process.versions.node)
    expect(d.versions.electron).toBeNull()
    expect(d.dataDir).toBe(dataDir)
    expect(d.disk!.freeBytes).toBeGreaterThan(0)
    expect(d.disk!.totalBytes).toBeGreaterThanOrEqual(d.disk!.freeBytes)
    expect(d.database.bytes).toBe(statSync(path.join(dataDir, DB_FILE)).size)
    expect(d.database.schemaVersion).toBe(migrations.length)
    expect(d.database.events).toBe(0)
    expect(d.database.orders).toBeGreaterThan(0) // the demo manifest
    expect(d.sync).toEqual({ configured: false, lastSyncAt: null, detail: 'not configured' })
    expect(Array.isArray(d.probes)).toBe(true)
  })

  it('reports the last sync once sync is configured', async () => {
    const supervisor = await signedIn(services.firstRunSupervisorPin!)
    const db = new BetterSqlite3(path.join(dataDir, DB_FILE))
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('sync.centralUrl', JSON.stringify('https://central.example'))
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('last.success', '2026-11-22T02:30:05.000Z')").run()
    db.close()
    const r = await services.dispatch('app.diagnostics', {}, supervisor)
    expect(r).toMatchObject({ ok: true, value: { sync: { configured: true, lastSyncAt: '2026-11-22T02:30:05.000Z' } } })
  })

  it('turns a throwing or silent probe into a line of its own', async () => {
    const lines = await runProbes(
      [
        { id: 'scanner', probe: () => ({ id: 'scanner:serial', label: 'Serial scanner', status: 'ok', detail: '/dev/ttyACM0' }) },
        { id: 'printer', probe: () => { throw new Error('CUPS is not running') } },
        { id: 'slow', probe: () => new Promise(() => {}) },
        { id: 'many', probe: async () => [{ id: 'a', label: 'A', status: 'warning', detail: 'paper low' }, { id: 'b', label: 'B', status: 'ok', detail: '' }] },
      ],
      200,
    )
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      ['scanner:serial', 'ok'],
      ['printer', 'error'],
      ['slow', 'unknown'],
      ['a', 'warning'],
      ['b', 'ok'],
    ])
    expect(lines[1]!.detail).toBe('CUPS is not running')
  })
})
