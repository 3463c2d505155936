import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FailedPreconditionError } from '@ideagora/subgraph-kit';
import { InvalidTransitionError, type StateMachine } from './state-machine';

/** What an action does in a status: the new status, `unchanged` (an idempotent repeat) or `refused`. */
export type Outcome<S extends string> = S | 'unchanged' | 'refused';

/**
 * The specs of a state machine (test code, for `*.domain.spec.ts`): `expected` states what every action does in every
 * status, written out by hand; the machine must agree on each pair, render its SQL from the same moves, know the
 * statuses of `apiEnum` (the GraphQL enum), and be the table docs/ARCHITECTURE.md shows.
 */
export function itWalksEveryTransition<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  expected: Record<A, Record<S, Outcome<S>>>,
  apiEnum: Record<string, string>,
): void {
  const actions = Object.keys(expected) as A[];
  const pairs = actions.flatMap((action) => machine.statuses.map((status) => [action, status, expected[action][status]] as const));

  it('knows every status (the GraphQL enum) and every action', () => {
    expect([...machine.statuses].sort()).toEqual(Object.values(apiEnum).sort());
    expect(Object.keys(machine.transitions).sort()).toEqual([...actions].sort());
    for (const action of actions) expect(Object.keys(expected[action]).sort()).toEqual([...machine.statuses].sort());
  });

  it.each(pairs)(`%s on a %s ${machine.aggregate}: %s`, (action, status, outcome) => {
    const entity = { status };
    if (outcome === 'refused') {
      expect(machine.can(status, action)).toBe(false);
      expect(() => machine.next(status, action)).toThrow(InvalidTransitionError);
      expect(() => machine.apply(entity, action)).toThrow(InvalidTransitionError);
      expect(entity.status).toBe(status);
      // FAILED_PRECONDITION, naming the status and the action.
      const error = captureError(() => machine.next(status, action));
      expect(error).toBeInstanceOf(FailedPreconditionError);
      expect(error).toMatchObject({ code: 'FAILED_PRECONDITION', aggregate: machine.aggregate, status, action });
      expect(error.message).toBe(`A ${status} ${machine.aggregate} cannot be ${machine.transitions[action].done}`);
    } else if (outcome === 'unchanged') {
      expect(machine.can(status, action)).toBe(false);
      expect(machine.next(status, action)).toBe(status);
      expect(machine.apply(entity, action)).toBe(false);
      expect(entity.status).toBe(status);
    } else {
      expect(machine.can(status, action)).toBe(true);
      expect(machine.next(status, action)).toBe(outcome);
      expect(machine.apply(entity, action)).toBe(true);
      expect(entity.status).toBe(outcome);
    }
  });

  it.each(actions)('renders %s for SQL: set its one target where the status is one it moves from', (action) => {
    const moves = machine.statuses.filter((status) => expected[action][status] !== 'refused' && expected[action][status] !== 'unchanged');
    const targets = [...new Set(moves.map((status) => expected[action][status]))];
    expect(targets).toHaveLength(1);
    expect(machine.sql(action)).toEqual({ to: `'${targets[0]}'`, from: `(${moves.map((s) => `'${s}'`).join(', ')})` });
  });

  it('is the table docs/ARCHITECTURE.md shows ("Payout and funding lifecycles")', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/ARCHITECTURE.md'), 'utf8');
    for (const action of actions) {
      const { from, to, unchanged } = machine.transitions[action];
      expect(doc).toContain(`| \`${action}\` | ${from.join(', ')} | ${to} | ${unchanged?.join(', ') ?? '-'} |`);
    }
  });
}

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
