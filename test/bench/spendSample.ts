import { gamma, rng, simulateBgNbd } from '../models/simulate';

/**
 * 100,000 customers shaped like the CDNOW cohort (BG/NBD with CDNOW's parameters, day-level dates) with
 * Gamma-Gamma spends (CDNOW's p = 6.25, q = 3.74, gamma = 15.44): the repeat buyers' (x, mean spend).
 */
export function spendSample(n: number, seed: number): Array<{ x: number; meanSpend: number }> {
	const u = rng(seed);
	const rows: Array<{ x: number; meanSpend: number }> = [];
	for (const c of simulateBgNbd(n, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, seed, true)) {
		if (c.x === 0) continue;
		const nu = gamma(u, 3.74, 15.44);
		let total = 0;
		for (let j = 0; j < c.x; j++) total += gamma(u, 6.25, nu);
		rows.push({ x: c.x, meanSpend: Math.round((total / c.x) * 100) / 100 });
	}
	return rows;
}
