// What the intake screens need from the services, in the screens' own words. The intake store
// calls only this; apiGateway() maps it onto the contract's calls, so a renamed call changes
// one file, and the step components never see the transport.
import type { CaseEventPayload, CaseEventType } from '@shared/domain/case-events'
import type { CaseState } from '@shared/domain/case-state'
import type { Result } from '@shared/contract/result'
import type { IntakeDetail } from '@shared/contract/intake-views'
import type { CaseSummary, OrderView } from '@shared/contract/views'

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

/** The plain facts a step records (no file, no secret): an event type and its payload. */
export type FactType = Exclude<
  CaseEventType,
  'case.started' | 'photo.captured' | 'package.photographed' | 'eligibility.decided' | 'pin.provided' | 'supervisor.override' | 'handed_over'
>
export type Fact = { [T in FactType]: { type: T; payload: CaseEventPayload<T> } }[FactType]

/** Where a photo goes: a condition shot, a package shot, exclusion evidence, the account proof. */
export type PhotoTarget =
  | { kind: 'condition'; shot: string }
  | { kind: 'package'; shot: string }
  | { kind: 'exclusion'; shot: string }
  | { kind: 'account_proof' }

export interface StoredPhoto {
  sha256: string
  size: number
  mime: 'image/jpeg' | 'image/png' | 'image/webp'
}

export interface OverrideInput {
  supervisorPin: string
  subject: CaseEventPayload<'supervisor.override'>['subject']
  verdict?: 'covered' | 'not_covered'
  reason: string
}

export interface IntakeGateway {
  get(caseId: string): Promise<Result<IntakeCase>>
  record(caseId: string, fact: Fact): Promise<Result<IntakeCase>>
  /** The services decide the verdict from the order, the clock and the exclusions. */
  decideEligibility(caseId: string): Promise<Result<IntakeCase>>
  /** Stores the photo (content-addressed) and, for condition / package shots, records its event. */
  photo(caseId: string, target: PhotoTarget, blob: Blob): Promise<Result<{ photo: StoredPhoto; case: IntakeCase }>>
  pin(caseId: string, kind: 'pin' | 'pattern', pin: string): Promise<Result<IntakeCase>>
  override(caseId: string, input: OverrideInput): Promise<Result<IntakeCase>>
}
