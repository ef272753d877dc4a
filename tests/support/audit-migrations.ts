// The registered migrations up to a version: a database as an older DropDesk left it (e.g. 4,
// before the audit chain of migration 005), to be migrated further by the test.
import type { Migration } from '../../electron/services/store/migrate'
import { migrations } from '../../electron/services/store/migrations'

export function migrationsThrough(version: number): Migration[] {
  const list = migrations.filter((m) => m.version <= version)
  if (list.length !== version) throw new Error(`migrations 1–${version} are not all registered`)
  return list
}
