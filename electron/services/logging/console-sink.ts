// Where a service log line goes besides its data dir's files: stderr, except under the tests
// (DROPDESK_LOG_CONSOLE=held), where the lines are held in memory and printed only for a test
// that fails. Otherwise a passing run would bury its own report under hundreds of JSON lines.
const HELD_MAX = 2_000
const held: string[] = []
const watchers = new Set<(line: string) => void>()

export function toConsole(line: string): void {
  for (const w of watchers) w(line)
  if (process.env.DROPDESK_LOG_CONSOLE === 'held') {
    held.push(line)
    if (held.length > HELD_MAX) held.shift()
    return
  }
  process.stderr.write(line + '\n')
}

/** The held lines since the last call (oldest first), emptied. */
export function takeHeldLogLines(): string[] {
  return held.splice(0)
}

/** Every console line from now on, held or not (tests that check what was logged). */
export function watchConsoleLines(fn: (line: string) => void): () => void {
  watchers.add(fn)
  return () => watchers.delete(fn)
}
