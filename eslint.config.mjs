// Lint rules, including the architecture's boundaries: shared/ is pure (no electron, node or
// DOM), the renderer never reaches into electron/ (it talks to the services only through the
// contract).
import { builtinModules } from 'node:module'
import pluginVue from 'eslint-plugin-vue'
import vueI18n from '@intlify/eslint-plugin-vue-i18n'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history', 'HTMLElement', 'fetch', 'WebSocket']

export default tseslint.config(
  { ignores: ['out/**', '.out/**', 'dist/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ runs everywhere: no electron.' }, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs everywhere: no node built-ins.' }))],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself and zod.' }],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'shared/ runs everywhere: no DOM.' })), { name: 'process', message: 'shared/ runs everywhere: no node globals.' }, { name: 'Buffer', message: 'shared/ runs everywhere: no node globals.' }],
    },
  },
  {
    // Every visible string comes from the message files (en and fr): no raw text in a template.
    files: ['renderer/**/*.vue'],
    plugins: { '@intlify/vue-i18n': vueI18n },
    rules: {
      '@intlify/vue-i18n/no-raw-text': [
        'error',
        // Marks, digits and sizes are the same in every language; so are a language's own name and
        // the technical examples in the device and sync settings' fields.
        {
          ignorePattern: '^[-–—·•…:/×+%()#.,″✓○●⌫\\s\\d]*$',
          ignoreText: ['English', 'Français', '0c2e', '0b61', '/dev/ttyACM0, COM3', 'https://central.example.com'],
          attributes: { '/.+/': ['title', 'aria-label', 'placeholder', 'alt'] },
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer is sandboxed: it reaches the services through the injected API only.' }],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer never imports from electron/: use the contract (shared/contract).' }],
        },
      ],
    },
  },
)
