// ESLint: a small set of rules that catch real bugs (promises nobody awaits or handles, unused code, imports that
// only carry types), on every TypeScript project of the repository. Formatting is Prettier's (`prettier --check`),
// the layering dependency-cruiser's (.dependency-cruiser.cjs); both run beside this in `npm run lint`.
import tseslint from 'typescript-eslint';

const MESSAGE_CALLS = '/^(sendRequest|onRequest|sendNotification|onNotification)$/';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.vscode-test/**',
      'test/fixtures/**',
      'bench/tmp/**',
      '**/*.generated.ts',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
    },
  },
  {
    // Custom requests and notifications go through their typed objects (`sendRequest(RenderRequest.type, …)`), so
    // the parameter and result types of client and server are checked against each other: a method name (a string
    // or `X.method`) or a type argument on the call would let each side declare its own.
    files: ['client/src/**/*.ts', 'server/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal', 'TemplateLiteral'].map((type) => ({
          selector: `CallExpression[callee.property.name=${MESSAGE_CALLS}][arguments.0.type='${type}']`,
          message: 'Pass the typed message object (X.type from protocol/), not its method name.',
        })),
        {
          selector: `CallExpression[callee.property.name=${MESSAGE_CALLS}][arguments.0.property.name='method']`,
          message: 'Pass the typed message object (X.type from protocol/), not X.method.',
        },
        {
          selector: `CallExpression[callee.property.name=${MESSAGE_CALLS}][typeArguments]`,
          message: 'The typed message object (X.type from protocol/) gives the types; no type argument.',
        },
      ],
    },
  },
  {
    // The guide's rule: no `any` in the core.
    files: ['core/src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
