// The carriers a new return label may be for: the counter's configured list (setting
// `counter.carriers`, JSON array of names), by default the carriers whose labels the counter
// usually sees. A new label's carrier is chosen from this list, never typed free-hand, so a
// typo cannot open a pickup batch of its own.
import { DomainError, reason } from '@shared/contract/result'
import { carrierKey } from '@shared/domain/handover'
import type { Settings } from '../store/settings'

export const CARRIERS_SETTING = 'counter.carriers'
export const defaultCarriers = ['UPS', 'DHL', 'FedEx', 'USPS', 'Colissimo', 'Chronopost', 'DPD', 'GLS'] as const

export function configuredCarriers(settings: Settings): string[] {
  const stored = settings.get<unknown>(CARRIERS_SETTING)
  const list = Array.isArray(stored) ? stored.filter((c): c is string => typeof c === 'string' && c.trim() !== '') : []
  return (list.length > 0 ? list : [...defaultCarriers]).map(carrierKey)
}

/** The configured carrier `name` stands for (any spelling), or a refusal naming the list. */
export function chosenCarrier(settings: Settings, name: string): string {
  const list = configuredCarriers(settings)
  const key = carrierKey(name).toLowerCase()
  const found = list.find((c) => c.toLowerCase() === key)
  if (!found) throw new DomainError('invalid_input', reason('label.unknownCarrier', `"${name}" is not one of this counter's carriers (${list.join(', ')}): choose the carrier from the list.`, { carrier: name, carriers: list }), { carriers: list })
  return found
}
