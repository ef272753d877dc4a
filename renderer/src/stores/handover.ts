// Parcels waiting for their carrier's pickup; the pickup confirmed by scanning each parcel the
// driver takes, then closed with the driver's time. The services check every scan and the close.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CarrierParcels, HandoverBatchView, ParcelView } from '@shared/contract/intake-views'
import type { PrintJobView } from '@shared/contract/printing-views'
import type { Result, ResultError } from '@shared/contract/result'
import { useApi } from '../api/port'

export const useHandoverStore = defineStore('handover', () => {
  const api = useApi()
  const waiting = ref<CarrierParcels[]>([])
  const today = ref<HandoverBatchView[]>([])
  const loaded = ref(false)
  const busy = ref(false)
  const error = ref<ResultError | null>(null)
  const closed = ref<HandoverBatchView | null>(null)
  /** The manifest printed when the batch closed: its job, or why it could not print. */
  const manifest = ref<{ job?: PrintJobView; error?: ResultError } | null>(null)

  async function refresh(): Promise<void> {
    const [r, b] = await Promise.all([api.handover.waiting({}), api.handover.batches({})])
    if (r.ok) {
      waiting.value = r.value
      error.value = null
    } else error.value = r.error
    if (b.ok) today.value = b.value
    loaded.value = true
  }

  /** A screen that shows the hand-over starts without the last close's banner or error. */
  function forget(): void {
    closed.value = null
    error.value = null
    manifest.value = null
  }

  /** One parcel scanned at the pickup: the waiting parcel it is, or why it is not one. */
  function checkScan(carrier: string, code: string): Promise<Result<ParcelView>> {
    return api.handover.checkScan({ carrier, code })
  }

  /** `driverAt`: the driver's time "HH:MM" today (the counter's); `scanned`: the tracking numbers scanned. */
  async function close(carrier: string, driverAt: string, scanned: string[], exception?: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    try {
      const r = await api.handover.closeBatch({ carrier, driverAt, scanned, ...(exception ? { exception } : {}) })
      if (!r.ok) {
        error.value = r.error
        return false
      }
      closed.value = r.value
      error.value = null
      // The manifest prints as the batch closes, with the driver's time and the batch's barcode.
      const job = await api.print.pickupManifest({ batchId: r.value.id })
      manifest.value = job.ok ? { job: job.value } : { error: job.error }
      await refresh()
      return true
    } finally {
      busy.value = false
    }
  }

  return { waiting, today, loaded, busy, error, closed, manifest, refresh, forget, checkScan, close }
})
