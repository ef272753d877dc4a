// Opening a case on screen: loaded from the services (at its exact step, so a reload or a
// restart loses nothing), then its route. A customer's ticket is picked up first (staff take
// the case over). What went wrong is said on the counter.
import { useRouter } from 'vue-router'
import type { ResultError } from '@shared/contract/result'
import type { CaseMatch } from '@shared/contract/views'
import { useApi } from '../api/port'
import { useCounterStore } from '../stores/counter'
import { useIntakeStore } from '../stores/intake'
import { intakeCaseOf } from '../stores/intake-case'

export function useOpenCase() {
  const api = useApi()
  const router = useRouter()
  const counter = useCounterStore()
  const intake = useIntakeStore()

  async function show(caseId: string): Promise<boolean> {
    if (!(await intake.open(caseId))) return false
    await router.push({ name: 'case', params: { id: caseId } })
    return true
  }

  function failed(error: ResultError): void {
    counter.error = error
    void router.push({ name: 'counter' })
    counter.phase = 'error'
  }

  async function pickUp(ticket: string): Promise<void> {
    const r = await api.cases.pickUp({ ticket })
    if (!r.ok) return failed(r.error)
    intake.close()
    intake.current = intakeCaseOf(r.value.detail)
    await router.push({ name: 'case', params: { id: r.value.detail.state.id } })
  }

  /** A case found by the counter's search: its ticket picked up, or the case opened. */
  const openMatch = (m: CaseMatch): Promise<unknown> => (m.ticketToPickUp ? pickUp(m.ticketToPickUp) : show(m.case.id))

  return { show, pickUp, failed, openMatch }
}
