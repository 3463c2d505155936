import DataLoader from 'dataloader';
import type { UserEntity } from './user.entity';
import type { UserService } from './user.service';

export function createUserLoaders(users: UserService) {
  return {
    userById: new DataLoader<string, UserEntity | null>(async (ids) => {
      const found = new Map((await users.findByIds(ids)).map((u) => [u.id, u]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
export type UserLoaders = ReturnType<typeof createUserLoaders>;
