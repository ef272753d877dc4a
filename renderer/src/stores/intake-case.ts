// A case as the intake screens show it, and how the services' answers become one: every step
// call answers with the case as now recorded (StepResult), which the screen adopts as it is.
import type { PhotoView, StepResult } from '@shared/contract/intake-views'
import { ok, type Result } from '@shared/contract/result'
import type { CaseDetail, CaseSummary, OrderView } from '@shared/contract/views'
import type { CaseState } from '@shared/domain/case-state'
import type { IntakeDetail } from '@shared/contract/intake-views'
import type { CaseEventPayload } from '@shared/domain/case-events'

/** A case as the screens show it: the summary, the order (null once purged) and the folded state. */
export interface IntakeCase {
  summary: CaseSummary
  order: OrderView | null
  state: CaseState
  /** The services' view of the steps: progress, flags, photo plan, accounts, label. */
  intake: IntakeDetail
  /** Set when the last entry was already recorded (a second scan): nothing was added. */
  notice?: string
}

/** Where a photo goes: a condition shot, a package shot, exclusion evidence, the account proof. */
export type PhotoTarget =
  | { kind: 'condition'; shot: string }
  | { kind: 'package'; shot: string }
  | { kind: 'exclusion'; shot: string }
  | { kind: 'account_proof' }

export type StoredPhoto = Pick<PhotoView, 'sha256' | 'size' | 'mime'>

export interface OverrideInput {
  supervisorPin: string
  subject: CaseEventPayload<'supervisor.override'>['subject']
  verdict?: 'covered' | 'not_covered'
  reason: string
}

export function intakeCaseOf(detail: CaseDetail): IntakeCase {
  return { summary: detail.summary, order: detail.order, state: detail.state, intake: detail.intake }
}

/** A step result as the case it leaves, with the services' notice for a repeated entry. */
export function stepCase(r: Result<StepResult>): Result<IntakeCase> {
  if (!r.ok) return r
  const c = intakeCaseOf(r.value.detail)
  return ok(r.value.notice && !r.value.recorded ? { ...c, notice: r.value.notice } : c)
}

export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** photos.capture's purpose and shot for a target (the account proof is one fixed shot). */
export const purposeOf = (t: PhotoTarget) => (t.kind === 'account_proof' ? { purpose: t.kind, shot: 'account_screen' } : { purpose: t.kind, shot: t.shot })
