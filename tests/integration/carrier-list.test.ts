// The counter's carrier list edited through the service calls: supervisors only; an empty name,
// a duplicate (any spelling) and removing the last carrier are refused with what to do; each
// change is an audited staff event with the list before and after; label.carriers follows.
import { describe, expect, it } from 'vitest'
import { order, startIntake } from '../support/intake-fixture'

describe('the counter’s carrier list', () => {
  it('is changed by a supervisor only, checked, and audited', async () => {
    const f = await startIntake([order(1, { category: 'smartphone', caseType: 'withdrawal' })])
    const defaults = await f.ok<string[]>('label.carriers', {}, f.staff)
    expect(defaults).toContain('Colissimo')

    expect(await f.fails('carriers.add', { name: 'Mondial Relay' }, f.staff)).toMatchObject({ code: 'forbidden' })
    expect(await f.ok<string[]>('carriers.add', { name: '  Mondial   Relay ' }, f.boss)).toEqual([...defaults, 'Mondial Relay'])
    expect(await f.ok<string[]>('label.carriers', {}, f.staff)).toContain('Mondial Relay')

    expect(await f.fails('carriers.add', { name: '   ' }, f.boss)).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/Type the carrier’s name/) })
    expect(await f.fails('carriers.add', { name: 'mondial relay' }, f.boss)).toMatchObject({ code: 'conflict', message: 'Mondial Relay is already in the list: nothing to add.' })
    expect(await f.fails('carriers.add', { name: '<script>' }, f.boss)).toMatchObject({ code: 'invalid_input' })

    // Down to one carrier, which stays: a new label needs one to choose from.
    let list = await f.ok<string[]>('label.carriers', {}, f.staff)
    for (const c of list.slice(1)) list = await f.ok<string[]>('carriers.remove', { name: c }, f.boss)
    expect(list).toEqual([defaults[0]])
    const last = await f.fails('carriers.remove', { name: defaults[0] }, f.boss)
    expect(last).toMatchObject({ code: 'conflict', message: `${defaults[0]} is the last carrier: a new label needs one to choose from. Add the carrier that replaces it first, then remove ${defaults[0]}.` })
    expect(await f.ok<string[]>('label.carriers', {}, f.staff)).toEqual([defaults[0]])
    expect(await f.fails('carriers.remove', { name: 'Nobody Express' }, f.boss)).toMatchObject({ code: 'not_found' })

    // Every change is in the audited staff events, by whom, before and after; refusals are not.
    const { default: Database } = await import('better-sqlite3')
    const db = new Database(`${f.dataDir}/dropdesk.sqlite`, { readonly: true })
    try {
      const rows = db.prepare("SELECT actor, payload FROM staff_events WHERE type = 'counter.carriers_changed' ORDER BY seq").all() as { actor: string; payload: string }[]
      expect(rows).toHaveLength(1 + defaults.length)
      expect(rows.every((r) => r.actor === f.boss.actor)).toBe(true)
      expect(JSON.parse(rows[0]!.payload)).toEqual({ from: defaults, to: [...defaults, 'Mondial Relay'] })
      expect(JSON.parse(rows.at(-1)!.payload).to).toEqual([defaults[0]])
    } finally {
      db.close()
    }
  })
})
