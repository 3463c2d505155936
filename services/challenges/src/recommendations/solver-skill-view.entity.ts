import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A solver's skills as typed, from solvers' ProfileChanged (an older version is ignored): what recommendations match. */
@Entity({ tableName: 'solver_skill_view', readonly: true })
export class SolverSkillViewEntity {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  skills!: string[];

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
