// Printers, their status (kept fresh by the `printer.status` event), recent print jobs, the
// preview shown before printing, and the settings a supervisor edits.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DocumentKind, PreviewView, PrinterView, PrintingSettings, PrintJobView } from '@shared/contract/printing-views'
import type { ResultError } from '@shared/contract/result'
import { useApi } from '../api/port'

export const usePrintersStore = defineStore('printers', () => {
  const api = useApi()
  const printers = ref<PrinterView[]>([])
  const jobs = ref<PrintJobView[]>([])
  const settings = ref<PrintingSettings | null>(null)
  const preview = ref<PreviewView | null>(null)
  const error = ref<ResultError | null>(null)
  const busy = ref(false)

  function settle<T>(r: { ok: true; value: T } | { ok: false; error: ResultError }): T | null {
    if (r.ok) {
      error.value = null
      return r.value
    }
    error.value = r.error
    return null
  }

  async function load(): Promise<void> {
    printers.value = settle(await api.printers.list({})) ?? printers.value
    jobs.value = settle(await api.print.jobs({})) ?? jobs.value
    // Only a supervisor may read the settings; for anyone else the form stays hidden.
    const s = await api.printers.settings({})
    settings.value = s.ok ? s.value : null
  }

  async function checkStatus(printerId: string): Promise<void> {
    const view = settle(await api.printers.status({ printerId }))
    if (view) printers.value = printers.value.map((p) => (p.id === printerId ? view : p))
  }

  async function testPrint(printerId: string): Promise<void> {
    const job = settle(await api.printers.testPrint({ printerId }))
    if (job) jobs.value.unshift(job)
    schedulePoll()
  }

  async function showPreview(document: DocumentKind, caseIds: string[]): Promise<void> {
    busy.value = true
    preview.value = null
    // As many pixels as this screen shows: a sharp picture on a high-density touch screen.
    const pixelRatio = Math.min(4, Math.max(1, window.devicePixelRatio || 1))
    const input = document === 'pickupManifest' ? { document, caseIds, pixelRatio } : { document, caseId: caseIds[0], pixelRatio }
    preview.value = settle(await api.print.preview(input))
    busy.value = false
  }

  async function print(document: DocumentKind, caseIds: string[]): Promise<void> {
    const caseId = caseIds[0] ?? ''
    const r =
      document === 'pickupManifest'
        ? await api.print.pickupManifest({ caseIds })
        : document === 'caseLabel'
          ? await api.print.caseLabel({ caseId })
          : document === 'orderSlip'
            ? await api.print.orderSlip({ caseId })
            : document === 'refusalNote'
              ? await api.print.refusalNote({ caseId })
              : await api.print.receipt({ caseId })
    const job = settle(r)
    if (job) {
      jobs.value.unshift(job)
      preview.value = null
      schedulePoll()
    }
  }

  async function reprint(jobId: string): Promise<void> {
    const job = settle(await api.print.reprint({ jobId }))
    if (job) jobs.value.unshift(job)
    schedulePoll()
  }

  // While a job is on its way, its state is polled: a held job changes state without the
  // printer's status changing (e.g. paper reloaded between two checks).
  let polling: ReturnType<typeof setTimeout> | null = null
  const pending = new Set(['queued', 'sending', 'sent', 'held'])
  async function refreshJobs(): Promise<void> {
    jobs.value = settle(await api.print.jobs({})) ?? jobs.value
    schedulePoll()
  }
  function schedulePoll(): void {
    if (polling || !jobs.value.some((j) => pending.has(j.state))) return
    polling = setTimeout(() => {
      polling = null
      void refreshJobs()
    }, 1000)
  }

  async function configure(next: PrintingSettings): Promise<boolean> {
    const list = settle(await api.printers.configure(next))
    if (!list) return false
    printers.value = list
    settings.value = next
    return true
  }

  api.on('printer.status', (e) => {
    printers.value = printers.value.map((p) => (p.id === e.printerId ? { ...p, status: e.status, checkedAt: e.at } : p))
    void refreshJobs()
  })

  return { printers, jobs, settings, preview, error, busy, load, checkStatus, testPrint, showPreview, print, reprint, refreshJobs, configure }
})
