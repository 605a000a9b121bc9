// Lint the TypeScript sources with typescript-eslint's recommended rules; tests may use non-null assertions.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'coverage', 'dist'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['test/**', 'src/**/*.test.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
);
