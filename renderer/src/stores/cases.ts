// Today's cases, kept fresh by the services' `case.changed` events.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ResultError } from '@shared/contract/result'
import type { CaseSummary } from '@shared/contract/views'
import { useApi } from '../api/port'

export const useCasesStore = defineStore('cases', () => {
  const api = useApi()
  const today = ref<CaseSummary[]>([])
  const loaded = ref(false)
  const error = ref<ResultError | null>(null)

  async function refresh(): Promise<void> {
    const r = await api.cases.today({})
    if (r.ok) {
      today.value = r.value
      error.value = null
    } else error.value = r.error
    loaded.value = true
  }

  function upsert(c: CaseSummary): void {
    const i = today.value.findIndex((x) => x.id === c.id)
    if (i >= 0) today.value.splice(i, 1)
    today.value.unshift(c)
  }

  api.on('case.changed', upsert)

  return { today, loaded, error, refresh, upsert }
})
