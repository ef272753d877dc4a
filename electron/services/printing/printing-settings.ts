// The printing settings (printers, which prints what, the printed language), persisted in the
// settings table under one key. Checked again here: a printer assigned to a document must exist
// and speak a language that document can be printed in.
import { DomainError } from '@shared/contract/result'
import type { DocumentKind, PrintingSettings } from '@shared/contract/printing-views'
import type { Settings } from '../store/settings'
import { languagesFor } from './render-document'

export const SETTINGS_KEY = 'printing.settings'
const empty: PrintingSettings = { printers: [], assignments: {}, locale: 'en' }

export function loadPrintingSettings(settings: Settings): PrintingSettings {
  return settings.get<PrintingSettings>(SETTINGS_KEY) ?? empty
}

export function validatePrintingSettings(s: PrintingSettings): void {
  const ids = new Set<string>()
  for (const p of s.printers) {
    if (ids.has(p.id)) throw new DomainError('invalid_input', `Two printers are named "${p.id}": give each printer its own id.`)
    ids.add(p.id)
  }
  for (const [kind, id] of Object.entries(s.assignments) as [DocumentKind, string][]) {
    const printer = s.printers.find((p) => p.id === id)
    if (!printer) throw new DomainError('invalid_input', `The ${kind} printer "${id}" is not in the list: add it first or choose another.`)
    if (!languagesFor[kind].includes(printer.language)) {
      throw new DomainError('invalid_input', `"${printer.name}" speaks ${printer.language}; the ${kind} needs ${languagesFor[kind].join(' or ')}.`)
    }
  }
}
