// ESLint 9 flat config. typescript-eslint's non type-checked rules keep `npm run lint` fast;
// `tsc --noEmit` does the type checking.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'data/**',
      'app/generated/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'public/**',
      'tests/bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['**/*.tsx', 'app/ui/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // A focused test silently skips the rest of the suite in CI.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'test', 'it'].map((object) => ({
          object,
          property: 'only',
          message: 'Remove .only before committing: it silently skips every other test.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Playwright's test.describe.only
          selector: "MemberExpression[property.name='only'][object.property.name='describe']",
          message: 'Remove .only before committing: it silently skips every other test.',
        },
      ],
    },
  },
  {
    // Routes stay thin: they call the domain services in app/modules/, which own the database.
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['#app/db.server*', '**/db.server*', '~/db.server*'],
              message: 'Routes never talk to the database: call a service in app/modules/<domain>/service.server.ts.',
            },
          ],
        },
      ],
    },
  },
)
