// ESLint for the whole project: typescript-eslint's recommended rules, no import cycles, regular
// expressions checked for catastrophic backtracking, and Prettier deciding the layout.
// eslint-plugin-regexp's ReDoS rules recognise known shapes only (they missed the regexes of
// issue 10); scripts/check-regex.ts, run by `npm run lint` after ESLint, puts every regex
// literal of server/, client/, scripts/ and test/helpers through recheck as well.
// The layering itself (which folder may import which) is kept by test/unit/architecture.test.ts.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'server/generated/**', 'test/vscode/.run/**', 'test/grammar/yaml/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    plugins: { 'import-x': importX },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
        queueMicrotask: 'readonly',
        setImmediate: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
    settings: { 'import-x/extensions': ['.ts', '.mts', '.js', '.mjs'], 'import-x/resolver': { node: { extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] } } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // Catastrophic regexes: a pattern whose matching time grows faster than linearly is an error.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Kubernetes' own patterns are kept as Kubernetes writes them (they appear in its messages).
      'regexp/use-ignore-case': 'off',
      'regexp/prefer-w': 'off',
      'regexp/prefer-d': 'off',
      'regexp/no-unused-capturing-group': 'off',
      // Kubernetes objects are plain JSON read the way the API server hands them over.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Scripts and tests read only the project's own files: their regexes see no hostile input
    // (scripts/check-regex.ts still checks scripts/ and test/helpers).
    files: ['scripts/**', 'test/**'],
    rules: { 'regexp/no-super-linear-backtracking': 'off', 'regexp/no-super-linear-move': 'off' },
  },
  {
    files: ['client/src/webview/**/*.ts'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        HTMLElement: 'readonly',
        Element: 'readonly',
        MessageEvent: 'readonly',
        NodeFilter: 'readonly',
        Intl: 'readonly',
      },
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
