/** The usage chart's height, also its placeholder's while the chart loads (UsageChart.tsx), so nothing below it moves. */
export const PLOT_HEIGHT = 220;
