import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'emulator/portal/public/vendor'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // The layers (STYLE.md §1): ui → core ← bitrix, app wires them; only bitrix imports the SDK.
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    ignores: ['src/bitrix/**', 'test/**', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@bitrix24/*'], message: 'Only src/bitrix imports the SDK.' }] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/encode/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'sonner'], message: 'core and encode know no React.' },
            { group: ['@bitrix24/*'], message: 'Only src/bitrix imports the SDK.' },
            {
              group: ['**/ui/**', '**/bitrix/**', '**/app/**', '**/i18n/**'],
              message: 'core and encode depend on nothing else in src.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@bitrix24/*'], message: 'Only src/bitrix imports the SDK.' },
            {
              group: ['**/bitrix/**', '**/app/**'],
              message: 'ui reaches the portal through core ports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/bitrix/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'sonner'], message: 'bitrix knows no React.' },
            {
              group: ['**/ui/**', '**/app/**', '**/i18n/**'],
              message: 'bitrix depends on core only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain Node scripts (no TypeScript to know the globals).
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
