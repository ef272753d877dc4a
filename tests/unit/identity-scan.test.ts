// Inside a case the step owns the scan: on "Identify the device" a serial, an IMEI or a box's
// GS1 code is the device's identity; a return label, an order number, a case label or a
// ticket is not. DropDesk's own case label and tickets are recognised as such.
import { describe, expect, it } from 'vitest'
import { classifyCode } from '@shared/domain/code-classifier'
import { identityFromScan } from '@shared/domain/identity-scan'

const computer = { imei: false, serial: true }
const phone = { imei: true, serial: false }
const cellularTablet = { imei: true, serial: true }
const scan = (code: string, asked: { imei: boolean; serial: boolean }) => identityFromScan(classifyCode(code), asked)

describe('a scan on "Identify the device"', () => {
  it('takes a computer serial as the serial, even shaped like an order code or a tracking number', () => {
    expect(classifyCode('FVFH0GRNHIA').kind).toBe('unknown')
    expect(scan('FVFH0GRNHIA', computer)).toEqual({ serial: 'FVFH0GRNHIA' })
    expect(scan('C02G13XVNSP', computer)).toEqual({ serial: 'C02G13XVNSP' })
    expect(classifyCode('3318800376').kind).toBe('tracking')
    expect(scan('3318800376', computer)).toEqual({ serial: '3318800376' })
  })

  it('takes an IMEI, a box code and a mistyped IMEI as the IMEI the step checks', () => {
    expect(scan('350883181198388', phone)).toEqual({ imei: '350883181198388' })
    expect(scan('(01)00194252708828(21)350883181198388', phone)).toEqual({ imei: '350883181198388' })
    expect(scan('350883181198389', phone)).toEqual({ imei: '350883181198389' })
    expect(scan('(01)00194252708828(21)DMPXK1ABCD12', cellularTablet)).toEqual({ serial: 'DMPXK1ABCD12' })
  })

  it('never takes a label, an order number, a case label or a ticket for the device', () => {
    for (const code of ['BMR-7736806-VS', 'BM-48221117', 'KX4J2-261204-007', 'DROPDESK-TICKET:482913']) {
      expect(scan(code, computer), code).toBeNull()
      expect(scan(code, phone), code).toBeNull()
    }
    expect(scan('FVFH0GRNHIA', phone)).toBeNull()
  })

  it('recognises DropDesk’s own case label and self-check ticket', () => {
    expect(classifyCode('KX4J2-261204-007')).toMatchObject({ kind: 'case', caseNumber: 'KX4J2-261204-007' })
    expect(classifyCode('kx4j2-261204-007')).toMatchObject({ kind: 'case', caseNumber: 'KX4J2-261204-007' })
    expect(classifyCode('DROPDESK-TICKET:482913')).toMatchObject({ kind: 'ticket', ticket: '482913' })
    expect(classifyCode('BM-48221117').kind).toBe('order')
    expect(classifyCode('BMR-7736806-VS').kind).toBe('label')
  })
})
