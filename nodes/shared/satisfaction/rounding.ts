/** Rounds half away from zero to `digits` decimals; -0 becomes 0. */
export function roundTo(value: number, digits: number): number {
	const factor = 10 ** digits;
	const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
	return rounded === 0 ? 0 : rounded;
}

/** Percentages, points and means are reported with two decimals. */
export const round2 = (value: number): number => roundTo(value, 2);
