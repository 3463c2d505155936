// One Jest run for the whole monorepo: fast unit specs beside the code, integration specs
// (real Postgres, real HTTP through the gateway) under each project's test/ folder.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
// Workspace libraries resolve as tsc and @swc-node/register resolve them (tsconfig.base.json paths, to source), not
// through the node_modules/@ideagora/* workspace links: a moved library works before `npm install` relinks it.
const { paths } = require('./tsconfig.base.json').compilerOptions;
const workspaceLibs = Object.fromEntries(
  Object.entries(paths).map(([name, [target]]) => [`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, `<rootDir>/${target}`]),
);
// request-filtering-agent (webhook deliveries) is an ES module: Node loads it with require(), Jest only once compiled.
const ESM_PACKAGES = ['request-filtering-agent'];
const common = {
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: workspaceLibs,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.data', '<rootDir>/web'],
  setupFiles: ['<rootDir>/libs/testing/src/jest-setup-file.ts'],
};
// Web component tests: jsdom, TSX through SWC with React's automatic runtime.
const web = {
  displayName: 'web',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/web/**/*.spec.tsx'],
  transform: {
    '^.+\\.(ts|tsx)$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['tsx', 'ts', 'js', 'json'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/web/src/$1', '\\.css$': '<rootDir>/web/test/style-stub.js' },
  modulePathIgnorePatterns: ['<rootDir>/web/.next'],
  setupFilesAfterEnv: ['<rootDir>/web/test/setup-tests.ts'],
};
module.exports = {
  // Integration tests boot real processes; this is a hang guard, not a performance target.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
    },
    web,
  ],
};
