// Parcels waiting for their carrier's pickup, and closing a pickup batch with the driver's time.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CarrierParcels, HandoverBatchView } from '@shared/contract/intake-views'
import type { ResultError } from '@shared/contract/result'
import { useApi } from '../api/port'

export const useHandoverStore = defineStore('handover', () => {
  const api = useApi()
  const waiting = ref<CarrierParcels[]>([])
  const loaded = ref(false)
  const busy = ref(false)
  const error = ref<ResultError | null>(null)
  const closed = ref<HandoverBatchView | null>(null)

  async function refresh(): Promise<void> {
    const r = await api.handover.waiting({})
    if (r.ok) {
      waiting.value = r.value
      error.value = null
    } else error.value = r.error
    loaded.value = true
  }

  /** `driverAt`: the driver's time "HH:MM" today (the counter's), or empty for now. */
  async function close(carrier: string, driverAt: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    try {
      const r = await api.handover.closeBatch({ carrier, ...(driverAt ? { driverAt } : {}) })
      if (!r.ok) {
        error.value = r.error
        return false
      }
      closed.value = r.value
      error.value = null
      await refresh()
      return true
    } finally {
      busy.value = false
    }
  }

  return { waiting, loaded, busy, error, closed, refresh, close }
})
