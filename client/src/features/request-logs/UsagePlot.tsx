import { AreaChart } from '@mantine/charts';
import { PLOT_HEIGHT } from './plot-size';

export interface UsagePoint {
  time: string;
  Requests: number;
  Errors: number;
}

/**
 * The chart itself: the one part of the dashboard that needs recharts (with its d3 and redux
 * dependencies, about half of the app's JavaScript), so UsageChart loads it on its own when
 * the Request logs tab first shows it, and sign-in and the Developers tab never download it.
 */
export default function UsagePlot({ data }: { data: UsagePoint[] }) {
  return (
    <AreaChart
      h={PLOT_HEIGHT}
      data={data}
      dataKey="time"
      curveType="monotone"
      withDots={false}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      series={[
        { name: 'Requests', color: 'indigo.6' },
        { name: 'Errors', color: 'red.6' },
      ]}
      tickLine="y"
      gridAxis="y"
      xAxisProps={{ minTickGap: 40 }}
      yAxisProps={{ allowDecimals: false, width: 40 }}
    />
  );
}
