// Migration 1 creates the schema from nothing: migrate to 0, seed (nothing to seed yet),
// migrate to 1, and check every table and index a later step relies on.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/services/store/database'
import { migrate, schemaVersion } from '../../electron/services/store/migrate'
import { migrations } from '../../electron/services/store/migrations'
import { tempDir } from '../support/temp-dir'

describe('migration 001 (initial)', () => {
  it('creates the event log, cases, orders and settings with their lookup indexes', () => {
    const db = openDatabase(path.join(tempDir(), 'k.sqlite'), { targetVersion: 0 })
    expect(schemaVersion(db)).toBe(0)
    migrate(db, migrations, 1)
    expect(schemaVersion(db)).toBe(1)
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index','trigger')").all() as { name: string }[]).map((r) => r.name)
    for (const n of ['events', 'cases', 'orders', 'settings', 'events_no_update', 'events_no_delete', 'orders_label_code', 'orders_rma_id', 'orders_tracking_number', 'orders_order_key']) {
      expect(names).toContain(n)
    }
    // Each of the four keys is answered by an index, not a table scan.
    for (const column of ['label_code', 'rma_id', 'tracking_number', 'order_key']) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT record FROM orders WHERE ${column} = ?`).all('X') as { detail: string }[]
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/)
    }
    db.close()
  })
})
