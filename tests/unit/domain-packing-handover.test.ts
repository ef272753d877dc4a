import { describe, expect, it } from 'vitest'
import { batchesByCarrier, carrierKey, checkTrackingBinding } from '@shared/domain/handover'
import { packingChecklist, packingProgress } from '@shared/domain/packing'
import { makeDhlTrackingNumber, makeUpsTrackingNumber } from '@shared/domain/tracking-number'

describe('packing checklist', () => {
  it('lists the items of DOMAIN.md by id, in order', () => {
    expect(packingChecklist('warranty_repair')).toEqual(['strong_box', 'wrapped_and_wedged', 'pressure_sensitive_tape', 'label_on_top', 'order_slip_inside'])
  })

  it('a damaged delivery also reminds to keep the original packaging', () => {
    expect(packingChecklist('damaged_on_arrival')).toContain('original_packaging_kept')
  })

  const all = packingChecklist('withdrawal')
  it.each([
    ['everything', all, ['package_inside', 'package_outside'], true, true],
    ['no slip', all, ['package_inside', 'package_outside'], false, false],
    ['no outside photo', all, ['package_inside'], true, false],
    ['one item unticked', all.slice(1), ['package_inside', 'package_outside'], true, false],
  ])('%s: complete=%s', (_label, items, shots, slip, complete) => {
    expect(packingProgress('withdrawal', items, shots, slip).complete).toBe(complete)
  })

  it('says what is missing', () => {
    const p = packingProgress('withdrawal', ['strong_box'], ['package_outside'], false)
    expect(p.missingItems).toEqual(['wrapped_and_wedged', 'pressure_sensitive_tape', 'label_on_top', 'order_slip_inside'])
    expect(p.missingShots).toEqual(['package_inside'])
    expect(p.slip).toBe(false)
  })
})

describe('binding the tracking number', () => {
  const ups = makeUpsTrackingNumber('999AA1', '01', '2345678')
  const otherUps = makeUpsTrackingNumber('999AA1', '01', '2345679')
  const broken = ups.slice(0, -1) + String((Number(ups.slice(-1)) + 1) % 10)
  it.each([
    ['the order label, scanned with spaces', ` ${ups.slice(0, 6)} ${ups.slice(6)} `, { trackingNumber: ups, carrier: 'UPS' }, { ok: true, trackingNumber: ups, carrier: 'UPS' }],
    ['another order label', otherUps, { trackingNumber: ups, carrier: 'UPS' }, { ok: false, problem: 'other_label' }],
    ['nothing read', '  ', { trackingNumber: ups }, { ok: false, problem: 'no_tracking_number' }],
    ['a new label of an unknown carrier', 'XYZ12345678', {}, { ok: false, problem: 'carrier_unknown' }],
  ])('%s', (_label, scanned, label, expected) => expect(checkTrackingBinding({ scanned, label })).toEqual(expected))

  it('checks the format and check digit of the carrier when the order has no number', () => {
    expect(checkTrackingBinding({ scanned: broken, label: { carrier: 'ups' } })).toMatchObject({ ok: false, problem: 'check_digit' })
    expect(checkTrackingBinding({ scanned: makeDhlTrackingNumber('123456789'), label: { carrier: 'UPS' } })).toMatchObject({ ok: false, problem: 'invalid_format' })
    expect(checkTrackingBinding({ scanned: ups, label: {} })).toEqual({ ok: true, trackingNumber: ups, carrier: 'UPS' })
    expect(checkTrackingBinding({ scanned: 'COLI12345678', label: { carrier: 'Colissimo' } })).toEqual({ ok: true, trackingNumber: 'COLI12345678', carrier: 'Colissimo' })
  })

  it('batches parcels per carrier, whatever the spelling', () => {
    expect(carrierKey('fedex ground')).toBe('FedEx')
    const batches = batchesByCarrier([
      { carrier: 'UPS', n: 1 },
      { carrier: 'dhl', n: 2 },
      { carrier: 'ups', n: 3 },
      { carrier: ' Colissimo ', n: 4 },
    ])
    expect([...batches.keys()]).toEqual(['UPS', 'DHL', 'Colissimo'])
    expect(batches.get('UPS')!.map((p) => p.n)).toEqual([1, 3])
  })
})
