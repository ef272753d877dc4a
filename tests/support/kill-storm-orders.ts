// The kill storm's expected returns: factory records of every device category, repairs and
// withdrawals, dated so that each one goes straight through on the host's real clock (delivered
// 10 days ago, label requested 2 days ago), so any refusal the storm meets is a finding.
import { writeFileSync } from 'node:fs'
import { addDays } from '@shared/domain/dates'
import type { Category, ManifestRecord } from '@shared/manifest/record'
import { makeRecord } from './manifest-factory'

const categories: readonly Category[] = ['smartphone', 'tablet', 'computer', 'smartwatch', 'other']

export function stormOrders(n: number, now = new Date()): ManifestRecord[] {
  const today = now.toISOString().slice(0, 10)
  return Array.from({ length: n }, (_, i) => {
    const r = makeRecord(i, { anchorDate: today, category: categories[i % categories.length]!, caseType: i % 2 ? 'withdrawal' : 'warranty_repair' })
    r.orderDate = addDays(today, -14)
    r.deliveredAt = addDays(today, -10)
    r.returnRequest!.requestedAt = `${addDays(today, -2)}T10:00:00Z`
    return r
  })
}

export function writeOrders(file: string, orders: readonly ManifestRecord[]): void {
  writeFileSync(file, orders.map((r) => JSON.stringify(r)).join('\n') + '\n')
}
