import type { ApiScopeName } from '@ideagora/auth';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { UserRef } from '../external/user.stub';
import { ApiScope } from './api-key.domain';
import type { ApiKeyEntity } from './api-key.entity';

export { ApiScope };

registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API key may do for its organization (as an OWNER/ADMIN would, within these): FORBIDDEN beyond them.',
  valuesConfig: {
    CHALLENGES_READ: { description: 'Read challenges and organizations.' },
    CHALLENGES_WRITE: { description: "Create, edit, fund, publish, close and cancel the organization's challenges; answer questions; invite participants and judges." },
    SUBMISSIONS_READ: { description: "Read the entries to the organization's challenges." },
    AWARDS_WRITE: { description: 'Award prizes and finish judging.' },
    WEBHOOKS_MANAGE: { description: "Manage the organization's webhook endpoints." },
  },
});

@ObjectType('ApiKey', {
  description:
    "An organization's API key: sent as `Authorization: Bearer <secret>`, it acts for its organization within its scopes. The secret is shown once, by createApiKey; only its hash is kept.",
})
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [ApiScope])
  scopes!: ApiScopeName[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The latest use the gateway reported (it reports uses in batches, so this may lag a little); null: never used.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null while the key works; once set, the key is refused from its next request on.' })
  revokedAt!: Date | null;

  @Field(() => UserRef, { nullable: true, description: 'Who created the key.' })
  createdBy!: UserRef | null;

  static from(entity: ApiKeyEntity): ApiKeyType {
    return Object.assign(new ApiKeyType(), {
      id: entity.id,
      name: entity.name,
      scopes: entity.scopes,
      createdAt: entity.createdAt,
      lastUsedAt: entity.lastUsedAt,
      revokedAt: entity.revokedAt,
      createdBy: UserRef.of(entity.createdBy),
    });
  }
}

@ObjectType('CreateApiKeyPayload')
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;

  @Field(() => String, { description: 'The secret, `igk_<key id>_<random>`: shown only in this answer, never again (only its hash is kept). Keep it safe.' })
  secret!: string;
}

@ObjectType('RevokeApiKeyPayload')
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;
}
