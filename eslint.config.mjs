// Flat ESLint config: typescript-eslint's recommended rules plus the project's boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', '.infra/**', '**/.scratch/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'apps/*/web/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // formatting is prettier's (`npm run format`, checked in `npm test`): no stylistic rule of ESLint's competes with it
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    // Apps talk to each other only through Kafka events and Temporal: never import another app.
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/*', '../../*/src/*'], message: 'apps must not import each other; share contracts through libs/contracts' }] }],
    },
  },
  {
    // Libraries and workflows never depend on apps.
    files: ['libs/**/*.ts', 'workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**'], message: 'libs and workflows must not import apps' }] }],
    },
  },
);
