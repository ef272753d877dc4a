// A kiosk store with one expected return and its case started, for the printing tests: a real
// SQLite file, the order put in the orders cache, the case recorded through the case recorder.
import path from 'node:path'
import type { ManifestRecord } from '../../shared/manifest/record'
import { CaseQueries } from '../../electron/services/cases/case-queries'
import { CaseRecorder } from '../../electron/services/cases/case-recorder'
import { startCase } from '../../electron/services/cases/start-case'
import { openStore, type Store } from '../../electron/services/store'
import { makeRecord } from './manifest-factory'

export interface PrintFixture {
  store: Store
  record: ManifestRecord
  caseId: string
  caseNumber: string
  addCase(i: number): { caseId: string; caseNumber: string; record: ManifestRecord }
}

export const FIXED_NOW = new Date('2026-11-22T09:30:00Z')

export function openPrintFixture(dataDir: string, i = 7, kioskId = 'K7QX2'): PrintFixture {
  const store = openStore(dataDir)
  const now = () => FIXED_NOW
  // Started as the counter starts a case (cases/start-case.ts): the case number is the day's next.
  const cases = { store, kioskId, timeZone: 'UTC', now, recorder: new CaseRecorder(store, kioskId, now), caseQueries: new CaseQueries(store.db, store) }
  const addCase = (n: number) => {
    const record = makeRecord(n, { category: 'smartphone', caseType: 'withdrawal' })
    store.orders.put(record, JSON.stringify(record), 'import', FIXED_NOW.toISOString())
    const { state } = startCase(cases, { record, via: 'scan' }, 'staff-1')
    return { caseId: state.id, caseNumber: state.caseNumber, record }
  }
  const first = addCase(i)
  return { store, record: first.record, caseId: first.caseId, caseNumber: first.caseNumber, addCase }
}

export function dataDirIn(dir: string): string {
  return path.join(dir, 'data')
}
