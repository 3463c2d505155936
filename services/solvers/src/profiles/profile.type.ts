import { Field, ObjectType } from 'type-graphql';
import { UserType } from '../users/user.type';

@ObjectType('UpdateProfilePayload')
export class UpdateProfilePayload {
  @Field(() => UserType)
  viewer!: UserType;
}
