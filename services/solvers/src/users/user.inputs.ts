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

@InputType('UpdateProfileInput')
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  bio?: string | null;

  @Field(() => [String], { nullable: true })
  skills?: string[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, or empty to clear.' })
  country?: string | null;
}
