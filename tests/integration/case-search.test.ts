// Finding a case or an order the way staff say or scan it: the case label's number (whole or
// without the kiosk), the order number without its prefix, a name typed with a typographic
// apostrophe. The counter screen relies on these calls; the services do the matching.
import { describe, expect, it } from 'vitest'
import type { CaseMatch, CaseSummary, OrderView } from '@shared/contract/views'
import { order, startIntake } from '../support/intake-fixture'

describe('finding cases and orders by what staff read out', () => {
  it('finds a case by its case label number, whole or from the day on, and by its order number without the prefix', async () => {
    const a = order(1, { category: 'smartphone', caseType: 'withdrawal' })
    const b = order(2, { category: 'computer', caseType: 'warranty_repair' })
    const f = await startIntake([a, b])
    await f.start(a)
    const started = await f.ok<CaseSummary>('cases.start', { orderNumber: b.orderNumber, via: 'search' }, f.staff)
    expect(started.caseNumber).toMatch(/^[A-Z0-9]+-\d{6}-\d{3}$/)

    const whole = await f.ok<CaseMatch[]>('cases.find', { query: started.caseNumber }, f.staff)
    expect(whole.map((m) => [m.case.id, m.matchedBy])).toEqual([[started.id, 'caseNumber']])
    const fromDay = started.caseNumber.split('-').slice(1).join('-')
    expect((await f.ok<CaseMatch[]>('cases.find', { query: fromDay }, f.staff)).map((m) => m.case.id)).toEqual([started.id])
    // Lower case, as typed.
    expect((await f.ok<CaseMatch[]>('cases.find', { query: started.caseNumber.toLowerCase() }, f.staff)).map((m) => m.case.id)).toEqual([started.id])

    const digits = b.orderNumber.replace(/^[A-Z]+-/, '')
    const byOrder = await f.ok<CaseMatch[]>('cases.find', { query: digits }, f.staff)
    expect(byOrder.map((m) => [m.case.id, m.matchedBy])).toEqual([[started.id, 'orderNumber']])
    expect(await f.ok<CaseMatch[]>('cases.find', { query: '999-999' }, f.staff)).toEqual([])
    // Not for a screen nobody signed in to.
    expect(await f.fails('cases.find', { query: started.caseNumber }, f.services.openSession())).toMatchObject({ code: 'unauthorized' })
  })

  it('finds an order by its number without the prefix, and a name typed with a typographic apostrophe', async () => {
    const obrien = order(3, { category: 'smartwatch', caseType: 'warranty_repair' }, (o) => {
      o.customer!.firstName = 'Siobhán'
      o.customer!.lastName = "O'Brien"
    })
    const curly = order(4, { category: 'tablet', caseType: 'withdrawal' }, (o) => {
      o.customer!.firstName = 'Dónal'
      o.customer!.lastName = 'D’Arcy'
    })
    const f = await startIntake([obrien, curly])
    const digits = obrien.orderNumber.replace(/^[A-Z]+-/, '')
    const found = await f.ok<OrderView[]>('orders.search', { query: digits, limit: 20 }, f.staff)
    expect(found.map((o) => o.orderNumber)).toEqual([obrien.orderNumber])
    expect((await f.ok<OrderView[]>('orders.search', { query: 'O’Brien', limit: 20 }, f.staff)).map((o) => o.orderNumber)).toEqual([obrien.orderNumber])
    expect((await f.ok<OrderView[]>('orders.search', { query: 'siobhan o‘brien', limit: 20 }, f.staff)).map((o) => o.orderNumber)).toEqual([obrien.orderNumber])
    expect((await f.ok<OrderView[]>('orders.search', { query: "d'arcy", limit: 20 }, f.staff)).map((o) => o.orderNumber)).toEqual([curly.orderNumber])
  })
})
