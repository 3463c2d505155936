import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const subgraphs = ['solvers', 'challenges', 'submissions', 'payouts'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.next/**', '.data/**', '.nx/**', 'tmp/**', 'coverage/**', 'web/.next/**', 'web/src/gql/**', 'libs/partner-client/src/generated/**', 'web/next-env.d.ts', '**/*.js', '**/*.mjs', '**/*.cjs', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Shared code runs anywhere, depends on nothing but shared code.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Server libraries never import apps or subgraphs.
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            // A subgraph is one bounded context: shared and server libs, never another subgraph.
            // (scope:testing is test infrastructure: only test files import it, see no-restricted-imports below.)
            ...subgraphs.map((name) => ({ sourceTag: `scope:${name}`, onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:testing', `scope:${name}`] })),
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:testing'] },
            // Test and dev infrastructure (the harness, the Stripe emulator): boots server code, never a subgraph's code.
            { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:testing'] },
            // The web client never imports server code.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:testing', 'scope:tools'] },
            // Libraries never depend on deployable things; production libraries never on test infrastructure.
            { sourceTag: 'type:util', notDependOnLibsWithTags: ['type:subgraph', 'type:app', 'type:tool', 'type:testing'] },
            { sourceTag: 'type:data-access', notDependOnLibsWithTags: ['type:subgraph', 'type:app', 'type:tool', 'type:testing'] },
            { sourceTag: 'type:feature', notDependOnLibsWithTags: ['type:subgraph', 'type:app', 'type:tool', 'type:testing'] },
            { sourceTag: 'type:testing', notDependOnLibsWithTags: ['type:subgraph', 'type:app', 'type:tool'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Test infrastructure (scope:testing) is for tests only: production code of services and libraries never imports it.
    files: ['services/*/src/**/*.ts', 'gateway/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**', 'libs/stripe-emulator/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@ideagora/testing', '@ideagora/testing/*'], message: 'test harness: only tests may import it' },
            { group: ['@ideagora/stripe-emulator', '@ideagora/stripe-emulator/*'], message: 'Stripe emulator: only tests, the harness and `npm start` may use it' },
          ],
        },
      ],
    },
  },
  {
    // Entities, migrations and GraphQL classes are shaped by their decorators.
    files: ['**/*.entity.ts', '**/*.type.ts', '**/*.inputs.ts', '**/migrations/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
];
