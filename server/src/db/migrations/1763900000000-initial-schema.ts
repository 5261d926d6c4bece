import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

/**
 * The whole first schema, written once for both dialects with TypeORM's Table
 * API. Where the dialects differ (auto-increment ids, large blobs) the column
 * helpers below pick the right type.
 */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.driver.options.type === 'mysql';
    const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
    const serial = (): TableColumnOptions =>
      mysql
        ? { name: 'id', type: 'bigint', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }
        : { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
    const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
    const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
    const ref = (name: string, nullable = false) => str(name, 36, nullable);

    await q.createTable(
      new Table({
        name: 'merchant',
        columns: [id(), str('email', 254), str('password_hash', 60), time('created_at')],
        indices: [new TableIndex({ name: 'UQ_merchant_email', columnNames: ['email'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'session',
        columns: [{ name: 'id_hash', type: 'varchar', length: '64', isPrimary: true }, ref('merchant_id'), time('created_at'), time('expires_at')],
        indices: [new TableIndex({ name: 'IDX_session_merchant', columnNames: ['merchant_id'] })],
        foreignKeys: [{ columnNames: ['merchant_id'], referencedTableName: 'merchant', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'shop',
        columns: [
          id(),
          ref('merchant_id'),
          str('name', 100),
          str('url', 2048, true),
          str('logo_url', 2048, true),
          str('logo_mime', 32, true),
          { name: 'logo_data', type: mysql ? 'mediumblob' : 'blob', isNullable: true },
          { name: 'is_headless', type: 'boolean', default: mysql ? 0 : 'false' },
          { name: 'max_active_keys', type: 'int', default: 1 },
          time('created_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_shop_merchant', columnNames: ['merchant_id', 'created_at'] })],
        foreignKeys: [{ columnNames: ['merchant_id'], referencedTableName: 'merchant', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'api_key',
        columns: [
          id(),
          ref('shop_id'),
          ref('merchant_id'),
          str('name', 100),
          str('type', 16),
          str('scopes', 255),
          { name: 'hash', type: 'varchar', length: '64' },
          str('partial_key', 16),
          { name: 'previous_hash', type: 'varchar', length: '64', isNullable: true },
          str('previous_partial_key', 16, true),
          time('previous_valid_until', true),
          time('previous_last_used_at', true),
          time('created_at'),
          time('expires_at'),
          time('revoked_at', true),
          time('last_used_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_api_key_hash', columnNames: ['hash'], isUnique: true }),
          new TableIndex({ name: 'UQ_api_key_previous_hash', columnNames: ['previous_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_api_key_shop', columnNames: ['shop_id', 'revoked_at', 'expires_at'] }),
          new TableIndex({ name: 'IDX_api_key_merchant', columnNames: ['merchant_id', 'created_at'] }),
        ],
        foreignKeys: [{ columnNames: ['shop_id'], referencedTableName: 'shop', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_event',
        columns: [serial(), ref('merchant_id'), ref('shop_id', true), ref('api_key_id', true), str('action', 32), str('detail', 500, true), str('ip', 64, true), time('at')],
        indices: [new TableIndex({ name: 'IDX_audit_merchant_at', columnNames: ['merchant_id', 'at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'inventory_item',
        columns: [id(), ref('shop_id'), str('sku', 64), str('title', 200), { name: 'price_cents', type: 'int' }, { name: 'quantity', type: 'int' }, time('created_at'), time('updated_at')],
        indices: [new TableIndex({ name: 'UQ_inventory_shop_sku', columnNames: ['shop_id', 'sku'], isUnique: true })],
        foreignKeys: [{ columnNames: ['shop_id'], referencedTableName: 'shop', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'offer',
        columns: [id(), ref('shop_id'), ref('inventory_item_id'), { name: 'amount_cents', type: 'int' }, str('note', 500, true), ref('api_key_id', true), time('created_at')],
        indices: [new TableIndex({ name: 'IDX_offer_shop_created', columnNames: ['shop_id', 'created_at'] })],
        foreignKeys: [{ columnNames: ['inventory_item_id'], referencedTableName: 'inventory_item', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'api_request_log',
        columns: [
          serial(),
          time('at'),
          ref('api_key_id'),
          ref('shop_id'),
          { name: 'used_previous_secret', type: 'boolean', default: mysql ? 0 : 'false' },
          str('operation_name', 100, true),
          str('operation_type', 16),
          str('fields', 500),
          { name: 'http_status', type: 'int' },
          str('error_code', 40, true),
          { name: 'duration_ms', type: 'float' },
          str('ip', 64, true),
          str('user_agent', 300, true),
        ],
        // key + time and shop + time are the dashboard's access paths; `at` alone served retention
        // until LogRetentionById1765000000000 dropped it.
        indices: [
          new TableIndex({ name: 'IDX_log_key_at', columnNames: ['api_key_id', 'at'] }),
          new TableIndex({ name: 'IDX_log_shop_at', columnNames: ['shop_id', 'at'] }),
          new TableIndex({ name: 'IDX_log_at', columnNames: ['at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['api_request_log', 'offer', 'inventory_item', 'audit_event', 'api_key', 'shop', 'session', 'merchant']) {
      await q.dropTable(t);
    }
  }
}
