import { parse, type OperationDefinitionNode } from 'graphql';
import { rootFieldCounts } from './rate-limit.plugin';
import { pointsFor, RATE_LIMIT_RULES } from './rate-limit.rules';

const counts = (source: string) => {
  const document = parse(source);
  const mutationRootFields = rootFieldCounts(document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, document);
  return { mutationRootFields, cost: 7 };
};
const rule = (name: string) => RATE_LIMIT_RULES.find((r) => r.name === name)!;

describe('what a mutation counts against the rate limits', () => {
  it('counts each selection of a root field: aliases and repeats too', () => {
    const c = counts(`mutation { a: signUp(input: $i) { token } b: signUp(input: $i) { token } signUp(input: $i) { token } logIn(input: $j) { token } }`);
    expect(pointsFor(rule('sign-up-minute'), c)).toBe(3);
    expect(pointsFor(rule('log-in'), c)).toBe(1);
    expect(pointsFor(rule('questions-account'), c)).toBe(0);
    expect(pointsFor(rule('invitations-account'), c)).toBe(0);
    const invitations = counts(`mutation { a: inviteOrganizationMember(input: $i) { organization { id } } b: inviteOrganizationMember(input: $j) { organization { id } } addOrganizationMember(input: $k) { member { role } } }`);
    expect([pointsFor(rule('invitations-account'), invitations), pointsFor(rule('invitations-address'), invitations)]).toEqual([3, 3]);
  });

  it('spends the estimated cost of every operation, queries and mutations, on the budgets of cost', () => {
    expect(pointsFor(rule('query-cost-address'), { mutationRootFields: new Map(), cost: 47_519 })).toBe(47_519);
    expect(pointsFor(rule('query-cost-account'), counts(`mutation { logIn(input: $j) { token } }`))).toBe(7);
    expect(pointsFor(rule('sign-up-minute'), { mutationRootFields: new Map(), cost: 47_519 })).toBe(0);
    // Not estimated (refused before): nothing spent.
    expect(pointsFor(rule('query-cost-address'), { mutationRootFields: new Map(), cost: undefined })).toBe(0);
  });

  it('counts through fragments and inline fragments at the root, once per spread, and survives a fragment cycle', () => {
    const c = counts(`
      mutation { ...Twice ... on Mutation { requestPasswordReset(input: $i) { accepted } } ...Twice }
      fragment Twice on Mutation { resetPassword(input: $r) { token } ...Cycle }
      fragment Cycle on Mutation { ...Twice }`);
    expect(pointsFor(rule('password-reset'), c)).toBe(3);
  });

  it('gives every rule a name, a positive budget and a window', () => {
    expect(new Set(RATE_LIMIT_RULES.map((r) => r.name)).size).toBe(RATE_LIMIT_RULES.length);
    for (const r of RATE_LIMIT_RULES) expect(r.points > 0 && r.windowSeconds > 0 && (r.counts === 'cost' || r.counts.rootFields.length > 0)).toBe(true);
  });
});
