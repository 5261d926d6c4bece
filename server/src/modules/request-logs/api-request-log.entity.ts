import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timeColumn } from '../../db/columns';

/** One key-authenticated request. Written in batches by the log buffer, never per request. */
@Entity('api_request_log')
export class ApiRequestLogEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ ...timeColumn })
  at: Date;

  @Column({ name: 'api_key_id', type: 'varchar', length: 36 })
  apiKeyId: string;

  @Column({ name: 'shop_id', type: 'varchar', length: 36 })
  shopId: string;

  @Column({ name: 'used_previous_secret', type: 'boolean', default: false })
  usedPreviousSecret: boolean;

  @Column({ name: 'operation_name', type: 'varchar', length: 100, nullable: true })
  operationName: string | null;

  @Column({ name: 'operation_type', type: 'varchar', length: 16 })
  operationType: string;

  /** Comma-separated root fields. */
  @Column({ type: 'varchar', length: 500 })
  fields: string;

  @Column({ name: 'http_status', type: 'int' })
  httpStatus: number;

  @Column({ name: 'error_code', type: 'varchar', length: 40, nullable: true })
  errorCode: string | null;

  @Column({ name: 'duration_ms', type: 'float' })
  durationMs: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
