import { Field, InputType } from 'type-graphql';

@InputType('RequestPasswordResetInput')
export class RequestPasswordResetInput {
  @Field(() => String)
  email!: string;
}

@InputType('ResetPasswordInput')
export class ResetPasswordInput {
  @Field(() => String, { description: 'The token of the reset link.' })
  token!: string;

  @Field(() => String, { description: 'At least 10 characters.' })
  newPassword!: string;
}
