import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeColumn } from '../../db/columns';

/**
 * Holds hashes: never a GraphQL type (see api-key.type.ts for the output).
 * Two secret slots: `hash` is the current secret, `previousHash` the one
 * still honoured until `previousValidUntil` after a graceful regeneration.
 */
@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'shop_id', type: 'varchar', length: 36 })
  shopId: string;

  @Column({ name: 'merchant_id', type: 'varchar', length: 36 })
  merchantId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** CURRENT_SHOP | NEW_SHOP */
  @Column({ type: 'varchar', length: 16 })
  type: string;

  /** Comma-separated ApiScope names, canonical order. */
  @Column({ type: 'varchar', length: 255 })
  scopes: string;

  /** SHA-256 (hex) of the current secret. */
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ name: 'partial_key', type: 'varchar', length: 16 })
  partialKey: string;

  @Column({ name: 'previous_hash', type: 'varchar', length: 64, nullable: true })
  previousHash: string | null;

  @Column({ name: 'previous_partial_key', type: 'varchar', length: 16, nullable: true })
  previousPartialKey: string | null;

  @Column({ name: 'previous_valid_until', ...timeColumn, nullable: true })
  previousValidUntil: Date | null;

  @Column({ name: 'previous_last_used_at', ...timeColumn, nullable: true })
  previousLastUsedAt: Date | null;

  @Column({ name: 'created_at', ...timeColumn })
  createdAt: Date;

  @Column({ name: 'expires_at', ...timeColumn })
  expiresAt: Date;

  @Column({ name: 'revoked_at', ...timeColumn, nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', ...timeColumn, nullable: true })
  lastUsedAt: Date | null;
}
