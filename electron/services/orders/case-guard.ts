// An order with a case at this counter is evidence: its case was verified against that record.
// An import may repeat the record unchanged, but changing it is refused and reported, never
// applied silently (the correction comes from the central system, through sync).
import { reason, type Reason } from '@shared/contract/result'
import { printable } from '@shared/manifest/printable'
import type { ManifestRecord } from '@shared/manifest/record'
import type { Store } from '../store'

/** JSON with keys sorted, so two records that differ only in key order compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

/** The dotted paths whose values differ, e.g. ["customer.lastName", "item.imei"]. */
function changedFields(a: unknown, b: unknown, prefix = ''): string[] {
  const isObj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v)
  if (!isObj(a) || !isObj(b)) return canonical(a) === canonical(b) ? [] : [prefix || '(the whole record)']
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)])
  return [...keys].sort().flatMap((k) => changedFields((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k))
}

export class CaseGuard {
  /** Order number → its first case number; only orders with a case (few, next to the manifest). */
  private readonly withCase = new Map<string, string>()

  constructor(private readonly store: Store) {
    const rows = store.db.prepare('SELECT order_number, min(case_number) AS case_number FROM cases GROUP BY order_number').all() as {
      order_number: string
      case_number: string
    }[]
    for (const r of rows) this.withCase.set(r.order_number, r.case_number)
  }

  /** Why this record may not replace the stored one; null when it may. */
  refusal(record: ManifestRecord): Reason | null {
    const caseNumber = this.withCase.get(record.orderNumber)
    if (!caseNumber) return null
    const stored = this.store.orders.get(record.orderNumber)
    if (!stored) return null
    const changed = changedFields(stored.record, record)
    if (!changed.length) return null
    const shown = changed.slice(0, 4).map((f) => `\`${printable(f, 60)}\``).join(', ')
    const orderNumber = printable(record.orderNumber, 64)
    const message = `order ${orderNumber} already has case ${caseNumber} at this counter, so this line may not change it (it changes ${shown}${changed.length > 4 ? ' …' : ''}): the order was kept as it was; a correction to an order in progress comes from the central system`
    return reason('import.orderHasCase', message, { orderNumber, caseNumber, fields: changed.slice(0, 4) })
  }
}
