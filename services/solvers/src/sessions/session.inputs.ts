import { Field, InputType } from 'type-graphql';

@InputType('RefreshSessionInput')
export class RefreshSessionInput {
  @Field(() => String, { description: 'The refreshToken of logIn, signUp or resetPassword.' })
  refreshToken!: string;
}

@InputType('LogOutInput')
export class LogOutInput {
  @Field(() => String, { description: 'The refreshToken of the session to end.' })
  refreshToken!: string;
}
