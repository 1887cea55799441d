import { roundTo } from '../stats/rounding';

export { roundTo };

/** Percentages, points and means are reported with two decimals. */
export const round2 = (value: number): number => roundTo(value, 2);
