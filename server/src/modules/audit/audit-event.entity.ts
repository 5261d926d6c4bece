import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timeColumn } from '../../db/columns';

/** Who did what to which key, when and from where. Append-only. */
@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'merchant_id', type: 'varchar', length: 36 })
  merchantId: string;

  @Column({ name: 'shop_id', type: 'varchar', length: 36, nullable: true })
  shopId: string | null;

  @Column({ name: 'api_key_id', type: 'varchar', length: 36, nullable: true })
  apiKeyId: string | null;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ ...timeColumn })
  at: Date;
}
