import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeColumn } from '../../db/columns';

@Entity('shop')
export class ShopEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'merchant_id', type: 'varchar', length: 36 })
  merchantId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;

  /** An https logo hosted elsewhere; uploaded logos live in logo_data instead. */
  @Column({ name: 'logo_url', type: 'varchar', length: 2048, nullable: true })
  logoUrl: string | null;

  @Column({ name: 'logo_mime', type: 'varchar', length: 32, nullable: true })
  logoMime: string | null;

  /** Uploaded logo bytes (<= 512 KB), served at /logos/:shopId. Not selected by default. */
  @Column({ name: 'logo_data', type: 'blob', nullable: true, select: false })
  logoData: Buffer | null;

  @Column({ name: 'is_headless', type: 'boolean', default: false })
  isHeadless: boolean;

  @Column({ name: 'max_active_keys', type: 'int', default: 1 })
  maxActiveKeys: number;

  @Column({ name: 'created_at', ...timeColumn })
  createdAt: Date;
}
