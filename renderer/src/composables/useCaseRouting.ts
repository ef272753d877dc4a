// Which case is on screen, and how a case gets there: "Confirm and start the intake" on the
// counter (a second scan of an open case's label resumes it: after a reload or a restart the
// case comes back from cases.get at its exact step), a row of Today, or a customer's
// self-check ticket scanned by staff.
import { watch } from 'vue'
import { useApi } from '../api/port'
import { useAppStore } from '../stores/app'
import { useCounterStore } from '../stores/counter'
import { useIntakeStore } from '../stores/intake'
import { intakeCaseOf } from '../stores/intake-api'
import { useScanRouter } from '../stores/scan-router'
import { useSessionStore } from '../stores/session'

const TICKET = /^DROPDESK-TICKET:\s*\d{4,10}$/i

export function useCaseRouting(): void {
  const api = useApi()
  const app = useAppStore()
  const counter = useCounterStore()
  const intake = useIntakeStore()
  const session = useSessionStore()

  async function show(caseId: string): Promise<void> {
    if (await intake.open(caseId)) app.view = 'case'
  }

  watch(
    () => counter.phase === 'started' && counter.started,
    (started) => {
      if (!started) return
      void show(started.id)
      counter.reset()
    },
  )
  // The next person to sign in starts at the counter, not in the last one's case.
  watch(
    () => session.signedIn,
    (now, before) => before && !now && intake.close(),
  )

  // A customer's ticket: staff take the case over and it opens at its next step.
  useScanRouter().register((code) => {
    if (!TICKET.test(code.code.trim())) return false
    void api.cases.pickUp({ ticket: code.code.trim() }).then((r) => {
      if (!r.ok) {
        counter.error = r.error
        app.view = 'counter'
        counter.phase = 'error'
        return
      }
      intake.close()
      intake.current = intakeCaseOf(r.value.detail)
      app.view = 'case'
    })
    return true
  })
}
