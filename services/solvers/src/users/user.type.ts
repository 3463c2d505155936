import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { UserEntity } from './user.entity';

@ObjectType('User', { description: 'A person on Ideagora: a solver, a sponsor member, or both.' })
@Directive('@key(fields: "id")')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Only visible to the user themselves.' })
  email!: string | null;

  @Field(() => String)
  displayName!: string;

  @Field(() => String)
  bio!: string;

  @Field(() => [String])
  skills!: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country!: string | null;

  /** Public profile; the email only for the user themselves. */
  static from(entity: UserEntity, viewerId: string | null): UserType {
    return Object.assign(new UserType(), {
      id: entity.id,
      email: viewerId === entity.id ? entity.email : null,
      displayName: entity.displayName,
      bio: entity.bio,
      skills: entity.skills,
      country: entity.country ?? null,
    });
  }
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { description: 'Bearer token for the Authorization header: the access token of the session, valid until expiresAt (15 minutes by default).' })
  token!: string;

  @Field(() => String, {
    description: 'Renews the access token (refreshSession) until the session ends: log-out, password reset, or its absolute lifetime (30 days by default). Keep it secret.',
  })
  refreshToken!: string;

  @Field(() => Date, { description: 'When the access token (token) expires.' })
  expiresAt!: Date;

  @Field(() => UserType)
  viewer!: UserType;

  /** A session's tokens and its user, as the API answers them. */
  static from<T extends AuthPayload>(this: new () => T, session: { token: string; refreshToken: string; expiresAt: Date }, user: UserEntity): T {
    return Object.assign(new this(), { token: session.token, refreshToken: session.refreshToken, expiresAt: session.expiresAt, viewer: UserType.from(user, user.id) });
  }
}

@ObjectType('UpdateProfilePayload')
export class UpdateProfilePayload {
  @Field(() => UserType)
  viewer!: UserType;
}
