// The customer's self-check at the kiosk: scan the return's QR code, answer one question per
// screen (backup, account, unlock code, photos), get a ticket for staff. The evidence steps are
// the staff steps' own components, through the intake store, on the one case the services
// bound to this customer session.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { TicketPrintView, TicketView } from '@shared/contract/intake-views'
import type { ResultError } from '@shared/contract/result'
import type { StepId } from '@shared/domain/case-progress'
import { useApi } from '../api/port'
import { useIntakeStore } from './intake'
import { intakeCaseOf } from './intake-case'

/** The steps a customer answers, in the order they are asked. */
export const customerSteps: readonly StepId[] = ['backup', 'account', 'pin', 'photos']

export type SelfCheckScreen = 'scan' | 'confirm' | StepId | 'finish' | 'ticket'

/** The printed ticket as the customer reads it: on its way, in the tray, or note the number. */
export type TicketPrintState = 'printing' | 'printed' | 'failed' | 'noPrinter'

const stillPrinting = new Set<string>(['queued', 'sending', 'sent'])
/** How often the screen asks where the ticket is, while it prints. */
const PRINT_POLL_MS = 700

function printState(p: TicketPrintView): TicketPrintState {
  if (p.state === 'not_printed') return p.reason === 'failed' ? 'failed' : 'noPrinter'
  if (p.state === 'acknowledged') return 'printed'
  return stillPrinting.has(p.state) ? 'printing' : 'failed'
}

export const useSelfCheckStore = defineStore('selfCheck', () => {
  const api = useApi()
  const intake = useIntakeStore()
  const confirmed = ref(false)
  const ticket = ref<TicketView | null>(null)
  const printed = ref<TicketPrintState | null>(null)
  /** Bumped by each ticket shown and by clearing the screen: a print followed for an earlier one stops. */
  let ticketsShown = 0
  const busy = ref(false)
  const error = ref<ResultError | null>(null)

  const screen = computed<SelfCheckScreen>(() => {
    if (ticket.value) return 'ticket'
    if (!intake.current) return 'scan'
    if (!confirmed.value) return 'confirm'
    const steps = intake.progress?.steps ?? []
    const todo = customerSteps.find((id) => steps.some((s) => s.id === id && !s.done))
    return todo ?? 'finish'
  })

  async function guard<T>(call: () => Promise<T>): Promise<T | null> {
    if (busy.value) return null
    busy.value = true
    error.value = null
    try {
      return await call()
    } finally {
      busy.value = false
    }
  }

  async function start(code: string): Promise<void> {
    await guard(async () => {
      const r = await api.selfcheck.start({ code })
      if (!r.ok) return void (error.value = r.error)
      intake.current = intakeCaseOf(r.value.detail)
      confirmed.value = false
    })
  }

  /** After a reload: the case this customer session is on, if any. */
  async function resume(): Promise<void> {
    const r = await api.selfcheck.current({})
    if (r.ok && r.value) {
      intake.current = intakeCaseOf(r.value.detail)
      confirmed.value = true
    }
  }

  /** `locale`: the customer's language on the screen, which the printed ticket speaks too. */
  async function finish(locale: 'en' | 'fr' = 'en'): Promise<void> {
    await guard(async () => {
      const r = await api.selfcheck.finish({ locale })
      if (!r.ok) return void (error.value = r.error)
      ticket.value = r.value.ticket
      intake.close()
      followPrint(r.value.print)
    })
  }

  /** Follows the ticket's print job until it is printed or cannot be (never past this ticket's screen). */
  function followPrint(print: TicketPrintView): void {
    printed.value = printState(print)
    if (printed.value !== 'printing' || print.state === 'not_printed') return
    const jobId = print.jobId
    const shown = ++ticketsShown
    const poll = async (): Promise<void> => {
      if (ticketsShown !== shown) return
      const r = await api.selfcheck.ticketPrint({ jobId })
      if (ticketsShown !== shown) return
      printed.value = r.ok ? printState(r.value) : 'failed'
      if (printed.value === 'printing') setTimeout(() => void poll(), PRINT_POLL_MS)
    }
    setTimeout(() => void poll(), PRINT_POLL_MS)
  }

  /** Clears the screen for the next customer (idle timeout, "start over"); nothing recorded is lost. */
  async function clear(): Promise<void> {
    const hadCase = intake.current !== null
    intake.close()
    ticket.value = null
    printed.value = null
    ticketsShown++
    confirmed.value = false
    error.value = null
    if (hadCase) await api.selfcheck.end({})
  }

  return { screen, confirmed, ticket, printed, busy, error, start, resume, finish, clear }
})
