import { describe, expect, it } from 'vitest'
import { photoPlan, photoProgress, shotInPlan } from '@shared/domain/photo-sets'
import { categories } from '@shared/manifest/record'

describe('photo plans per category (the 7 shots)', () => {
  it.each([
    ['smartphone', ['screen_on', 'screen_off', 'back', 'left', 'right', 'top', 'bottom']],
    ['tablet', ['screen_on', 'screen_off', 'back', 'left', 'right', 'top', 'bottom']],
    ['computer', ['screen_on', 'screen_off', 'back_case', 'left_open', 'right_open', 'front_closed', 'back_closed']],
    ['smartwatch', ['screen_on', 'screen_off', 'back_case', 'left', 'right', 'strap_top', 'strap_bottom']],
  ] as const)('%s', (category, shots) => {
    const plan = photoPlan(category, 'warranty_repair')
    expect(plan.required).toEqual(shots)
    expect(plan.skippable).toEqual(['screen_on'])
  })

  it('other: at least 6 shots of every side, up to 12', () => {
    const plan = photoPlan('other', 'withdrawal')
    expect(plan.required).toEqual(['side_1', 'side_2', 'side_3', 'side_4', 'side_5', 'side_6'])
    expect(plan.optional).toHaveLength(6)
    expect(plan.skippable).toEqual([])
  })

  it.each(categories)('damaged on arrival (%s): packaging, shipping label, at least 3 device photos, nothing skippable', (category) => {
    const plan = photoPlan(category, 'damaged_on_arrival')
    expect(plan.required).toEqual(['packaging', 'shipping_label', 'damage_1', 'damage_2', 'damage_3'])
    expect(plan.optional[0]).toBe('damage_4')
    expect(plan.skippable).toEqual([])
    expect(shotInPlan(plan, 'screen_on')).toBe(false)
  })
})

describe('photoProgress', () => {
  const phone = photoPlan('smartphone', 'warranty_repair')
  it.each([
    ['nothing yet', [], [], 7, false],
    ['six taken', ['screen_off', 'back', 'left', 'right', 'top', 'bottom'], [], 1, false],
    ['six taken, screen on skipped (dead device)', ['screen_off', 'back', 'left', 'right', 'top', 'bottom'], ['screen_on'], 0, true],
    ['all seven', ['screen_on', 'screen_off', 'back', 'left', 'right', 'top', 'bottom'], [], 0, true],
    ['a skip of a non-skippable shot does not count', ['screen_on', 'screen_off', 'left', 'right', 'top', 'bottom'], ['back'], 1, false],
  ])('%s: %i missing, complete=%s', (_label, taken, skipped, missing, complete) => {
    const p = photoProgress(phone, taken, skipped)
    expect([p.missing.length, p.complete]).toEqual([missing, complete])
  })

  it('lists what is missing in plan order (the first is the next to take) and what was skipped', () => {
    const p = photoProgress(phone, ['back', 'top'], ['screen_on'])
    expect(p.missing).toEqual(['screen_off', 'left', 'right', 'bottom'])
    expect(p.skipped).toEqual(['screen_on'])
    expect(p.done).toEqual(['back', 'top'])
  })

  it('a photo taken after a skip counts as taken', () => {
    expect(photoProgress(phone, ['screen_on'], ['screen_on']).skipped).toEqual([])
  })

  it('counts extra shots of "other" devices apart', () => {
    const p = photoProgress(photoPlan('other', 'warranty_repair'), ['side_1', 'side_2', 'side_3', 'side_4', 'side_5', 'side_6', 'side_9'])
    expect([p.complete, p.extra]).toEqual([true, ['side_9']])
  })

  it('damaged on arrival with 2 device photos is not complete', () => {
    const plan = photoPlan('smartphone', 'damaged_on_arrival')
    expect(photoProgress(plan, ['packaging', 'shipping_label', 'damage_1', 'damage_2']).missing).toEqual(['damage_3'])
  })
})
