// The bench's two statistics, in one place for every tool.

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const s = [...values].sort((x, y) => x - y);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(values, p) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The geometric mean: ratios combined so that x and 1/x cancel out. */
export function geometricMean(values) {
  return Math.exp(values.reduce((a, x) => a + Math.log(x), 0) / values.length);
}

/**
 * A ratio measured round after round on processes used in turn (round i on process i % processes):
 * the geometric mean of each process's median. Each process then weighs the same, however the
 * rounds divide, and a process that runs a few per cent off its twin for its whole life (bench/FINDINGS.md)
 * moves the result by half its difference, not by whichever side the middle round falls on.
 */
export function perProcessMedian(ratios, processes) {
  const medians = [];
  for (let p = 0; p < processes; p++) {
    const mine = ratios.filter((_, i) => i % processes === p);
    if (mine.length) medians.push(median(mine));
  }
  return geometricMean(medians);
}
