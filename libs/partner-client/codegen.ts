import type { CodegenConfig } from '@graphql-codegen/cli';

// The partner client's types and documents, from the partner contract's operations (docs/partner-api/operations.graphql)
// against the gateway's API schema (web/schema.graphql, composed from the committed subgraph schemas). Committed;
// test/generated.spec.ts fails when it is stale.
export const PARTNER_CLIENT_CODEGEN: CodegenConfig = {
  schema: 'web/schema.graphql',
  documents: ['docs/partner-api/operations.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'libs/partner-client/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: { documentMode: 'string', enumsAsTypes: true, useTypeImports: true, scalars: { DateTimeISO: 'string' }, strictScalars: true },
    },
  },
};
export default PARTNER_CLIENT_CODEGEN;
