// The printing settings (printers, which prints what, the printed language), persisted in the
// settings table under one key. Checked again here: a printer assigned to a document must exist
// and speak a language that document can be printed in.
import { DomainError, reason } from '@shared/contract/result'
import type { DocumentKind, PrinterConfig, PrinterLanguage, PrintingSettings } from '@shared/contract/printing-views'
import type { Settings } from '../store/settings'
import { languagesFor } from './render-document'

export const SETTINGS_KEY = 'printing.settings'
const empty: PrintingSettings = { printers: [], assignments: {}, locale: 'en' }

export function loadPrintingSettings(settings: Settings): PrintingSettings {
  return settings.get<PrintingSettings>(SETTINGS_KEY) ?? empty
}

/** The documents in the counter's words, for messages (never the internal kind). */
export const documentNames: Record<DocumentKind, string> = { caseLabel: 'case label', orderSlip: 'order details slip', receipt: 'drop-off receipt', pickupManifest: 'pickup manifest', refusalNote: 'refusal note' }
const languageNames: Record<PrinterLanguage, string> = { zpl: 'a Zebra label printer (ZPL)', escpos: 'an 80 mm receipt printer (ESC/POS)', pdf: 'an office printer (PDF)' }

/** Label size and dpi belong to label printers only: a receipt or office printer has neither. */
export function normalizePrintingSettings(s: PrintingSettings): PrintingSettings {
  return {
    ...s,
    printers: s.printers.map((p): PrinterConfig => {
      const { labelSize, dpi, ...rest } = p
      const name = p.name.trim()
      return p.language === 'zpl' ? { ...rest, name, labelSize: labelSize ?? '4x6', dpi: dpi ?? 203 } : { ...rest, name }
    }),
  }
}

export function validatePrintingSettings(s: PrintingSettings): void {
  const ids = new Set<string>()
  for (const [i, p] of s.printers.entries()) {
    const which = p.name ? `"${p.name}"` : `Printer ${i + 1}`
    if (!p.name) throw new DomainError('invalid_input', reason('printer.noName', `${which} has no name: give it one the counter recognises (e.g. "Counter labels").`, { number: i + 1 }))
    if (ids.has(p.id)) throw new DomainError('invalid_input', reason('printer.duplicateId', `Two printers have the same inner id: remove ${which} and add it again.`, { printer: which }))
    ids.add(p.id)
    const t = p.transport
    if (t.kind === 'raw9100') {
      if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(t.host)) throw new DomainError('invalid_input', reason('printer.host', `${which}: enter the printer's IP address or host name (as on its network configuration page).`, { printer: which }))
      if (!Number.isInteger(t.port) || t.port < 1 || t.port > 65535) throw new DomainError('invalid_input', reason('printer.port', `${which}: the port is a number from 1 to 65535 (9100 on most printers).`, { printer: which }))
    } else if (t.kind === 'cups' && !/^[A-Za-z0-9_.@-]{1,127}$/.test(t.queue)) {
      throw new DomainError('invalid_input', reason('printer.cupsQueue', `${which}: enter the name of the CUPS queue (lpstat -p lists them).`, { printer: which }))
    } else if (t.kind === 'ipp' && !/^ipps?:\/\/[^\s/]+/.test(t.uri)) {
      throw new DomainError('invalid_input', reason('printer.ippUri', `${which}: an IPP address starts with ipp:// or ipps://, e.g. ipp://printer.local/ipp/print.`, { printer: which }))
    }
  }
  for (const [kind, id] of Object.entries(s.assignments) as [DocumentKind, string][]) {
    const printer = s.printers.find((p) => p.id === id)
    if (!printer) throw new DomainError('invalid_input', reason('printer.assignedMissing', `The printer chosen for the ${documentNames[kind]} is no longer in the list: choose another.`, { document: kind }))
    if (!languagesFor[kind].includes(printer.language)) {
      throw new DomainError('invalid_input', reason('printer.wrongLanguage', `"${printer.name}" is ${languageNames[printer.language]}; the ${documentNames[kind]} needs ${languagesFor[kind].map((l) => languageNames[l]).join(' or ')}.`, { printer: printer.name, language: printer.language, document: kind, languages: languagesFor[kind] }))
    }
  }
}
