// buildApi turns the contract into named functions: one per call, nothing more, and an `on`
// that only accepts the contract's events.
import { describe, expect, it, vi } from 'vitest'
import { buildApi, type DropDeskApi } from '@shared/contract/api'
import { callNames, type CallName } from '@shared/contract/calls'
import { eventNames, type EventName } from '@shared/contract/events'
import { ok, type Result } from '@shared/contract/result'

function setup() {
  const invoke = vi.fn(async (name: CallName, input: unknown): Promise<Result<unknown>> => ok({ name, input }))
  const unsubscribe = vi.fn()
  const subscribe = vi.fn((_name: EventName, _listener: (payload: unknown) => void) => unsubscribe)
  return { api: buildApi(invoke, subscribe), invoke, subscribe, unsubscribe }
}

const split = (name: string) => [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)] as const

describe('buildApi', () => {
  it('puts a function at api[domain][verb] for every call, which invokes that exact name', async () => {
    const { api, invoke } = setup()
    expect(callNames.length).toBeGreaterThan(0)
    for (const name of callNames) {
      const [domain, verb] = split(name)
      const fn = (api as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>>)[domain]?.[verb]
      expect(typeof fn, name).toBe('function')
      const input = { probe: name }
      await expect(fn!(input)).resolves.toEqual({ ok: true, value: { name, input } })
      expect(invoke).toHaveBeenLastCalledWith(name, input)
    }
    expect(invoke).toHaveBeenCalledTimes(callNames.length)
  })

  it('has no keys beyond the contract domains, their verbs and on', () => {
    const { api } = setup()
    const domains = [...new Set(callNames.map((name) => split(name)[0]))]
    expect(Object.keys(api).sort()).toEqual([...domains, 'on'].sort())
    for (const domain of domains) {
      const verbs = callNames.filter((name) => split(name)[0] === domain).map((name) => split(name)[1])
      expect(Object.keys((api as unknown as Record<string, object>)[domain]!).sort()).toEqual(verbs.sort())
    }
    // In particular no generic invoke: a compromised renderer cannot reach arbitrary channels.
    expect('invoke' in api).toBe(false)
  })

  it('is frozen, so the renderer cannot swap a function', () => {
    const { api } = setup()
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.orders)).toBe(true)
  })

  it('types each function from the contract', async () => {
    const { api } = setup()
    const typed: DropDeskApi = api
    // Compile-time checks: these lines fail `tsc` if the derived types drift.
    const lookup: (input: { code: string }) => Promise<Result<unknown>> = typed.orders.lookup
    // @ts-expect-error a verb that is not in the contract
    expect(typed.orders.delete).toBeUndefined()
    expect(typeof lookup).toBe('function')
  })

  it('turns a transport failure into an unavailable envelope instead of a rejection', async () => {
    const api = buildApi(
      async () => {
        throw new Error('socket closed')
      },
      () => () => {},
    )
    const result = await api.app.info({})
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })

  it('subscribes to contract events and returns the unsubscribe function', () => {
    const { api, subscribe, unsubscribe } = setup()
    const listener = vi.fn()
    for (const name of eventNames) {
      const off = api.on(name, listener)
      expect(subscribe).toHaveBeenLastCalledWith(name, listener)
      off()
    }
    expect(unsubscribe).toHaveBeenCalledTimes(eventNames.length)
  })

  it('refuses an event name that is not in the contract', () => {
    const { api, subscribe } = setup()
    const on = api.on as (event: string, listener: (payload: unknown) => void) => () => void
    expect(() => on('ipc.anything', () => {})).toThrow(/Unknown event/)
    expect(() => on('__proto__', () => {})).toThrow(/Unknown event/)
    expect(() => on('toString', () => {})).toThrow(/Unknown event/)
    expect(subscribe).not.toHaveBeenCalled()
  })

  it('refuses a listener that is not a function', () => {
    const { api, subscribe } = setup()
    const on = api.on as (event: string, listener: unknown) => () => void
    expect(() => on(eventNames[0]!, 'alert(1)')).toThrow(TypeError)
    expect(subscribe).not.toHaveBeenCalled()
  })
})
