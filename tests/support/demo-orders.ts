// The embedded demo manifest (resources/demo), as the end-to-end tests pick their orders from it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ManifestRecord } from '../../shared/manifest/record'

const demoDir = path.resolve(__dirname, '../../resources/demo')

export const demoOrders: ManifestRecord[] = readFileSync(path.join(demoDir, 'manifest.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as ManifestRecord)

/** The day the demo's dates are written against (shifted to today when the app loads them). */
export const demoAnchorDate: string = (JSON.parse(readFileSync(path.join(demoDir, 'anchor.json'), 'utf8')) as { anchorDate: string }).anchorDate

export function demoOrder(orderNumber: string): ManifestRecord {
  const o = demoOrders.find((r) => r.orderNumber === orderNumber)
  if (!o) throw new Error(`demo order ${orderNumber} is gone from resources/demo/manifest.jsonl`)
  return o
}
