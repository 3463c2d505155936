import type { EventPayloads } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Applies the solvers context's events to the local read model (`user_view`), in the consumer's transaction (once
 * per event id). An account's email never changes, so a replayed or older event writes the same row: no versions.
 */
export class ReadModelService {
  constructor(private readonly em: EntityManager) {}

  async applyUserRegistered(payload: EventPayloads['UserRegistered']): Promise<void> {
    await this.em.execute(
      `insert into user_view (id, email, updated_at) values (?, ?, now())
       on conflict (id) do update set email = coalesce(excluded.email, user_view.email), updated_at = now()`,
      [payload.id, payload.email?.toLowerCase() ?? null],
      'run',
    );
  }
}
