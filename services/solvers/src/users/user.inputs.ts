import { Field, InputType } from 'type-graphql';

@InputType('SignUpInput')
export class SignUpInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: 'At least 10 characters.' })
  password!: string;

  @Field(() => String)
  displayName!: string;
}

@InputType('LogInInput')
export class LogInInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}
