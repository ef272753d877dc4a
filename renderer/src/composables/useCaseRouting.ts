// Which case is on screen, and how a case gets there: "Confirm and start the intake" on the
// counter (a second scan of an open case's label resumes it: after a reload or a restart the
// case comes back from cases.get at its exact step), a row of Today, or a customer's
// self-check ticket scanned by staff (its QR code, or its number scanned or typed), or the case
// label DropDesk printed for the case.
import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ResultError } from '@shared/contract/result'
import { useApi } from '../api/port'
import { useAppStore } from '../stores/app'
import { useCounterStore } from '../stores/counter'
import { useIntakeStore } from '../stores/intake'
import { intakeCaseOf } from '../stores/intake-case'
import { useScanRouter } from '../stores/scan-router'
import { useSessionStore } from '../stores/session'

/** A bare number a ticket may have (tickets are 6 digits): looked up as a ticket first. */
const TICKET_NUMBER = /^\d{6}$/

export function useCaseRouting(): void {
  const api = useApi()
  const app = useAppStore()
  const counter = useCounterStore()
  const intake = useIntakeStore()
  const session = useSessionStore()
  const { t } = useI18n()

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

  function failed(error: ResultError): void {
    counter.error = error
    app.view = 'counter'
    counter.phase = 'error'
  }

  async function pickUp(ticket: string): Promise<void> {
    const r = await api.cases.pickUp({ ticket })
    if (!r.ok) return failed(r.error)
    intake.close()
    intake.current = intakeCaseOf(r.value.detail)
    app.view = 'case'
  }

  /** A case label or a ticket number: the case it names, else (a number only) an order lookup. */
  async function find(code: string, orElseOrder: boolean): Promise<void> {
    const r = await api.cases.find({ query: code })
    const hit = r.ok ? r.value.find((m) => m.matchedBy !== 'orderNumber') : undefined
    if (hit?.ticketToPickUp) return pickUp(hit.ticketToPickUp)
    if (hit) return show(hit.case.id)
    if (orElseOrder) return void counter.scan(code)
    failed(r.ok ? { code: 'not_found', message: t('caseSearch.noCase', { code }) } : r.error)
  }

  // A case chosen in the counter's search results.
  watch(
    () => counter.chosenCase,
    (m) => {
      if (!m) return
      counter.chosenCase = null
      if (m.ticketToPickUp) void pickUp(m.ticketToPickUp)
      else void show(m.case.id)
    },
  )

  // A customer's ticket: staff take the case over and it opens at its next step. Inside a case
  // the case view has already taken these (the step owns the scan).
  useScanRouter().register((code) => {
    if (code.kind === 'ticket') void pickUp(code.ticket)
    else if (code.kind === 'case') void find(code.caseNumber, false)
    else if (code.kind === 'unknown' && TICKET_NUMBER.test(code.code.trim())) void find(code.code.trim(), true)
    else return false
    return true
  })
}