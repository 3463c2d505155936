import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations for the web client, from the gateway's API schema (web/schema.graphql, generated from the
// committed subgraph schemas). Operations live in src/lib/operations.ts; output is committed under src/gql/.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string' },
        strictScalars: true,
      },
    },
  },
};
export default config;
