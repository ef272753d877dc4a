// The record of each manifest import (migration 010), and the last one for the diagnostics
// screen. Only the file's name is kept: its folder may name a person (a home directory).
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import type { ManifestImportView } from '@shared/contract/import-views'
import type { ImportReport } from './manifest-import'

const KEEP_REJECTED = 100

export function recordImport(db: Database, file: string, report: ImportReport, at: Date): void {
  db.prepare(
    `INSERT INTO manifest_imports (at, file_name, refused, lines, imported, added, rejected_count, rejected, ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at.toISOString(),
    path.basename(file),
    report.refused,
    report.lines,
    report.imported,
    report.added,
    report.rejectedCount,
    JSON.stringify(report.rejected.slice(0, KEEP_REJECTED)),
    report.ms,
  )
}

export function lastImport(db: Database): ManifestImportView | null {
  const row = db.prepare('SELECT * FROM manifest_imports ORDER BY id DESC LIMIT 1').get() as
    | { at: string; file_name: string; refused: string | null; lines: number; imported: number; added: number; rejected_count: number; rejected: string }
    | undefined
  if (!row) return null
  return {
    at: row.at,
    fileName: row.file_name,
    refused: row.refused,
    lines: row.lines,
    imported: row.imported,
    added: row.added,
    rejectedCount: row.rejected_count,
    rejected: JSON.parse(row.rejected) as ManifestImportView['rejected'],
  }
}
