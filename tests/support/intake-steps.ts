// Walks a case through the intake's calls up to a given point, for the tests that are about
// what comes after (bad input, hand-over, restart).
import type { PhotoCaptureResult, StepResult } from '@shared/contract/intake-views'
import type { ManifestRecord } from '@shared/manifest/record'
import { jpeg, type IntakeFixture } from './intake-fixture'

/** Identifies the device with the order's own identifiers and decides the eligibility. */
export async function assess(f: IntakeFixture, r: ManifestRecord, caseId: string): Promise<StepResult> {
  await f.ok('intake.identify', { caseId, ...(r.item.imei ? { imei: r.item.imei } : { serial: r.item.serial }) }, f.staff)
  return f.ok('intake.decideEligibility', { caseId }, f.staff)
}

/** Takes every required condition photo (distinct bytes from `seed` on). */
export async function takePhotos(f: IntakeFixture, caseId: string, seed: number, skip: readonly string[] = []): Promise<StepResult> {
  const detail = (await f.ok<{ intake: { photoPlan: { required: string[] } } }>('cases.get', { caseId }, f.staff)).intake.photoPlan
  let last: StepResult | null = null
  for (const [n, shot] of detail.required.entries()) {
    if (skip.includes(shot)) continue
    last = await f.ok<PhotoCaptureResult>('photos.capture', { caseId, purpose: 'condition', shot, mime: 'image/jpeg', data: jpeg(seed + n) }, f.staff)
  }
  return last!
}

/** Backup, account (staff confirmation), PIN skipped (no lock). */
export async function prerequisites(f: IntakeFixture, caseId: string): Promise<StepResult> {
  const res = await f.ok('intake.backup', { caseId, kind: 'backed_up_and_removed' }, f.staff)
  await f.ok('intake.accountDisconnected', { caseId, accounts: res.detail.intake.accounts, proof: 'staff_confirmed' }, f.staff)
  return f.ok('intake.skipPin', { caseId, reason: 'no_lock' }, f.staff)
}

/** Ticks the checklist, records the slip, takes both package photos, closes packing. */
export async function pack(f: IntakeFixture, caseId: string, seed: number): Promise<StepResult> {
  const detail = await f.ok<{ intake: { packing: { checklist: string[] } } }>('cases.get', { caseId }, f.staff)
  for (const item of detail.intake.packing.checklist) await f.ok('packing.check', { caseId, item }, f.staff)
  await f.ok('packing.slip', { caseId, via: 'written' }, f.staff)
  for (const [n, shot] of ['package_inside', 'package_outside'].entries()) {
    await f.ok('photos.capture', { caseId, purpose: 'package', shot, mime: 'image/jpeg', data: jpeg(seed + n) }, f.staff)
  }
  return f.ok('packing.done', { caseId }, f.staff)
}

/** From a fresh case to packed: assessment, photos, prerequisites, evidence, packing. */
export async function toPacked(f: IntakeFixture, r: ManifestRecord, caseId: string, seed: number): Promise<StepResult> {
  await assess(f, r, caseId)
  await takePhotos(f, caseId, seed)
  await prerequisites(f, caseId)
  await f.ok('intake.completeEvidence', { caseId }, f.staff)
  return pack(f, caseId, seed + 50)
}
