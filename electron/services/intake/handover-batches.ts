// The carriers' pickup batches (handover_batches): closed when the driver takes the parcels.
import type { Database } from 'better-sqlite3'
import type { HandoverBatchView } from '@shared/contract/intake-views'

interface BatchRow {
  id: string
  carrier: string
  driver_at: string
  local_date: string
  closed_at: string
  closed_by: string
  case_ids: string
  refused: string
}

const toView = (r: BatchRow): HandoverBatchView => ({
  id: r.id,
  carrier: r.carrier,
  driverAt: r.driver_at,
  localDate: r.local_date,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  caseIds: JSON.parse(r.case_ids) as string[],
  refused: JSON.parse(r.refused) as HandoverBatchView['refused'],
})

export class HandoverBatches {
  constructor(
    private readonly db: Database,
    private readonly kioskId: string,
  ) {}

  insert(b: HandoverBatchView): void {
    this.db
      .prepare(
        `INSERT INTO handover_batches (id, carrier, driver_at, local_date, closed_at, closed_by, kiosk_id, case_ids, refused)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(b.id, b.carrier, b.driverAt, b.localDate, b.closedAt, b.closedBy, this.kioskId, JSON.stringify(b.caseIds), JSON.stringify(b.refused))
  }

  onDate(localDate: string): HandoverBatchView[] {
    return (this.db.prepare('SELECT * FROM handover_batches WHERE local_date = ? ORDER BY closed_at DESC').all(localDate) as BatchRow[]).map(toView)
  }
}
