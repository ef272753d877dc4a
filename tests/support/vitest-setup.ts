// Loaded before every test file (vitest.config.ts setupFiles). After each test: the service
// logs it produced and its registered notes are printed only if it failed; then everything it
// registered in cleanup.ts is stopped and removed, pass or fail.
import { afterAll, afterEach, beforeEach } from 'vitest'
import { takeHeldLogLines } from '../../electron/services/logging/console-sink'
import { failureNotes, forgetFailureNotes, markTestRunning, runFileCleanups, runTestCleanups } from './cleanup'

beforeEach(() => {
  markTestRunning(true)
})

afterEach(async (context) => {
  markTestRunning(false)
  const failed = context.task.result?.state === 'fail'
  const logs = takeHeldLogLines()
  if (failed) {
    const notes = failureNotes()
    const shown = [...notes, ...(logs.length ? [`service logs of this test (last ${Math.min(logs.length, 200)}):`, ...logs.slice(-200)] : [])]
    if (shown.length) process.stderr.write(`\n── ${context.task.name} ──\n${shown.join('\n')}\n`)
  } else {
    forgetFailureNotes()
  }
  const errors = await runTestCleanups()
  if (errors.length) throw new AggregateError(errors, `cleaning up after the test failed: ${errors.map((e) => e.message).join('; ')}`)
})

afterAll(async () => {
  const errors = await runFileCleanups()
  takeHeldLogLines()
  if (errors.length) throw new AggregateError(errors, `cleaning up after the file failed: ${errors.map((e) => e.message).join('; ')}`)
})
