// Photos of a case (issue #3): the bytes go to the content-addressed photo store, fsynced
// before the event that references them commits. Condition and package shots are recorded
// at once (photo.captured / package.photographed); exclusion evidence and account proofs are
// stored and their sha256 returned, to be cited by intake.observeExclusion / accountDisconnected.
import { z } from 'zod'
import { call, id } from '../define'
import { photoPurposes, type PhotoBytes, type PhotoCaptureResult, type StepResult } from '../intake-views'
import { conditionShotIds, skipReasons } from '../../domain/photo-sets'

/** 8 MB of bytes is about 11.2 M base64 characters (PhotoStore's limit). */
const MAX_BASE64 = 11_200_000

export const photoCalls = {
  /**
   * `shot`: a condition shot id (photo-sets.ts) for 'condition', a package shot id (packing.ts)
   * for 'package', an exclusion shot id (exclusions.ts) for 'exclusion', 'account_screen' for
   * 'account_proof'. The services check the shot against the purpose and the case.
   */
  'photos.capture': call<PhotoCaptureResult>()(
    z.strictObject({
      caseId: id,
      purpose: z.enum(photoPurposes),
      shot: z.string().min(1).max(40),
      mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
      data: z.string().min(4).max(MAX_BASE64).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
    }),
  ),
  /** A shot the device cannot show (screen on, for a dead device), with the reason. */
  'photos.skip': call<StepResult>()(
    z.strictObject({ caseId: id, shot: z.enum(conditionShotIds), reason: z.enum(skipReasons), note: z.string().trim().min(1).max(500).optional() }),
  ),
  /** A photo of this case, bytes as base64 (thumbnails, review). */
  'photos.get': call<PhotoBytes>()(z.strictObject({ caseId: id, sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
}
