// The case on screen: its folded state, the step shown (the next one unless staff went back),
// and what staff (or the customer) do in the intake steps, one action per intent, each the
// contract call that records it. Each returns the case as the services now see it, so the
// screen always shows what is recorded, never what it hoped to record.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DropDeskApi } from '@shared/contract/api'
import type { StepResult } from '@shared/contract/intake-views'
import { ok, type ResultError, type Result } from '@shared/contract/result'
import { caseProgress, type StepId } from '@shared/domain/case-progress'
import { useApi } from '../api/port'
import { base64Of, intakeCaseOf, purposeOf, stepCase, type IntakeCase, type OverrideInput, type PhotoTarget, type StoredPhoto } from './intake-case'

export type ScreenStep = StepId | 'summary'

/** What a step enters for a call: its input without the case, which is the one on screen. */
type Entry<D extends 'intake' | 'packing' | 'photos', V extends keyof DropDeskApi[D]> = DropDeskApi[D][V] extends (input: infer I) => unknown ? Omit<I, 'caseId'> : never

export const useIntakeStore = defineStore('intake', () => {
  const api = useApi()
  const current = ref<IntakeCase | null>(null)
  /** A step staff chose (back, or a step to look at again); null follows the case's next step. */
  const viewing = ref<ScreenStep | null>(null)
  const busy = ref(false)
  const error = ref<ResultError | null>(null)
  /** The services' word on an entry already recorded (a second scan, a double tap). */
  const notice = ref<string | null>(null)
  /** The verdict was just decided and is on screen to be read (no "reopen" offered over it). */
  const justDecided = ref(false)

  const state = computed(() => current.value?.state ?? null)
  const progress = computed(() => (state.value ? caseProgress(state.value) : null))
  const step = computed<ScreenStep>(() => viewing.value ?? progress.value?.next ?? 'summary')
  const stepIndex = computed(() => progress.value?.steps.findIndex((s) => s.id === step.value) ?? -1)

  function adopt(c: IntakeCase): void {
    const before = step.value
    notice.value = c.notice ?? null
    current.value = c
    // Once the step on screen is done, the screen moves on by itself; the verdict stays up
    // until staff have read it (EligibilityStep has its own "continue").
    const shown = progress.value?.steps.find((s) => s.id === before)
    if (viewing.value && viewing.value !== 'eligibility' && shown?.done && viewing.value !== 'summary') viewing.value = null
  }

  async function run<T>(call: () => Promise<Result<T>>, take: (v: T) => IntakeCase | null): Promise<T | null> {
    if (busy.value) return null
    busy.value = true
    error.value = null
    try {
      const r = await call()
      if (!r.ok) {
        error.value = r.error
        return null
      }
      const c = take(r.value)
      if (c) adopt(c)
      return r.value
    } finally {
      busy.value = false
    }
  }

  async function open(caseId: string): Promise<boolean> {
    justDecided.value = false
    viewing.value = null
    error.value = null
    const r = await api.cases.get({ caseId })
    if (!r.ok) {
      error.value = r.error
      return false
    }
    current.value = intakeCaseOf(r.value)
    return true
  }

  async function reload(): Promise<void> {
    if (current.value) await open(current.value.state.id)
  }

  function close(): void {
    justDecided.value = false
    current.value = null
    viewing.value = null
    error.value = null
    notice.value = null
  }

  const id = () => current.value?.state.id ?? ''

  /** One step call on the case on screen; true once recorded (or already recorded). */
  const recordBy = (call: (caseId: string) => Promise<Result<StepResult>>) =>
    run(async () => stepCase(await call(id())), (c) => c).then((c) => c !== null)

  // --- assessment
  const identify = (e: Entry<'intake', 'identify'>) => recordBy((caseId) => api.intake.identify({ caseId, ...e }))
  const observeExclusion = (e: Entry<'intake', 'observeExclusion'>) => recordBy((caseId) => api.intake.observeExclusion({ caseId, ...e }))
  const withdrawExclusion = (e: Entry<'intake', 'withdrawExclusion'>) => recordBy((caseId) => api.intake.withdrawExclusion({ caseId, ...e }))
  const retype = (e: Entry<'intake', 'retype'>) => recordBy((caseId) => api.intake.retype({ caseId, ...e }))
  // Every verdict, covered too, stays on screen with its dates until staff have read it to
  // the customer and chosen what follows (EligibilityStep's "continue" or the refusal's actions).
  const decide = async () => {
    const c = await run(async () => stepCase(await api.intake.decideEligibility({ caseId: id() })), (v) => v)
    if (c) {
      viewing.value = 'eligibility'
      justDecided.value = true
    }
    return c !== null
  }

  // --- evidence
  const photo = (target: PhotoTarget, blob: Blob): Promise<StoredPhoto | null> =>
    run(
      async () => {
        const mime = blob.type === 'image/png' || blob.type === 'image/webp' ? blob.type : 'image/jpeg'
        const r = await api.photos.capture({ caseId: id(), ...purposeOf(target), mime, data: await base64Of(blob) })
        if (!r.ok) return r
        return ok({ photo: { sha256: r.value.photo.sha256, size: r.value.photo.size, mime: r.value.photo.mime }, case: intakeCaseOf(r.value.detail) })
      },
      (v) => v.case,
    ).then((v) => v?.photo ?? null)
  const skipPhoto = (e: Entry<'photos', 'skip'>) => recordBy((caseId) => api.photos.skip({ caseId, ...e }))
  const confirmBackup = (e: Entry<'intake', 'backup'>) => recordBy((caseId) => api.intake.backup({ caseId, ...e }))
  const accountDisconnected = (e: Entry<'intake', 'accountDisconnected'>) => recordBy((caseId) => api.intake.accountDisconnected({ caseId, ...e }))
  const accountStillLocked = (e: Entry<'intake', 'accountStillLocked'>) => recordBy((caseId) => api.intake.accountStillLocked({ caseId, ...e }))
  const pin = (kind: 'pin' | 'pattern', value: string) => recordBy((caseId) => api.intake.providePin({ caseId, kind, pin: value }))
  const skipPin = (e: Entry<'intake', 'skipPin'>) => recordBy((caseId) => api.intake.skipPin({ caseId, ...e }))
  const recordAccessories = (e: Entry<'intake', 'accessories'>) => recordBy((caseId) => api.intake.accessories({ caseId, ...e }))
  const checkAge = (e: Entry<'intake', 'checkAge'>) => recordBy((caseId) => api.intake.checkAge({ caseId, ...e }))
  const completeEvidence = () => recordBy((caseId) => api.intake.completeEvidence({ caseId }))

  // --- packing and label
  const checkItem = (item: Entry<'packing', 'check'>['item']) => recordBy((caseId) => api.packing.check({ caseId, item }))
  const uncheckItem = (item: Entry<'packing', 'uncheck'>['item']) => recordBy((caseId) => api.packing.uncheck({ caseId, item }))
  const recordSlip = (via: Entry<'packing', 'slip'>['via']) => recordBy((caseId) => api.packing.slip({ caseId, via }))
  const packed = () => recordBy((caseId) => api.packing.done({ caseId }))
  const recordLabel = (code: string, carrier: string) => recordBy((caseId) => api.label.record({ caseId, code, carrier }))
  const bindLabel = (code: string) => recordBy((caseId) => api.label.bind({ caseId, code }))

  // --- control
  const hold = (e: Entry<'intake', 'hold'>) => recordBy((caseId) => api.intake.hold({ caseId, ...e }))
  const resume = () => recordBy((caseId) => api.intake.resume({ caseId }))
  const reopen = (e: Entry<'intake', 'reopen'>) => recordBy((caseId) => api.intake.reopen({ caseId, ...e }))
  const cancel = (e: Entry<'intake', 'cancel'>) => recordBy((caseId) => api.intake.cancel({ caseId, ...e }))
  /** Closing a refused case hands the device back: not a cancellation. */
  const closeRefused = (note?: string) => recordBy((caseId) => api.intake.closeRefused({ caseId, ...(note ? { note } : {}) }))
  const override = (input: OverrideInput) => recordBy((caseId) => api.intake.override({ caseId, ...input }))

  /** Back to the step before the one on screen (a committed step is shown read-only). */
  function back(): void {
    justDecided.value = false
    const steps = progress.value?.steps ?? []
    const i = step.value === 'summary' ? steps.length : stepIndex.value
    const prev = steps[i - 1]
    if (prev) viewing.value = prev.id
  }

  /** Forward, never past the first step not done yet. */
  function forward(): void {
    justDecided.value = false
    const steps = progress.value?.steps ?? []
    const next = steps[stepIndex.value + 1]
    if (!next || next.id === progress.value?.next || !steps[stepIndex.value]?.done) viewing.value = null
    else viewing.value = next.id
  }

  function goTo(s: ScreenStep): void {
    justDecided.value = false
    // A refused case stops where it was refused: steps not done yet stay closed.
    const blocked = progress.value?.blocked?.kind === 'refused'
    if (blocked && s !== 'summary' && !progress.value?.steps.find((x) => x.id === s)?.done) return
    viewing.value = s === progress.value?.next ? null : s
  }

  return {
    current, notice, justDecided, state, progress, step, stepIndex, busy, error, open, reload, close, back, forward, goTo,
    identify, observeExclusion, withdrawExclusion, retype, decide,
    photo, skipPhoto, confirmBackup, accountDisconnected, accountStillLocked, pin, skipPin, recordAccessories, checkAge, completeEvidence,
    checkItem, uncheckItem, recordSlip, packed, recordLabel, bindLabel,
    hold, resume, reopen, cancel, closeRefused, override,
  }
})
