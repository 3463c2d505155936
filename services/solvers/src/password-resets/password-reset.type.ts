import { Field, ObjectType } from 'type-graphql';
import { AuthPayload } from '../users/user.type';

@ObjectType('RequestPasswordResetPayload')
export class RequestPasswordResetPayload {
  @Field(() => Boolean, { description: 'True for any well-formed email, whether or not it has an account: the answer reveals none.' })
  accepted!: boolean;
}

/** The shape of logIn's payload: the new password is set and the user is signed in. */
@ObjectType('ResetPasswordPayload')
export class ResetPasswordPayload extends AuthPayload {}
