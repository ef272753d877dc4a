import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(__dirname, 'shared') }
const setup = resolve(__dirname, 'tests/support/vitest-setup.ts')

export default defineConfig({
  resolve: { alias },
  test: {
    // A temp folder per run, checked for leftovers at the end; each test's processes and
    // folders undone after it; service logs shown only for a failing test.
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: [setup] } },
      {
        resolve: { alias },
        plugins: [vue()],
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.ts'], environment: 'happy-dom', setupFiles: [setup] },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: [setup],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll's 1 s default is too short for a child process or a printer to answer on a
          // loaded two-core machine: a condition that holds is waited for, one that never holds still fails.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: [setup],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Chromium renders after the services answered: a 1 s poll fails under load (see above).
          expect: { poll: { timeout: 15_000 } },
          // Each e2e file starts its own hosts and Chromium: run them after the rest, two at a time.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
