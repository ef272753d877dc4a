// Access is declared once, with each call in the contract, and the dispatcher alone enforces it:
// every call says who may make it, each contract file holds one prefix (its name), and for
// every call and every kind of session the dispatcher answers or refuses as declared.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { callNames, calls, type CallName } from '@shared/contract/calls'
import { accessLevels, type Access } from '@shared/contract/define'
import { createDispatcher, type Handlers, type SessionKeeper } from '../../electron/services/dispatch'
import { newSession, type Session } from '../../electron/services/session'

const who: Record<string, () => Session> = {
  nobody: () => newSession('nobody'),
  customer: () => ({ ...newSession('customer'), mode: 'customer' }),
  staff: () => ({ ...newSession('staff'), actor: 'staff-1', role: 'staff' }),
  supervisor: () => ({ ...newSession('supervisor'), actor: 'sup-1', role: 'supervisor' }),
}

/** Who the contract lets through, read from the declaration. */
function allowed(access: readonly Access[], person: string): boolean {
  if (person === 'customer') return access.includes('customer')
  if (access.includes('open')) return true
  if (person === 'nobody') return false
  if (person === 'staff') return !(access.length === 1 && access[0] === 'supervisor')
  return true
}

function recordingHandlers() {
  const called: string[] = []
  const handlers = Object.fromEntries(callNames.map((n) => [n, () => void called.push(n)])) as unknown as Handlers
  return { handlers, called }
}

describe('access declared in the contract', () => {
  it('every call declares who may make it, with known levels only', () => {
    for (const name of callNames) {
      const { access } = calls[name]
      expect(access.length, name).toBeGreaterThan(0)
      for (const level of access) expect(accessLevels, name).toContain(level)
    }
  })

  it('each contract file holds the calls of one prefix, its own name', async () => {
    const dir = path.join(__dirname, '../../shared/contract/calls')
    const seen = new Set<string>()
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const prefix = file.replace(/\.ts$/, '')
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>
      const names = Object.values(mod).flatMap((v) => (v && typeof v === 'object' && !('safeParse' in v) ? Object.keys(v) : []))
      expect(names.length, file).toBeGreaterThan(0)
      for (const name of names) {
        expect(name.split('.')[0], `${name} in ${file}`).toBe(prefix)
        seen.add(name)
      }
    }
    expect([...seen].sort()).toEqual([...callNames].sort())
  })

  describe.each(Object.keys(who))('a %s session', (person) => {
    it.each(callNames.map((n) => [n] as [CallName]))('%s: answered or refused as declared', async (name) => {
      const { handlers, called } = recordingHandlers()
      const dispatch = createDispatcher(handlers, { error: vi.fn() })
      const r = await dispatch(name, {}, who[person]!())
      const refused = !r.ok && (r.error.code === 'forbidden' || r.error.code === 'unauthorized')
      if (allowed(calls[name].access, person)) {
        // Let through: the handler runs, or the input (here empty) is refused by its schema.
        expect(refused, JSON.stringify(r)).toBe(false)
      } else {
        expect(refused, JSON.stringify(r)).toBe(true)
        expect(r).toMatchObject({ error: { code: person === 'nobody' ? 'unauthorized' : 'forbidden' } })
        expect(called).toEqual([])
      }
    })
  })

  it('a removed person is signed out at their next call; an idle one is told why; activity is counted except for the screen’s own polling', async () => {
    const { handlers } = recordingHandlers()
    const touched: string[] = []
    const keeper: SessionKeeper = {
      expireIfIdle: (s) => s.id === 'idle' && ((s.actor = null), true),
      isActive: (id) => id !== 'gone',
      signOut: (s) => void (s.actor = null),
      touch: (s) => void touched.push(s.id),
    }
    const dispatch = createDispatcher(handlers, { error: vi.fn() }, keeper)
    const gone: Session = { ...newSession('g'), actor: 'gone', role: 'staff' }
    expect(await dispatch('cases.today', {}, gone)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('no longer on the staff list') } })
    expect(gone.actor).toBeNull()
    const idle: Session = { ...newSession('idle'), actor: 'staff-1', role: 'staff' }
    expect(await dispatch('cases.today', {}, idle)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('without activity') } })
    const active: Session = { ...newSession('active'), actor: 'staff-1', role: 'staff' }
    expect(await dispatch('session.current', {}, active)).toMatchObject({ ok: true })
    expect(touched).toEqual([])
    expect(await dispatch('cases.today', {}, active)).toMatchObject({ ok: true })
    expect(touched).toEqual(['active'])
  })
})
