// The scans that open a case from anywhere but a case: a customer's self-check ticket scanned
// by staff (its QR code, or its number scanned or typed), or the case label DropDesk printed
// for the case. (The counter's "Confirm and start the intake", its search and a row of Today
// open theirs directly: useOpenCase.)
import { useI18n } from 'vue-i18n'
import { useApi } from '../api/port'
import { useCounterStore } from '../stores/counter'
import { useScanRouter } from '../stores/scan-router'
import { useOpenCase } from './useOpenCase'

/** A bare number a ticket may have (tickets are 6 digits): looked up as a ticket first. */
const TICKET_NUMBER = /^\d{6}$/

export function useCaseRouting(): void {
  const api = useApi()
  const counter = useCounterStore()
  const { t } = useI18n()
  const { show, pickUp, failed } = useOpenCase()

  /** A case label or a ticket number: the case it names, else (a number only) an order lookup. */
  async function find(code: string, orElseOrder: boolean): Promise<void> {
    const r = await api.cases.find({ query: code })
    const hit = r.ok ? r.value.find((m) => m.matchedBy !== 'orderNumber') : undefined
    if (hit?.ticketToPickUp) return pickUp(hit.ticketToPickUp)
    if (hit) return void (await show(hit.case.id))
    if (orElseOrder) return void counter.scan(code)
    failed(r.ok ? { code: 'not_found', message: t('caseSearch.noCase', { code }) } : r.error)
  }

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
