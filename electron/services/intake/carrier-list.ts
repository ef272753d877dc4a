// A supervisor's changes to the counter's carrier list (setting `counter.carriers`, read by
// carriers.ts): added or removed one at a time, checked here, and each change recorded in the
// kiosk's audited staff events (who, when, the list before and after).
import { DomainError, reason } from '@shared/contract/result'
import { carrierKey } from '@shared/domain/handover'
import type { Database } from 'better-sqlite3'
import { StaffStore } from '../staff/staff-store'
import type { Settings } from '../store/settings'
import { CARRIERS_SETTING, configuredCarriers } from './carriers'

/** More would not fit the new-label choice on one screen. */
export const MAX_CARRIERS = 30
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} .&'’-]{0,39}$/u

export interface CarrierListDeps {
  db: Database
  settings: Settings
  kioskId: string
  now: () => Date
}

export class CarrierList {
  private readonly audit: StaffStore

  constructor(private readonly deps: CarrierListDeps) {
    this.audit = new StaffStore(deps.db, deps.kioskId)
  }

  list(): string[] {
    return configuredCarriers(this.deps.settings)
  }

  add(name: string, actor: string): string[] {
    const typed = name.trim().replace(/\s+/g, ' ')
    if (!typed) throw new DomainError('invalid_input', reason('carrier.empty', 'Type the carrier’s name as it is printed on its labels (e.g. “Colissimo”), then add it.'))
    if (!NAME.test(typed)) throw new DomainError('invalid_input', reason('carrier.name', `“${typed}” is not a carrier name: use letters, digits and spaces (up to 40), as on the carrier’s labels.`, { name: typed }))
    const before = this.list()
    const key = carrierKey(typed)
    const same = before.find((c) => c.toLowerCase() === key.toLowerCase())
    if (same) throw new DomainError('conflict', reason('carrier.duplicate', `${same} is already in the list: nothing to add.`, { carrier: same }))
    if (before.length >= MAX_CARRIERS) throw new DomainError('conflict', reason('carrier.full', `The list holds ${MAX_CARRIERS} carriers at most: remove one this counter no longer sees first.`, { max: MAX_CARRIERS }))
    return this.save(before, [...before, key], actor)
  }

  remove(name: string, actor: string): string[] {
    const before = this.list()
    const key = carrierKey(name).toLowerCase()
    const found = before.find((c) => c.toLowerCase() === key)
    if (!found) throw new DomainError('not_found', reason('carrier.unknown', `${name} is not in the list (any more): refresh the screen.`, { name }))
    // A new label's carrier is chosen from this list: it can never be empty.
    if (before.length === 1) {
      throw new DomainError('conflict', reason('carrier.last', `${found} is the last carrier: a new label needs one to choose from. Add the carrier that replaces it first, then remove ${found}.`, { carrier: found }))
    }
    return this.save(before, before.filter((c) => c !== found), actor)
  }

  private save(from: string[], to: string[], actor: string): string[] {
    this.deps.db.transaction(() => {
      this.deps.settings.set(CARRIERS_SETTING, to)
      this.audit.record(actor, 'counter.carriers_changed', { from, to }, actor, this.deps.now().toISOString())
    })()
    return to
  }
}
