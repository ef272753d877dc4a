// Today's cases (and every case still open) with the filters of the Today screen: status, case
// type, needs a supervisor. Refreshed when a case changes anywhere on this counter.
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { CaseListItem } from '@shared/contract/intake-views'
import type { ResultError } from '@shared/contract/result'
import type { CaseStatus } from '@shared/domain/case-state'
import type { CaseType } from '@shared/manifest/record'
import { useApi } from '../api/port'

export interface CaseFilters {
  status: CaseStatus | ''
  caseType: CaseType | ''
  needsSupervisor: boolean
}

export const useCaseListStore = defineStore('caseList', () => {
  const api = useApi()
  const items = ref<CaseListItem[]>([])
  const loaded = ref(false)
  const error = ref<ResultError | null>(null)
  const filters = reactive<CaseFilters>({ status: '', caseType: '', needsSupervisor: false })
  let generation = 0

  async function refresh(): Promise<void> {
    const mine = ++generation
    const r = await api.cases.list({
      ...(filters.status ? { status: [filters.status] } : {}),
      ...(filters.caseType ? { caseType: [filters.caseType] } : {}),
      ...(filters.needsSupervisor ? { needsSupervisor: true } : {}),
    })
    if (mine !== generation) return
    if (r.ok) {
      items.value = r.value
      error.value = null
    } else error.value = r.error
    loaded.value = true
  }

  api.on('case.changed', () => {
    if (loaded.value) void refresh()
  })

  return { items, loaded, error, filters, refresh }
})
