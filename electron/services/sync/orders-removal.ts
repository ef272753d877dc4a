// Removals from the central manifest: an order the centre no longer expects leaves the local
// cache. Only orders that came from the centre are removed (an imported file is the operator's).
import type { Database, Statement } from 'better-sqlite3'

export class CentralOrderRemoval {
  private readonly stmt: Statement

  constructor(db: Database) {
    this.stmt = db.prepare("DELETE FROM orders WHERE order_number = ? AND source = 'central'")
  }

  /** Call inside the transaction that applies a manifest page. */
  remove(orderNumber: string): boolean {
    return this.stmt.run(orderNumber).changes > 0
  }
}
