import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

const alias = { '@shared': resolve(__dirname, 'shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // The Electron shell.
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Browser mode: the same services over a loopback WebSocket.
          serve: resolve(__dirname, 'electron/host/serve.ts'),
          // Operator tools.
          'manifest-import': resolve(__dirname, 'electron/tools/manifest-import.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      // No inline scripts: the Content-Security-Policy forbids them.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
    },
  },
})
