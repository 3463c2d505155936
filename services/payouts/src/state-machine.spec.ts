import { StateMachine } from './state-machine';

type S = 'A' | 'B' | 'C';

describe('StateMachine', () => {
  const meanings: Record<S, string> = { A: 'start', B: 'middle', C: 'end' };

  it('refuses a table that names a status twice for one action, or one it does not know', () => {
    expect(() => new StateMachine<S, 'go'>('thing', meanings, { go: { from: ['A'], to: 'B', unchanged: ['A'], done: 'gone' } })).toThrow(/both moves and stays/);
    expect(() => new StateMachine<S, 'go'>('thing', meanings, { go: { from: ['D' as S], to: 'B', done: 'gone' } })).toThrow(/unknown status D/);
    expect(() => new StateMachine<string, 'go'>('thing', { a: 'lower case' }, { go: { from: ['a'], to: 'a', done: 'gone' } })).toThrow(/bad status name/);
  });

  it('follows every chain of actions for what a status can become', () => {
    const machine = new StateMachine<S, 'one' | 'two' | 'back'>('thing', meanings, {
      one: { from: ['A'], to: 'B', done: 'one' },
      two: { from: ['B'], to: 'C', done: 'two' },
      back: { from: ['C'], to: 'B', done: 'back' },
    });
    expect(machine.reachableFrom('A')).toEqual(['A', 'B', 'C']);
    expect(machine.reachableFrom('C')).toEqual(['B', 'C']);
  });
});
