// The embedded default: with no central system and no imported manifest, the kiosk serves the
// demo manifest so a newcomer can try an intake at once. Its dates are written relative to an
// anchor day and shifted to today at every start, so "expired" stays expired and "fresh" stays
// fresh whatever the day.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { daysBetween, localDate } from '@shared/domain/dates'
import { shiftRecordDates } from '@shared/manifest/shift-dates'
import { resourcesDir } from '../resources'
import type { Store } from '../store'
import { importManifestFile, type ImportReport } from './manifest-import'

export async function loadDemoManifest(store: Store, now: () => Date, timeZone: string): Promise<ImportReport> {
  const dir = path.join(resourcesDir(), 'demo')
  const { anchorDate } = JSON.parse(readFileSync(path.join(dir, 'anchor.json'), 'utf8')) as { anchorDate: string }
  const shift = daysBetween(anchorDate, localDate(now(), timeZone))
  return importManifestFile(store, path.join(dir, 'manifest.jsonl'), {
    source: 'demo',
    now,
    transform: (r) => shiftRecordDates(r, shift),
  })
}

/** True when the cache holds nothing but demo orders (or nothing at all). */
export function servesDemo(store: Store): boolean {
  return store.orders.count() === store.orders.count('demo')
}
