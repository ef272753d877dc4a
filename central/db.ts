// PostgreSQL access: a pool, and numbered SQL migrations (migrations/NNN-name.sql) applied in
// order, each in its own transaction, recorded in schema_migrations. An advisory lock keeps two
// central processes starting at once from applying the same migration twice.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

export type Db = pg.Pool

export function openDb(databaseUrl: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max })
  // An idle client losing its connection must not crash the service; the next query reconnects.
  pool.on('error', () => {})
  return pool
}

// Beside this file; from the project root when a loader gives this module no real __dirname.
const MIGRATIONS_DIR = [path.join(__dirname, 'migrations'), path.resolve('central', 'migrations')].find((d) => existsSync(d)) ?? path.join(__dirname, 'migrations')

export interface MigrationFile {
  version: number
  name: string
  sql: string
}

export function migrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort()
  return files.map((f, i) => {
    const version = Number(f.slice(0, 3))
    if (version !== i + 1) throw new Error(`central migrations must be numbered 001, 002…: found ${f} at position ${i + 1}`)
    return { version, name: f.slice(4, -4), sql: readFileSync(path.join(dir, f), 'utf8') }
  })
}

/** Applies the migrations not yet recorded; returns the versions applied now. */
export async function migrate(db: Db, files = migrationFiles()): Promise<number[]> {
  const client = await db.connect()
  const applied: number[] = []
  try {
    await client.query('SELECT pg_advisory_lock(7301)')
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    for (const m of files) {
      if (done.has(m.version)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
        await client.query('COMMIT')
        applied.push(m.version)
      } catch (e) {
        await client.query('ROLLBACK')
        throw e
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7301)').catch(() => {})
    client.release()
  }
  return applied
}

/** Runs `fn` in one transaction on one client. */
export async function inTransaction<T>(db: Db, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    client.release()
  }
}
