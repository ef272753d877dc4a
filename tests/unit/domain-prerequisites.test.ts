import { describe, expect, it } from 'vitest'
import {
  accessoriesRequirement,
  accountDisconnectionRequired,
  accountsFor,
  backupKindAllowed,
  isAdultOn,
  missingAccessories,
  pinStepRequired,
} from '@shared/domain/prerequisites'

describe('backup, account disconnection and PIN per category', () => {
  it.each([
    ['smartphone', true, false],
    ['tablet', true, false],
    ['computer', true, false],
    ['smartwatch', true, false],
    ['other', false, true],
  ] as const)('%s: account and PIN required=%s, "no personal storage" allowed=%s', (category, required, noStorage) => {
    expect(accountDisconnectionRequired(category)).toBe(required)
    expect(pinStepRequired(category)).toBe(required)
    expect(backupKindAllowed(category, 'no_personal_storage')).toBe(noStorage)
    expect(backupKindAllowed(category, 'backed_up_and_removed')).toBe(true)
    expect(backupKindAllowed(category, 'acknowledged_data_loss')).toBe(true)
  })

  it.each([
    ['smartphone', 'Apple', ['apple_find_my']],
    ['computer', 'Apple', ['apple_find_my']],
    ['other', 'Beats', ['apple_find_my']],
    ['smartphone', 'Samsung', ['samsung', 'google']],
    ['smartphone', 'Xiaomi', ['mi', 'google']],
    ['smartphone', 'Google', ['google']],
    ['tablet', 'Lenovo', ['google']],
    ['smartphone', 'Huawei', ['huawei', 'google']],
    ['computer', 'Dell', ['microsoft']],
    ['other', 'Sony', ['other']],
    ['smartphone', undefined, ['google']],
  ] as const)('%s by %s: accounts %j', (category, brand, accounts) => expect(accountsFor(category, brand)).toEqual(accounts))
})

describe('accessories', () => {
  it.each([
    ['trade_in', 'computer', undefined, true, ['charger', 'cable']],
    ['trade_in', 'other', true, true, ['charger', 'cable']], // a monitor: the order says so
    ['trade_in', 'other', false, true, []],
    ['trade_in', 'smartphone', undefined, true, []],
    ['warranty_repair', 'computer', true, false, []],
    ['withdrawal', 'computer', undefined, false, []],
  ] as const)('%s of a %s (order flag %s): step=%s, mandatory %j', (caseType, category, flag, step, mandatory) => {
    expect(accessoriesRequirement(caseType, category, flag)).toEqual({ step, mandatory })
  })

  it('says which mandatory accessories are missing', () => {
    expect(missingAccessories(['charger', 'cable'], ['cable', 'box'])).toEqual(['charger'])
    expect(missingAccessories(['charger', 'cable'], ['charger', 'cable'])).toEqual([])
  })
})

describe('trade-in age: 18 or older on the counter local date', () => {
  it.each([
    ['2008-10-05', '2026-10-04', false, 'the day before the 18th birthday'],
    ['2008-10-05', '2026-10-05', true, 'on the birthday'],
    ['2008-10-05', '2026-10-06', true, 'the day after'],
    ['2008-02-29', '2026-02-28', false, 'born on 29 February: not yet on 28 February'],
    ['2008-02-29', '2026-03-01', true, 'born on 29 February: 18 on 1 March'],
    ['2010-01-01', '2026-10-05', false, 'sixteen'],
    ['1950-06-30', '2026-10-05', true, 'seventy-six'],
  ])('born %s, on %s adult=%s (%s)', (dob, today, adult) => expect(isAdultOn(dob, today)).toBe(adult))
})
