// The case on screen: its folded state, the step shown (the next one unless staff went back),
// and every write of the intake steps. Each write returns the case as the services now see it,
// so the screen always shows what is recorded, never what it hoped to record.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ResultError, Result } from '@shared/contract/result'
import { caseProgress, type StepId } from '@shared/domain/case-progress'
import { useApi } from '../api/port'
import { apiGateway } from './intake-api'
import type { Fact, IntakeCase, OverrideInput, PhotoTarget, StoredPhoto } from './intake-gateway'

export type ScreenStep = StepId | 'summary'

export const useIntakeStore = defineStore('intake', () => {
  const gateway = apiGateway(useApi())
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
    const r = await gateway.get(caseId)
    if (!r.ok) {
      error.value = r.error
      return false
    }
    current.value = r.value
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

  const record = (fact: Fact) => run(() => gateway.record(id(), fact), (c) => c).then((c) => c !== null)
  // Every verdict, covered too, stays on screen with its dates until staff have read it to
  // the customer and chosen what follows (EligibilityStep's "continue" or the refusal's actions).
  const decide = async () => {
    const c = await run(() => gateway.decideEligibility(id()), (v) => v)
    if (c) {
      viewing.value = 'eligibility'
      justDecided.value = true
    }
    return c !== null
  }
  const photo = (target: PhotoTarget, blob: Blob): Promise<StoredPhoto | null> =>
    run(() => gateway.photo(id(), target, blob), (v) => v.case).then((v) => v?.photo ?? null)
  const pin = (kind: 'pin' | 'pattern', value: string) => run(() => gateway.pin(id(), kind, value), (c) => c).then((c) => c !== null)
  const override = (input: OverrideInput) => run(() => gateway.override(id(), input), (c) => c).then((c) => c !== null)

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

  return { current, notice, justDecided, state, progress, step, stepIndex, busy, error, open, reload, close, record, decide, photo, pin, override, back, forward, goTo }
})
