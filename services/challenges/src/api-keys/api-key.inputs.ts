import type { ApiScopeName } from '@ideagora/auth';
import { Field, ID, InputType } from 'type-graphql';
import { ApiScope } from './api-key.type';

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { description: '1 to 100 characters, one line (BAD_USER_INPUT name): what the key is for, e.g. "CI deploys".' })
  name!: string;

  @Field(() => [ApiScope], { description: 'At least one, each once (BAD_USER_INPUT scopes). The key is FORBIDDEN anything beyond them.' })
  scopes!: ApiScopeName[];
}

@InputType('RevokeApiKeyInput')
export class RevokeApiKeyInput {
  @Field(() => ID)
  apiKeyId!: string;
}
