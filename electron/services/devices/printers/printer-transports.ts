// The transport for a configured printer.
import type { PrinterConfig } from '@shared/contract/printing-views'
import { CupsPrinter } from './cups'
import { IppPrinter } from './ipp'
import { RawTcpPrinter } from './raw-tcp'
import type { PrinterTransport } from './transport'

export function transportFor(printer: PrinterConfig, timeoutMs?: number): PrinterTransport {
  const t = printer.transport
  switch (t.kind) {
    case 'raw9100':
      return new RawTcpPrinter({ host: t.host, port: t.port, language: printer.language, ...(timeoutMs ? { timeoutMs } : {}) })
    case 'cups':
      return new CupsPrinter(t.queue)
    case 'ipp':
      return new IppPrinter(t.uri)
  }
}

/** How a printer's state is asked, by what it is (shown on its card and in diagnostics). */
export function probeMethodFor(printer: Pick<PrinterConfig, 'language' | 'transport'>): string {
  switch (printer.transport.kind) {
    case 'raw9100':
      return printer.language === 'zpl' ? 'Zebra ~HS' : printer.language === 'escpos' ? 'ESC/POS DLE EOT' : 'TCP connect'
    case 'cups':
      return 'lpstat'
    case 'ipp':
      return 'IPP Get-Printer-Attributes'
  }
}
