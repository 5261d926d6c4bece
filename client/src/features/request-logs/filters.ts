import dayjs from 'dayjs';
import type { ApiRequestLogFilter, UsageBucketSize } from '../../gql/graphql';

/** What the merchant picked; dates are the picker's 'YYYY-MM-DD' strings (local days). */
export interface LogFilterState {
  apiKeyId: string | null;
  shopId: string | null;
  errorsOnly: boolean;
  range: [string | null, string | null];
}

export const EMPTY_FILTER: LogFilterState = { apiKeyId: null, shopId: null, errorsOnly: false, range: [null, null] };

/** The server's filter: whole local days, `to` exclusive (the day after the last picked one). */
export function toApiFilter(f: LogFilterState): ApiRequestLogFilter {
  const [from, to] = f.range;
  return {
    apiKeyId: f.apiKeyId,
    shopId: f.shopId,
    errorsOnly: f.errorsOnly || null,
    from: from ? dayjs(from).startOf('day').toISOString() : null,
    to: to ? dayjs(to).add(1, 'day').startOf('day').toISOString() : from ? dayjs(from).add(1, 'day').startOf('day').toISOString() : null,
  };
}

/** Hours for up to three days, days beyond: a readable number of points either way. */
export function bucketFor(f: LogFilterState): UsageBucketSize {
  const [from, to] = f.range;
  if (!from) return 'HOUR';
  return dayjs(to ?? from).diff(dayjs(from), 'day') >= 3 ? 'DAY' : 'HOUR';
}
