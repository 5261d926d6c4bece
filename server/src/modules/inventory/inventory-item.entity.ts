import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeColumn } from '../../db/columns';

@Entity('inventory_item')
export class InventoryItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'shop_id', type: 'varchar', length: 36 })
  shopId: string;

  /** Unique per shop; upserts match on it and pages are ordered by it. */
  @Column({ type: 'varchar', length: 64 })
  sku: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'price_cents', type: 'int' })
  priceCents: number;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ name: 'created_at', ...timeColumn })
  createdAt: Date;

  @Column({ name: 'updated_at', ...timeColumn })
  updatedAt: Date;
}
