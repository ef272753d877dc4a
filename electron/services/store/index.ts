// The kiosk's store: one SQLite file under the data dir, opened with durable settings.
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { CasesProjection } from './cases-projection'
import { DB_FILE, openDatabase } from './database'
import { EventLog } from './event-log'
import { OrdersCache } from './orders-cache'
import { Settings } from './settings'

export interface Store {
  db: Database
  events: EventLog
  cases: CasesProjection
  orders: OrdersCache
  settings: Settings
  close(): void
}

export function openStore(dataDir: string): Store {
  const db = openDatabase(path.join(dataDir, DB_FILE))
  return {
    db,
    events: new EventLog(db),
    cases: new CasesProjection(db),
    orders: new OrdersCache(db),
    settings: new Settings(db),
    close: () => db.close(),
  }
}
