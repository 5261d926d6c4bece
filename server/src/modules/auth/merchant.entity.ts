import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeColumn } from '../../db/columns';

@Entity('merchant')
export class MerchantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Normalised: trimmed and lower-cased; unique. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 60 })
  passwordHash: string;

  @Column({ name: 'created_at', ...timeColumn })
  createdAt: Date;
}
