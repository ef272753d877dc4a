// The diagnostics lines of the device modules: every printer, asked now by what it is (a Zebra
// with ~HS, a receipt printer with DLE EOT, an IPP printer with Get-Printer-Attributes, a raw
// PDF port with a TCP connect, a CUPS queue with lpstat), and the services' scan sources.
import type { DiagnosticProbeView, DiagnosticStatus } from '@shared/contract/diagnostics-views'
import type { PrinterStatus } from '@shared/contract/printing-views'
import type { DeviceState } from '@shared/contract/devices-views'
import type { ScannerManager } from '../devices/scanners/scanner-manager'
import type { PrintingService } from '../printing/printing-service'
import type { DiagnosticsProbe } from './probes'

const printerLevel: Record<PrinterStatus, DiagnosticStatus> = { ready: 'ok', paper_out: 'error', head_open: 'error', offline: 'error', unknown: 'unknown' }
const scannerLevel: Record<DeviceState, DiagnosticStatus> = { connected: 'ok', disconnected: 'warning', error: 'error', disabled: 'unknown', unavailable: 'error' }

const PRINTER_DEADLINE_MS = 1_500

export function printersProbe(printing: PrintingService): DiagnosticsProbe {
  return {
    id: 'printers',
    probe: async () => {
      const printers = printing.printers()
      if (!printers.length) return [{ id: 'printer:none', label: 'Printers', status: 'warning', detail: 'No printer is set up: add one in Printers.', labelKey: { key: 'printers' }, detailKey: { key: 'noPrinter' } }]
      return Promise.all(
        printers.map(async (p): Promise<DiagnosticProbeView> => {
          // Within the screen's time limit: a printer that does not answer in time keeps its last known state.
          let timer: ReturnType<typeof setTimeout> | undefined
          const late = new Promise<typeof p>((resolve) => (timer = setTimeout(() => resolve(p), PRINTER_DEADLINE_MS)))
          const checked = await Promise.race([printing.checkStatus(p.id).catch(() => ({ ...p, status: 'unknown' as const })), late]).finally(() => clearTimeout(timer))
          const how = printing.probeMethod(p)
          return {
            id: `printer:${p.id}`,
            label: p.name,
            status: printerLevel[checked.status],
            detail: `${checked.status.replace('_', ' ')} (${how})`,
            detailKey: { key: `printer.${checked.status}`, params: { how } },
          }
        }),
      )
    },
  }
}

export function scannersProbe(scanners: Pick<ScannerManager, 'list'>): DiagnosticsProbe {
  return {
    id: 'scanners',
    probe: () =>
      scanners.list().map((s) => ({
        id: `scanner:${s.source}`,
        label: `${s.source} scanner`,
        status: scannerLevel[s.state],
        detail: s.detail ? `${s.state}: ${s.detail}` : s.state,
        labelKey: { key: `scanner.${s.source}` },
        detailKey: { key: `scannerState.${s.state}`, params: { detail: s.detail ?? '' } },
      })),
  }
}
