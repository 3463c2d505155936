import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Key-only stub of the challenges context's Organization, with its logo's attachment id (`@external`: the gateway
 * fetches it from challenges for `logoUrl`'s `@requires`); this context contributes `logoUrl`.
 */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  @Directive('@external')
  logoAttachmentId?: string | null;
}
