// The kill storm's step chooser: given a case as a reply showed it, the next call the step
// screens would make, read from the case's own `intake.progress.next` (so the storm follows
// the services' idea of the intake, whatever order the steps come in). Photos are real
// pictures' worth of bytes, different for every capture, so a capture the kill interrupts
// leaves a file no other capture shares.
import type { CaseDetail } from '@shared/contract/views'
import type { ManifestRecord } from '@shared/manifest/record'

export interface StormCall {
  name: string
  input: Record<string, unknown>
}

export interface StepChoices {
  random: () => number
  /** A fresh photo number: photoData(n) differs for every n. */
  nextPhoto: () => number
  /** The SHA-256 of an account-screen photo confirmed for this case, if any. */
  proofSha: string | null
}

const PHOTO_BYTES = 24 * 1024

/** A JPEG-signed picture of PHOTO_BYTES: the number n in its header, filler derived from n. */
export function photoData(n: number): string {
  const bytes = Buffer.alloc(PHOTO_BYTES, n % 251)
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0)
  bytes.writeUInt32BE(n >>> 0, 4)
  bytes.set([0xff, 0xd9], PHOTO_BYTES - 2)
  return bytes.toString('base64')
}

const capture = (caseId: string, purpose: string, shot: string, n: number): StormCall => ({
  name: 'photos.capture',
  input: { caseId, purpose, shot, mime: 'image/jpeg', data: photoData(n) },
})

/** The next call for this case, or null once it is closed (handed over). Throws when it is blocked. */
export function nextCall(detail: CaseDetail, order: ManifestRecord, choose: StepChoices): StormCall | null {
  const caseId = detail.state.id
  const { progress, evidence, packing, accounts } = detail.intake
  if (progress.blocked) throw new Error(`case ${detail.state.caseNumber} is blocked (${JSON.stringify(progress.blocked)}): the storm's orders should all go through`)
  switch (progress.next) {
    case null:
      return null
    case 'identity':
      return { name: 'intake.identify', input: { caseId, ...(order.item.imei ? { imei: order.item.imei } : { serial: order.item.serial }) } }
    case 'eligibility':
      return { name: 'intake.decideEligibility', input: { caseId } }
    case 'photos':
      return capture(caseId, 'condition', evidence.photos!.missing[0]!, choose.nextPhoto())
    case 'backup':
      return { name: 'intake.backup', input: { caseId, kind: 'backed_up_and_removed' } }
    case 'account':
      if (choose.proofSha) return { name: 'intake.accountDisconnected', input: { caseId, accounts, proof: 'photo', photoSha256: choose.proofSha } }
      // Half the time the proof is a photo of the account screen: one more file to orphan.
      if (choose.random() < 0.5) return capture(caseId, 'account_proof', 'account_screen', choose.nextPhoto())
      return { name: 'intake.accountDisconnected', input: { caseId, accounts, proof: 'staff_confirmed' } }
    case 'pin':
      if (choose.random() < 0.4) return { name: 'intake.providePin', input: { caseId, kind: 'pin', pin: String(1000 + Math.floor(choose.random() * 9_000_000)) } }
      return { name: 'intake.skipPin', input: { caseId, reason: 'no_lock' } }
    case 'evidence_review':
      return { name: 'intake.completeEvidence', input: { caseId } }
    case 'packing': {
      const item = packing.progress.missingItems[0]
      return item ? { name: 'packing.check', input: { caseId, item } } : { name: 'packing.slip', input: { caseId, via: 'written' } }
    }
    case 'package_photos': {
      const shot = packing.progress.missingShots[0]
      return shot ? capture(caseId, 'package', shot, choose.nextPhoto()) : { name: 'packing.done', input: { caseId } }
    }
    case 'label':
      return { name: 'label.bind', input: { caseId, code: order.returnRequest!.trackingNumber } }
    case 'handover':
      // This parcel scanned; other workers' parcels waiting for the carrier stay, with the reason.
      return {
        name: 'handover.closeBatch',
        input: { carrier: order.returnRequest!.carrier, driverAt: new Date().toISOString(), scanned: [order.returnRequest!.trackingNumber], exception: 'Not this pickup: next one' },
      }
    default:
      throw new Error(`the storm does not drive the "${progress.next}" step (case ${detail.state.caseNumber})`)
  }
}
