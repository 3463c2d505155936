import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { canReadProfile } from '../profiles/profile.domain';
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

  @Field(() => String, { description: 'Empty for a private profile that is not the viewer\'s.' })
  bio!: string;

  @Field(() => [String], { description: 'As typed, de-duplicated case-insensitively (at most 20). Empty for a private profile that is not the viewer\'s.' })
  skills!: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code. Null for a private profile that is not the viewer\'s.' })
  country!: string | null;

  @Field(() => String, { nullable: true, description: 'Null for a private profile that is not the viewer\'s.' })
  school!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the profile (bio, skills, school, country, reputation) is public; only the viewer\'s own (null for others). Profiles are private until made public.' })
  publicProfile!: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: "Grows with each updateProfile; only the viewer's own (null for others). Other subgraphs @require it to read the profile's latest version.",
  })
  profileVersion!: number | null;

  /** Whether the viewer may read the profile (see canReadProfile): the reputation resolver asks too. */
  profileReadable!: boolean;

  /**
   * The user as a viewer sees them: id and displayName always (they sign submissions and memberships), the email and
   * the profile's settings only for the user themselves, the profile (bio, skills, school, country) when public or
   * their own.
   */
  static from(entity: UserEntity, viewerId: string | null): UserType {
    const own = viewerId === entity.id;
    const readable = canReadProfile(entity, viewerId);
    return Object.assign(new UserType(), {
      id: entity.id,
      email: own ? entity.email : null,
      displayName: entity.displayName,
      bio: readable ? entity.bio : '',
      skills: readable ? entity.skills : [],
      country: readable ? (entity.country ?? null) : null,
      school: readable ? (entity.school ?? null) : null,
      publicProfile: own ? entity.publicProfile : null,
      profileVersion: own ? entity.profileVersion : null,
      profileReadable: readable,
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
