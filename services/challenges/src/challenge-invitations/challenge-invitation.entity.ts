import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';
import { ChallengeInvitationRole, ChallengeInvitationStatus } from './challenge-invitation.domain';

/**
 * An invitation to judge (JUDGE) or enter (PARTICIPANT, INVITE_ONLY challenges) one challenge, by email; one per
 * (challenge, email, role), renewed when sent again after a decline, revocation or expiry. `userId` is the account
 * that accepted (its email was the invitation's). `roleVersion` is the version of ChallengeRoleChanged for
 * (challenge, that user, role).
 */
@Entity({ tableName: 'challenge_invitation' })
export class ChallengeInvitationEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'userId' | 'roleVersion' | 'status';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  challengeId!: string;

  /** Lower-cased, as solvers stores account emails. */
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  role!: ChallengeInvitationRole;

  /** Stored: PENDING, ACCEPTED, DECLINED, REVOKED (EXPIRED is read from expiresAt). */
  @Property({ type: 'text' })
  status: ChallengeInvitationStatus = ChallengeInvitationStatus.PENDING;

  @Property({ type: 'uuid' })
  invitedBy!: string;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'integer', default: 0 })
  roleVersion: number = 0;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date(), defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
