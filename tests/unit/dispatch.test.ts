import { describe, expect, it, vi } from 'vitest'
import { callNames, calls } from '@shared/contract/calls'
import { DomainError, reason } from '@shared/contract/result'
import { createDispatcher, type Handlers } from '../../electron/services/dispatch'
import { newSession } from '../../electron/services/session'

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(callNames.map((n) => [n, vi.fn(() => ({ called: n }))])) as unknown as Handlers
  return { ...all, ...overrides }
}

describe('the service dispatcher', () => {
  const session = newSession('s1')
  const log = { error: vi.fn() }

  it('has a schema for every call, each named domain.verb', () => {
    for (const name of callNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
      expect(calls[name].input.safeParse).toBeTypeOf('function')
    }
  })

  it('passes parsed input (with defaults) to the handler and wraps the value', async () => {
    const search = vi.fn(() => [])
    const dispatch = createDispatcher(handlers({ 'orders.search': search }), log)
    expect(await dispatch('orders.search', { query: '  moreau ' }, session)).toEqual({ ok: true, value: [] })
    expect(search).toHaveBeenCalledWith({ query: 'moreau', limit: 20 }, session)
  })

  it('refuses unknown calls, prototype names and wrong-typed input without calling a handler', async () => {
    const h = handlers()
    const dispatch = createDispatcher(h, log)
    for (const [name, input] of [
      ['orders.nothing', {}],
      ['constructor', {}],
      ['__proto__', {}],
      [42, {}],
      ['orders.lookup', { code: 12 }],
      ['orders.lookup', 'BM-1'],
      ['orders.lookup', { code: 'x', __proto__: { polluted: true } }],
      ['cases.start', { orderNumber: 'BM-1', via: 'teleport' }],
    ] as Array<[unknown, unknown]>) {
      const r = await dispatch(name, input, session)
      expect(r, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    for (const n of callNames) expect(h[n]).not.toHaveBeenCalled()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('turns a DomainError into its code, reason key and message, and a bug into a generic internal error', async () => {
    const dispatch = createDispatcher(
      handlers({
        'cases.get': () => {
          throw new DomainError('not_found', reason('case.notFound', 'No case X on this kiosk.', { caseId: 'X' }), { field: 'caseId' })
        },
        'cases.today': () => {
          throw new Error('SQLITE_CORRUPT: secret detail')
        },
      }),
      log,
    )
    expect(await dispatch('cases.get', { caseId: 'X' }, session)).toEqual({
      ok: false,
      error: { code: 'not_found', key: 'case.notFound', params: { caseId: 'X' }, message: 'No case X on this kiosk.', details: { field: 'caseId' } },
    })
    const bug = await dispatch('cases.today', {}, session)
    expect(bug).toMatchObject({ ok: false, error: { code: 'internal', key: 'internal' } })
    expect(JSON.stringify(bug)).not.toContain('secret detail')
    expect(log.error).toHaveBeenCalled()
  })
})
