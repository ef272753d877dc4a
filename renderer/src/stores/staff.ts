// The staff list a supervisor keeps: add, remove, change a PIN. A PIN DropDesk generated is
// kept here only until the supervisor dismisses it; it is never stored in clear anywhere.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ResultError } from '@shared/contract/result'
import type { StaffMember, StaffPinResult, StaffRole } from '@shared/contract/staff-views'
import { useApi } from '../api/port'
import { useSessionStore } from './session'

export const useStaffStore = defineStore('staff', () => {
  const api = useApi()
  const members = ref<StaffMember[]>([])
  const error = ref<ResultError | null>(null)
  const generated = ref<{ name: string; pin: string } | null>(null)
  const done = ref<{ kind: 'added' | 'removed' | 'pinChanged'; name: string } | null>(null)

  async function refresh(): Promise<void> {
    const r = await api.staff.list({})
    if (r.ok) {
      members.value = r.value
      error.value = null
    } else error.value = r.error
  }

  function settle(r: { ok: true; value: StaffPinResult } | { ok: false; error: ResultError }, kind: 'added' | 'pinChanged'): boolean {
    if (!r.ok) {
      error.value = r.error
      return false
    }
    error.value = null
    done.value = { kind, name: r.value.staff.name }
    generated.value = r.value.generatedPin ? { name: r.value.staff.name, pin: r.value.generatedPin } : null
    return true
  }

  async function add(name: string, role: StaffRole, pin?: string): Promise<boolean> {
    const ok = settle(await api.staff.add({ name, role, ...(pin ? { pin } : {}) }), 'added')
    if (ok) await refresh()
    return ok
  }

  async function changePin(staffId: string, newPin?: string): Promise<boolean> {
    return settle(await api.staff.changePin({ staffId, ...(newPin ? { newPin } : {}) }), 'pinChanged')
  }

  async function remove(member: StaffMember): Promise<void> {
    const r = await api.staff.remove({ staffId: member.id })
    if (!r.ok) {
      error.value = r.error
      return
    }
    error.value = null
    generated.value = null
    done.value = { kind: 'removed', name: member.name }
    // Removing yourself signs you out: the services have already ended this session.
    if (member.id === useSessionStore().staff?.id) await useSessionStore().load()
    else await refresh()
  }

  function dismissGenerated(): void {
    generated.value = null
  }

  return { members, error, generated, done, refresh, add, changePin, remove, dismissGenerated }
})
