import { Field, ObjectType } from 'type-graphql';
import { AuthPayload } from '../users/user.type';

/** The shape of logIn's payload: a new access token for the same session (the refresh token is not rotated). */
@ObjectType('RefreshSessionPayload')
export class RefreshSessionPayload extends AuthPayload {}

@ObjectType('LogOutPayload')
export class LogOutPayload {
  @Field(() => Boolean, { description: 'True whether or not the token named a live session: the answer reveals nothing.' })
  loggedOut!: boolean;
}
