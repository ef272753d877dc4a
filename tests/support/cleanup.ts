// Everything a test starts (a host process, a browser, a temp folder) is registered here and
// undone after the test by tests/support/vitest-setup.ts, whether the test passed or failed,
// in reverse order of registration (a host stops before its folder is removed).
import type { ChildProcess } from 'node:child_process'

type Cleanup = () => void | Promise<void>

const afterThisTest: Cleanup[] = []
const afterThisFile: Cleanup[] = []
const onFailure: Array<() => string> = []

// Set by vitest-setup.ts around each test (its beforeEach and afterEach). expect's
// currentTestName is not enough: it still names the last test while a later describe's
// beforeAll runs, which would stop a shared host after the first test that uses it.
let inTest = false
export function markTestRunning(running: boolean): void {
  inTest = running
}

/** Inside a test (or its beforeEach): undone after it; in beforeAll or at the top of a file: after the file. */
function currentScope(): 'test' | 'file' {
  return inTest ? 'test' : 'file'
}

/** Runs `fn` after the current test (or after the file, for a resource shared by its tests). */
export function onCleanup(fn: Cleanup, scope: 'test' | 'file' = currentScope()): void {
  ;(scope === 'test' ? afterThisTest : afterThisFile).push(fn)
}

/** Shown only when the current test fails: a child's output, for instance. */
export function onTestFailure(describe: () => string): void {
  onFailure.push(describe)
}

/** Stops `child` (SIGTERM, then SIGKILL after 5 s) after the test, if it still runs. */
export function stopAfter(child: ChildProcess, scope: 'test' | 'file' = currentScope()): void {
  onCleanup(() => stopProcess(child), scope)
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

async function runAll(list: Cleanup[]): Promise<Error[]> {
  const errors: Error[] = []
  for (const fn of list.splice(0).reverse()) {
    try {
      await fn()
    } catch (e) {
      errors.push(e instanceof Error ? e : new Error(String(e)))
    }
  }
  return errors
}

export function failureNotes(): string[] {
  return onFailure.splice(0).map((f) => f())
}

export function forgetFailureNotes(): void {
  onFailure.length = 0
}

export const runTestCleanups = () => runAll(afterThisTest)
export const runFileCleanups = () => runAll(afterThisFile)
