// The counter screen: a scanned or searched code becomes an order on screen, and staff
// confirm it to start a case. The newest scan always wins over a slower earlier lookup.
//
// While a lookup is in flight ('looking') the screen keeps what it showed (the previous card,
// the prompt) and only says "Looking up…" once the lookup is `slow`: the answer usually comes
// within a few milliseconds, and drawing an in-between state first would cost a frame of
// rendering on the very path from the scan to the order on screen (and flicker).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ResultError } from '@shared/contract/result'
import type { CaseMatch, CaseSummary, OrderMatch, OrderView } from '@shared/contract/views'
import type { RestartReason } from '@shared/domain/case-restart'
import { useApi } from '../api/port'

export type CounterPhase = 'idle' | 'looking' | 'found' | 'not_found' | 'started' | 'error'

/** How long a lookup runs before the screen says so (and disables the card it still shows). */
export const LOOKING_NOTICE_MS = 200

export const useCounterStore = defineStore('counter', () => {
  const api = useApi()
  const phase = ref<CounterPhase>('idle')
  const code = ref('')
  const via = ref<'scan' | 'search'>('scan')
  const match = ref<OrderMatch | null>(null)
  const error = ref<ResultError | null>(null)
  const started = ref<CaseSummary | null>(null)
  const busy = ref(false)
  /** The lookup in flight has taken longer than LOOKING_NOTICE_MS. */
  const slow = ref(false)
  /** Scan → order on screen, for the diagnostics line and the benchmarks. */
  const lookupMs = ref<number | null>(null)
  const searchQuery = ref('')
  const searchResults = ref<OrderView[] | null>(null)
  /** Cases the search found by case, ticket or order number (shown before the orders). */
  const caseResults = ref<CaseMatch[]>([])
  let generation = 0

  async function lookup(scanned: string, how: 'scan' | 'search'): Promise<void> {
    const mine = ++generation
    const t0 = performance.now()
    code.value = scanned
    via.value = how
    // A card not on screen (after an error, a started case) must not come back for the lookup.
    if (phase.value !== 'found' && phase.value !== 'looking') match.value = null
    phase.value = 'looking'
    error.value = null
    const notice = setTimeout(() => mine === generation && (slow.value = true), LOOKING_NOTICE_MS)
    const r = await api.orders.lookup({ code: scanned })
    clearTimeout(notice)
    if (mine !== generation) return
    slow.value = false
    lookupMs.value = Math.round(performance.now() - t0)
    if (r.ok) {
      match.value = r.value
      phase.value = 'found'
      searchResults.value = null
    } else {
      match.value = null
      error.value = r.error
      phase.value = r.error.code === 'not_found' ? 'not_found' : 'error'
    }
  }

  const scan = (scanned: string) => lookup(scanned, 'scan')
  const choose = (order: OrderView) => lookup(order.orderNumber, 'search')

  async function search(query: string): Promise<void> {
    searchQuery.value = query
    const [r, cases] = await Promise.all([
      api.orders.search({ query, limit: 20 }),
      query.trim().length >= 3 ? api.cases.find({ query }) : null,
    ])
    caseResults.value = cases?.ok ? cases.value : []
    if (r.ok) searchResults.value = r.value
    else error.value = r.error
  }

  /** `restart`: why a new case starts on an order whose earlier cases are finished. */
  async function confirm(restart?: { reason: RestartReason; note?: string }): Promise<CaseSummary | null> {
    // Only the order on screen as the answer to the last scan: not a card kept during a lookup.
    if (!match.value || busy.value || phase.value !== 'found') return null
    busy.value = true
    try {
      const r = await api.cases.start({
        orderNumber: match.value.order.orderNumber,
        via: via.value,
        ...(via.value === 'scan' ? { code: code.value } : {}),
        ...(restart ? { restart } : {}),
      })
      if (r.ok) {
        started.value = r.value
        phase.value = 'started'
        return r.value
      }
      error.value = r.error
      phase.value = 'error'
      return null
    } finally {
      busy.value = false
    }
  }

  function reset(): void {
    generation++
    slow.value = false
    phase.value = 'idle'
    match.value = null
    error.value = null
    started.value = null
    searchResults.value = null
    caseResults.value = []
  }

  return { phase, code, match, error, started, busy, slow, lookupMs, searchQuery, searchResults, caseResults, scan, choose, search, confirm, reset }
})
