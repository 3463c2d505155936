import { FailedPreconditionError } from '@ideagora/subgraph-kit';

/**
 * One action of an aggregate's state machine: the statuses it moves from (to `to`), and those in which it changes
 * nothing because it already happened (Stripe's events come again and in any order, so a repeat is a no-op, not an
 * error). In any other status the action is refused.
 */
export interface Transition<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
  readonly unchanged?: readonly S[];
  /** The action in words, for a refusal: "A REVERSED payout cannot be {released}". */
  readonly done: string;
}

/** An action the aggregate's status does not allow: FAILED_PRECONDITION. */
export class InvalidTransitionError extends FailedPreconditionError {
  constructor(
    readonly aggregate: string,
    readonly status: string,
    readonly action: string,
    done: string,
  ) {
    super(`A ${status} ${aggregate} cannot be ${done}`);
  }
}

/** A status list as SQL: `('PROCESSING', 'FAILED')`. Statuses are checked identifiers of the table, never input. */
export interface TransitionSql {
  /** The status after the action, a SQL literal: `'HELD'`. */
  readonly to: string;
  /** The statuses it moves from, a SQL list for `status in ...`: `('PROCESSING', 'FAILED')`. */
  readonly from: string;
}

const STATUS_NAME = /^[A-Z][A-Z_]*$/;

/**
 * An aggregate's statuses and its one table of transitions keyed by action. Every status change goes through it:
 * `apply` on an entity, `sql` for a statement that sets a status (its `set status` and `where status in` come from
 * the table). Statuses are checked when the machine is built: upper-case names, each known, so rendering them as SQL
 * literals is safe.
 */
export class StateMachine<S extends string, A extends string> {
  /** Every status, in the order of `meanings`. */
  readonly statuses: readonly S[];

  constructor(
    readonly aggregate: string,
    /** What each status means (a Record, so the compiler checks that none is missing). */
    readonly meanings: Readonly<Record<S, string>>,
    readonly transitions: Readonly<Record<A, Transition<S>>>,
  ) {
    this.statuses = Object.keys(meanings) as S[];
    for (const status of this.statuses) if (!STATUS_NAME.test(status)) throw new Error(`${aggregate}: bad status name ${status}`);
    for (const [action, t] of Object.entries(transitions) as [A, Transition<S>][]) {
      for (const status of [...t.from, ...(t.unchanged ?? []), t.to]) {
        if (!this.statuses.includes(status)) throw new Error(`${aggregate}.${action}: unknown status ${status}`);
      }
      if (t.from.some((status) => t.unchanged?.includes(status))) throw new Error(`${aggregate}.${action}: a status both moves and stays`);
    }
  }

  /** Whether `action` moves an aggregate in `status` (to `transitions[action].to`). */
  can(status: S, action: A): boolean {
    return this.transitions[action].from.includes(status);
  }

  /** Whether `action` is an idempotent repeat in `status`: allowed, changes nothing. */
  isNoOp(status: S, action: A): boolean {
    return this.transitions[action].unchanged?.includes(status) ?? false;
  }

  /** The status after `action`: its target, the same status for a repeat; InvalidTransitionError when refused. */
  next(status: S, action: A): S {
    if (this.can(status, action)) return this.transitions[action].to;
    if (this.isNoOp(status, action)) return status;
    throw new InvalidTransitionError(this.aggregate, status, action, this.transitions[action].done);
  }

  /** Applies `action` to the entity: true when it moved, false for a repeat (nothing else to do); throws when refused. */
  apply(entity: { status: S }, action: A): boolean {
    const moves = this.can(entity.status, action);
    entity.status = this.next(entity.status, action);
    return moves;
  }

  /** `action` for a SQL statement: `set status = ${to} ... where status in ${from}`. */
  sql(action: A): TransitionSql {
    const { from, to } = this.transitions[action];
    return { to: `'${to}'`, from: this.sqlList(from) };
  }

  /** Statuses as a SQL list for `status in ...`. */
  sqlList(statuses: readonly S[]): string {
    if (statuses.length === 0) throw new Error(`${this.aggregate}: an empty status list`);
    for (const status of statuses) if (!this.statuses.includes(status)) throw new Error(`${this.aggregate}: unknown status ${status}`);
    return `(${statuses.map((status) => `'${status}'`).join(', ')})`;
  }

  /** `status` and every status some sequence of actions can move it to, in the order of `statuses`. */
  reachableFrom(status: S): S[] {
    const seen = new Set<S>([status]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of Object.values(this.transitions) as Transition<S>[]) {
        if (!seen.has(t.to) && t.from.some((from) => seen.has(from))) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
    return this.statuses.filter((s) => seen.has(s));
  }
}
