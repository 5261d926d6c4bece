import { Fragment } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { statusColor, type LogRowView } from './log-format';

/** A call's HTTP status as a badge, and its error code beside it (the log table's row and a phone's log card). */
export function StatusWithCode({ row: r }: { row: Pick<LogRowView, 'httpStatus' | 'errorCode'> }) {
  return (
    <Group gap={6} wrap="nowrap">
      {/* The badge keeps its width; a long code (GRAPHQL_VALIDATION_FAILED) wraps between its words instead of clipping. */}
      <Badge color={statusColor(r.httpStatus)} variant="filled" aria-label={`HTTP ${r.httpStatus}`} style={{ flexShrink: 0 }}>
        {r.httpStatus}
      </Badge>
      {r.errorCode && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'break-word' }}>
          <BreakableCode code={r.errorCode} />
        </Text>
      )}
    </Group>
  );
}

/** An error code with a line-break opportunity after each underscore, so it never breaks mid-word. */
function BreakableCode({ code }: { code: string }) {
  const words = code.split('_');
  return words.map((w, i) => (
    <Fragment key={i}>
      {w}
      {i < words.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </Fragment>
  ));
}
