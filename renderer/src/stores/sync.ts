// The sync with the central system as the screens see it: the status (kept fresh by the
// services' `sync.status` events), the progress of a running sync, and for a supervisor the
// quarantine, the configuration and enrolment.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ResultError } from '@shared/contract/result'
import type { QuarantineItem, SyncProgress, SyncStatusView } from '@shared/contract/sync-views'
import { useApi } from '../api/port'

export const useSyncStore = defineStore('sync', () => {
  const api = useApi()
  const status = ref<SyncStatusView | null>(null)
  const progress = ref<SyncProgress | null>(null)
  const quarantine = ref<QuarantineItem[]>([])
  const error = ref<ResultError | null>(null)
  const busy = ref(false)

  function take(r: { ok: true; value: SyncStatusView } | { ok: false; error: ResultError }): boolean {
    if (r.ok) {
      status.value = r.value
      error.value = null
    } else error.value = r.error
    return r.ok
  }

  async function load(): Promise<void> {
    const r = await api.sync.status({})
    if (r.ok) status.value = r.value
  }

  async function syncNow(): Promise<void> {
    busy.value = true
    try {
      take(await api.sync.now({}))
    } finally {
      busy.value = false
      progress.value = null
    }
  }

  async function configure(input: { centralUrl?: string | null; nightlyAt?: string }): Promise<boolean> {
    return take(await api.sync.configure(input))
  }

  async function enrol(code: string): Promise<boolean> {
    busy.value = true
    try {
      return take(await api.sync.enrol({ code }))
    } finally {
      busy.value = false
    }
  }

  async function loadQuarantine(): Promise<void> {
    const r = await api.sync.quarantine({})
    if (r.ok) quarantine.value = r.value
    else error.value = r.error
  }

  async function retry(item: QuarantineItem): Promise<void> {
    take(await api.sync.retry({ kind: item.kind, ref: item.ref }))
    await loadQuarantine()
  }

  api.on('sync.status', (s) => (status.value = s))
  api.on('sync.progress', (p) => (progress.value = p.phase === 'done' ? null : p))

  return { status, progress, quarantine, error, busy, load, syncNow, configure, enrol, loadQuarantine, retry }
})
