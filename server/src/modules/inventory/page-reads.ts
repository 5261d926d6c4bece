import type { DataSource } from 'typeorm';
import { mysqlPool, selectRows } from '../../db/prepared';

/** One page's rows, as the page statement selects them. */
export interface PageRow {
  id: string;
  sku: string;
  title: string;
  price_cents: number;
  quantity: number;
}

/** Which page: the shop, how many rows (`first + 1`), and the SKU after which it starts. */
export interface PageRead {
  shopId: string;
  limit: number;
  afterSku: string | null;
}

/** Pages per statement at most: bounds the statement's size and the variety of its texts. */
export const MAX_PAGES_PER_STATEMENT = 16;

const COLUMNS = 'id, sku, title, price_cents, quantity';

/**
 * The page statement. Every column is in IDX_inventory_page, so it is answered from
 * that index alone (test/inventory-page.mysql.test.ts checks the plan). LIMIT is a
 * validated integer literal: MySQL prepared statements refuse some numeric LIMIT parameters.
 */
export function pageSql(limit: number, afterCursor: boolean): string {
  return `SELECT ${COLUMNS} FROM inventory_item WHERE ${where(afterCursor)} ORDER BY sku LIMIT ${limit}`;
}

/**
 * Several pages in one statement: the page statement once per page, tagged with its
 * position `k`, in a UNION ALL. The outer ORDER BY is what guarantees each page's SKU
 * order in the result (SQL promises no order for a union's parts; the database's own
 * collation sorts, which JavaScript could not reproduce).
 */
export function pagesSql(reads: readonly Pick<PageRead, 'limit' | 'afterSku'>[]): string {
  const parts = reads.map((r, k) => `(SELECT ${k} AS k, ${COLUMNS} FROM inventory_item WHERE ${where(r.afterSku !== null)} ORDER BY sku LIMIT ${r.limit})`);
  return `${parts.join(' UNION ALL ')} ORDER BY k, sku`;
}

const where = (afterCursor: boolean) => (afterCursor ? 'shop_id = ? AND sku > ?' : 'shop_id = ?');
const paramsOf = (r: PageRead) => (r.afterSku === null ? [r.shopId] : [r.shopId, r.afterSku]);

interface Pending extends PageRead {
  resolve: (rows: PageRow[]) => void;
  reject: (e: unknown) => void;
}

/**
 * Reads inventory pages, the partner hot path's one query. On MySQL, pages asked for
 * in the same turn of the event loop go out together as one statement at the end of
 * that turn (setImmediate), each part with its own shop and answered only its own
 * rows. Why: a statement costs MariaDB a fixed ~60-100 us of CPU and node a round
 * trip whatever it reads, and at saturation several requests reach this point in
 * one turn; read together, a page cost about half of both (bench/FINDINGS.md,
 * "Pages read together"). Nothing waits for company: a page asked for alone is sent
 * alone, in the turn it was asked, as the plain page statement.
 *
 * SQLite (one connection, no round trip) reads each page directly.
 */
export class PageReads {
  /** Only MySQL has a round trip worth saving. */
  private readonly together: boolean;
  private queue: Pending[] = [];

  constructor(private readonly ds: DataSource) {
    this.together = mysqlPool(ds) !== null;
  }

  read(page: PageRead): Promise<PageRow[]> {
    if (!this.together) return this.alone(page);
    return new Promise((resolve, reject) => {
      if (this.queue.push({ ...page, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private alone(page: PageRead): Promise<PageRow[]> {
    return selectRows<PageRow>(this.ds, pageSql(page.limit, page.afterSku !== null), paramsOf(page));
  }

  private flush(): void {
    const queue = this.queue;
    this.queue = [];
    for (let i = 0; i < queue.length; i += MAX_PAGES_PER_STATEMENT) this.send(queue.slice(i, i + MAX_PAGES_PER_STATEMENT));
  }

  private send(batch: Pending[]): void {
    if (batch.length === 1) {
      const [one] = batch as [Pending];
      this.alone(one).then(one.resolve, one.reject);
      return;
    }
    // Like shapes together, so a batch's text depends on which shapes it holds, not their
    // order: fewer distinct statements for mysql2 to prepare and keep per connection.
    batch.sort((a, b) => a.limit - b.limit || Number(a.afterSku !== null) - Number(b.afterSku !== null));
    selectRows<PageRow & { k: number }>(this.ds, pagesSql(batch), batch.flatMap(paramsOf)).then(
      (rows) => {
        const pages: PageRow[][] = batch.map(() => []);
        // Rows keep their `k`: nothing downstream reads more than PageRow's columns.
        for (const row of rows) pages[row.k]?.push(row);
        batch.forEach((p, k) => p.resolve(pages[k] as PageRow[]));
      },
      (err: unknown) => {
        for (const p of batch) p.reject(err);
      },
    );
  }
}
