// A kiosk store with one expected return and its case started, for the printing tests: a real
// SQLite file, the order put in the orders cache, the case recorded through the case recorder.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { ManifestRecord } from '../../shared/manifest/record'
import { CaseRecorder } from '../../electron/services/cases/case-recorder'
import { openStore, type Store } from '../../electron/services/store'
import { makeRecord } from './manifest-factory'

export interface PrintFixture {
  store: Store
  record: ManifestRecord
  caseId: string
  caseNumber: string
  addCase(i: number, caseNumber: string): { caseId: string; record: ManifestRecord }
}

export const FIXED_NOW = new Date('2026-11-22T09:30:00Z')

export function openPrintFixture(dataDir: string, i = 7, kioskId = 'K7QX2'): PrintFixture {
  const store = openStore(dataDir)
  const recorder = new CaseRecorder(store, kioskId, () => FIXED_NOW)
  const addCase = (n: number, caseNumber: string) => {
    const record = makeRecord(n, { category: 'smartphone', caseType: 'withdrawal' })
    store.orders.put(record, JSON.stringify(record), 'import', FIXED_NOW.toISOString())
    const caseId = randomUUID()
    recorder.record(
      caseId,
      [
        { type: 'case.started', payload: { caseNumber, orderNumber: record.orderNumber, caseType: record.returnRequest?.type ?? 'warranty_repair', via: 'scan' } },
        { type: 'order.verified', payload: { orderNumber: record.orderNumber } },
      ],
      'staff-1',
    )
    return { caseId, record }
  }
  const caseNumber = `${kioskId}-261122-001`
  const first = addCase(i, caseNumber)
  return { store, record: first.record, caseId: first.caseId, caseNumber, addCase }
}

export function dataDirIn(dir: string): string {
  return path.join(dir, 'data')
}
