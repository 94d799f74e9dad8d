import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.tools/',
      '.data/',
      'coverage/',
      'src/client/generated/',
      'src/graphql/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // The layers (README, "Code map"): above the backend interface, nothing reaches into a
  // backend's own folder or its failure mapping; Almanac's records never depend on a backend.
  {
    files: ['src/services/**/*.ts', 'src/graphql/**/*.ts', 'src/server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/backends/*/**', '**/backends/backendFailure*', '**/backends/backendKinds*'],
              message:
                'Talk to backends through backends/backend.ts and the registry: a backend kind is its own folder.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/auth/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/backends/**', '**/services/**', '**/server/**', '**/graphql/**'],
              message: 'domain/ and auth/ sit below services and backends: nothing here imports them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/backends/**', '**/services/**', '**/server/**', '**/graphql/**'],
              message:
                "store/ keeps Almanac's own records below the services: nothing here imports backends, services, server or graphql.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['assets/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        React: 'readonly',
        ReactDOM: 'readonly',
        GraphiQL: 'readonly',
      },
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
