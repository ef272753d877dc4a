import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, effectScope, h, ref, type Ref } from 'vue'
import { useKeyboardWedge, type KeyboardWedgeOptions } from '../../renderer/src/composables/useKeyboardWedge'

const isUpper = (c: string): boolean => c !== c.toLowerCase()

/**
 * Dispatches a keydown with a chosen timeStamp. Synthetic events have no default action,
 * so for a text field the browser's char insertion is mimicked when nobody prevented it.
 */
function press(target: EventTarget, key: string, at: number, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  Object.defineProperty(e, 'timeStamp', { value: at })
  target.dispatchEvent(e)
  if (!e.defaultPrevented && key.length === 1 && target instanceof HTMLInputElement) {
    const start = target.selectionStart ?? target.value.length
    const end = target.selectionEnd ?? start
    target.value = target.value.slice(0, start) + key + target.value.slice(end)
    target.setSelectionRange(start + 1, start + 1)
    target.dispatchEvent(new Event('input', { bubbles: true }))
  }
  return e
}

/** Types `text` then Enter, `gap` ms apart; returns the Enter event. */
function type(target: EventTarget, text: string, gap: number, start: number): KeyboardEvent {
  let at = start
  for (const c of text) {
    if (isUpper(c)) press(target, 'Shift', at, { shiftKey: true })
    press(target, c, at, { shiftKey: isUpper(c) })
    at += gap
  }
  return press(target, 'Enter', at)
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

interface Kiosk {
  model: Ref<string>
  input: HTMLInputElement
}

function mountKiosk(onScan: (code: string) => void, options?: KeyboardWedgeOptions): Kiosk {
  const model = ref('abc')
  const KioskView = defineComponent({
    setup() {
      useKeyboardWedge(onScan, options)
      // Hand-written v-model: string templates would need the runtime compiler.
      return () =>
        h('input', {
          value: model.value,
          onInput: (e: Event) => (model.value = (e.target as HTMLInputElement).value),
        })
    },
  })
  wrapper = mount(KioskView, { attachTo: document.body })
  return { model, input: wrapper.element as HTMLInputElement }
}

describe('useKeyboardWedge', () => {
  it('takes a scan with nothing focused and swallows its Enter', () => {
    const onScan = vi.fn()
    mountKiosk(onScan)
    expect(document.activeElement).toBe(document.body)
    const enter = type(window, 'RMA-7731902', 5, 1000)
    expect(onScan).toHaveBeenCalledExactlyOnceWith('RMA-7731902')
    expect(enter.defaultPrevented).toBe(true)
  })

  it('takes a scan into a focused input and leaves the field as it was', () => {
    const onScan = vi.fn()
    const { model, input } = mountKiosk(onScan)
    input.focus()
    input.setSelectionRange(1, 1)
    type(input, '1Z999AA10123456784', 5, 1000)
    expect(onScan).toHaveBeenCalledExactlyOnceWith('1Z999AA10123456784')
    expect(input.value).toBe('abc')
    expect(model.value).toBe('abc')
    expect([input.selectionStart, input.selectionEnd]).toEqual([1, 1])
  })

  it('lets slow typing into the input through untouched', () => {
    const onScan = vi.fn()
    const { model, input } = mountKiosk(onScan)
    input.focus()
    const enter = type(input, 'xyz1', 150, 1000)
    expect(onScan).not.toHaveBeenCalled()
    expect(enter.defaultPrevented).toBe(false)
    expect(input.value).toBe('abcxyz1')
    expect(model.value).toBe('abcxyz1')
  })

  it('does not scan when disabled, and resumes when enabled again', () => {
    const onScan = vi.fn()
    const enabled = ref(false)
    mountKiosk(onScan, { enabled })
    type(window, 'SN4711', 5, 1000)
    expect(onScan).not.toHaveBeenCalled()
    enabled.value = true
    type(window, 'SN4711', 5, 2000)
    expect(onScan).toHaveBeenCalledExactlyOnceWith('SN4711')
  })

  it('passes classifier options through', () => {
    const onScan = vi.fn()
    mountKiosk(onScan, { prefix: ']' })
    type(window, 'SN4711', 5, 1000)
    type(window, ']SN4711', 5, 2000)
    expect(onScan).toHaveBeenCalledExactlyOnceWith('SN4711')
  })

  it('stops listening on unmount', () => {
    const onScan = vi.fn()
    mountKiosk(onScan)
    wrapper?.unmount()
    wrapper = null
    type(window, 'SN4711', 5, 1000)
    expect(onScan).not.toHaveBeenCalled()
  })

  it('works outside components and stops with its effect scope', () => {
    const onScan = vi.fn()
    const scope = effectScope()
    scope.run(() => useKeyboardWedge(onScan))
    type(window, 'SN4711', 5, 1000)
    scope.stop()
    type(window, 'SN4712', 5, 2000)
    expect(onScan).toHaveBeenCalledExactlyOnceWith('SN4711')
  })

  it('returns a stop function', () => {
    const onScan = vi.fn()
    const stop = useKeyboardWedge(onScan)
    stop()
    type(window, 'SN4711', 5, 1000)
    expect(onScan).not.toHaveBeenCalled()
  })
})
