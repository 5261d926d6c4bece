import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info';
import type { AuditEventEntity } from './audit-event.entity';

export enum AuditAction {
  API_KEY_CREATED = 'API_KEY_CREATED',
  API_KEY_REGENERATED = 'API_KEY_REGENERATED',
  API_KEY_ROTATION_ENDED = 'API_KEY_ROTATION_ENDED',
  API_KEY_REVOKED = 'API_KEY_REVOKED',
  MAX_ACTIVE_KEYS_CHANGED = 'MAX_ACTIVE_KEYS_CHANGED',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

@ObjectType('AuditEvent', { description: 'Who changed which key or limit, when and from where.' })
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field(() => ID, { nullable: true })
  shopId: string | null;

  @Field(() => ID, { nullable: true })
  apiKeyId: string | null;

  @Field(() => String, { nullable: true, description: 'Human-readable: key name, partial key, grace period, limits. Never a secret.' })
  detail: string | null;

  @Field(() => String, { nullable: true, description: 'Client address of the merchant who did it.' })
  ip: string | null;
}

@ObjectType('AuditEventEdge')
export class AuditEventEdge {
  @Field(() => AuditEvent)
  node: AuditEvent;

  @Field()
  cursor: string;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

export function toAuditEvent(e: AuditEventEntity): AuditEvent {
  return { id: String(e.id), at: e.at, action: e.action as AuditAction, shopId: e.shopId, apiKeyId: e.apiKeyId, detail: e.detail, ip: e.ip };
}
