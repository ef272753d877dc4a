// Finds one customer's data on this kiosk and assembles the GDPR access document. Read-only:
// the privacy service records the export. A customer is reached through an order (the manifest
// holds the name; cases hold the order number), found by any of its codes, a case number, or
// the customer's name.
import { existsSync, readFileSync } from 'node:fs'
import type { Database, Statement } from 'better-sqlite3'
import type { CustomerExport, CustomerMatch, ExportedCase } from '@shared/contract/privacy-views'
import type { ManifestRecord } from '@shared/manifest/record'
import type { PhotoMime, PhotoStore } from '../photos/photo-store'
import type { OrdersCache } from '../store/orders-cache'

const MAX_MATCHES = 20

function customerName(record: ManifestRecord | undefined): string | null {
  const c = record?.customer
  const name = [c?.firstName, c?.lastName].filter(Boolean).join(' ')
  return name || null
}

export class CustomerData {
  private readonly s: Record<string, Statement>

  constructor(
    db: Database,
    private readonly orders: OrdersCache,
    private readonly photos: PhotoStore,
  ) {
    this.s = {
      byCaseRef: db.prepare('SELECT DISTINCT order_number AS orderNumber FROM cases WHERE order_number = ? OR case_number = ? LIMIT 5'),
      cases: db.prepare(
        `SELECT c.id AS caseId, c.case_number AS caseNumber, c.status, x.reason, x.at AS erasedAt
         FROM cases c LEFT JOIN erased_cases x ON x.case_id = c.id WHERE c.order_number = ? ORDER BY c.started_at`,
      ),
      events: db.prepare('SELECT id, case_seq AS caseSeq, type, payload, actor, kiosk_id AS kioskId, at FROM events WHERE case_id = ? ORDER BY case_seq'),
      photos: db.prepare('SELECT sha256, purpose, shot, mime, captured_at AS capturedAt FROM photos WHERE case_id = ? ORDER BY captured_at, shot'),
      pin: db.prepare('SELECT 1 FROM case_secrets WHERE case_id = ?'),
    }
  }

  /** The orders (with their cases) that the query names; the query itself is never recorded. */
  find(query: string): CustomerMatch[] {
    const found = new Map<string, ManifestRecord | undefined>()
    const byCode = this.orders.findByCode(query)
    if (byCode) found.set(byCode.record.orderNumber, byCode.record)
    for (const o of this.orders.search(query, MAX_MATCHES)) found.set(o.record.orderNumber, o.record)
    for (const r of this.s.byCaseRef!.all(query.trim(), query.trim()) as Array<{ orderNumber: string }>) {
      if (!found.has(r.orderNumber)) found.set(r.orderNumber, this.orders.get(r.orderNumber)?.record)
    }
    return [...found.entries()].slice(0, MAX_MATCHES).map(([orderNumber, record]) => ({
      orderNumber,
      customerName: customerName(record),
      cases: this.casesOf(orderNumber).map((c) => ({ caseId: c.caseId, caseNumber: c.caseNumber, status: c.status, erased: c.reason !== null })),
    }))
  }

  /** True when the kiosk holds the order or a case of it. */
  knows(orderNumber: string): boolean {
    return this.orders.get(orderNumber) !== null || this.casesOf(orderNumber).length > 0
  }

  casesOf(orderNumber: string): Array<{ caseId: string; caseNumber: string; status: string; reason: 'retention' | 'request' | null; erasedAt: string | null }> {
    return this.s.cases!.all(orderNumber) as ReturnType<CustomerData['casesOf']>
  }

  /** Everything held about the order's customer: the order, each case's events and photos. */
  exportOf(orderNumber: string, kioskId: string, at: string): CustomerExport {
    const cases: ExportedCase[] = this.casesOf(orderNumber).map((c) => ({
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      status: c.status,
      events: (this.s.events!.all(c.caseId) as Array<ExportedCase['events'][number] & { payload: string }>).map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown })),
      photos: (this.s.photos!.all(c.caseId) as Array<Omit<ExportedCase['photos'][number], 'data'>>).map((p) => {
        const file = this.photos.pathOf(p.sha256, p.mime as PhotoMime)
        return { ...p, data: existsSync(file) ? readFileSync(file).toString('base64') : null }
      }),
      unlockPinHeld: this.s.pin!.get(c.caseId) !== undefined,
      erased: c.reason && c.erasedAt ? { reason: c.reason, at: c.erasedAt } : null,
    }))
    const safeName = orderNumber.replace(/[^A-Za-z0-9-]/g, '_')
    return {
      format: 'dropdesk.customer-export.v1',
      exportedAt: at,
      kioskId,
      orderNumber,
      order: this.orders.get(orderNumber)?.record ?? null,
      cases,
      fileName: `dropdesk-export-${safeName}-${at.slice(0, 10)}.json`,
    }
  }
}
