// Small persisted settings (kiosk id, time zone, device configuration…), JSON values by key.
import type { Database, Statement } from 'better-sqlite3'

export class Settings {
  private readonly getStmt: Statement
  private readonly setStmt: Statement

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT value FROM settings WHERE key = ?')
    this.setStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
  }

  get<T>(key: string): T | undefined {
    const row = this.getStmt.get(key) as { value: string } | undefined
    return row ? (JSON.parse(row.value) as T) : undefined
  }

  set<T>(key: string, value: T): void {
    this.setStmt.run(key, JSON.stringify(value))
  }

  /** The stored value, or `make()` stored now (first start). */
  getOrInit<T>(key: string, make: () => T): T {
    const existing = this.get<T>(key)
    if (existing !== undefined) return existing
    const value = make()
    this.set(key, value)
    return value
  }
}
