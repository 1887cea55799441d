/** Seeded samplers for parameter-recovery tests and benchmarks. */
import { seededRandom as rng } from '../helpers/random';

export { rng };

function normal(u: () => number): number {
	return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (with the shape < 1 boost). */
export function gamma(u: () => number, shape: number, rate: number): number {
	if (shape < 1) return gamma(u, shape + 1, rate) * Math.pow(u(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		const z = normal(u);
		const v = Math.pow(1 + c * z, 3);
		if (v <= 0) continue;
		if (Math.log(1 - u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
	}
}

export function beta(u: () => number, a: number, b: number): number {
	const x = gamma(u, a, 1);
	return x / (x + gamma(u, b, 1));
}

const exponential = (u: () => number, rate: number) => -Math.log(1 - u()) / rate;

export interface Simulated {
	x: number;
	tx: number;
	T: number;
}

/** Observation length T for customer i: acquired evenly over the first 12 weeks of a 52-week window. */
const observation = (u: () => number) => 40 + 12 * u();

/** Rounds times to whole days (in weeks), as real transaction dates are. */
const toDay = (weeks: number) => Math.round(weeks * 7) / 7;

export function simulateBgNbd(n: number, p: { r: number; alpha: number; a: number; b: number }, seed: number, days = false): Simulated[] {
	const u = rng(seed);
	return Array.from({ length: n }, () => {
		const lambda = gamma(u, p.r, p.alpha);
		const dropout = beta(u, p.a, p.b);
		const T = days ? toDay(observation(u)) : observation(u);
		let t = 0;
		let x = 0;
		let tx = 0;
		for (;;) {
			t += exponential(u, lambda);
			if (t > T) break;
			const at = days ? toDay(t) : t;
			if (at > T) break;
			// Same-day purchases count once, as the summariser collapses them; the dropout chance still follows each purchase.
			if (at > tx) {
				x++;
				tx = at;
			}
			if (u() < dropout) break;
		}
		return { x, tx, T };
	});
}

export function simulateParetoNbd(n: number, p: { r: number; alpha: number; s: number; beta: number }, seed: number, days = false): Simulated[] {
	const u = rng(seed);
	return Array.from({ length: n }, () => {
		const lambda = gamma(u, p.r, p.alpha);
		const mu = gamma(u, p.s, p.beta);
		const T = days ? toDay(observation(u)) : observation(u);
		const end = Math.min(T, exponential(u, mu));
		let t = 0;
		let x = 0;
		let tx = 0;
		for (;;) {
			t += exponential(u, lambda);
			if (t > end) break;
			const at = days ? toDay(t) : t;
			if (at > T) break;
			// Same-day purchases count once, as the summariser collapses them.
			if (at > tx) {
				x++;
				tx = at;
			}
		}
		return { x, tx, T };
	});
}

/**
 * Standard errors from the observed information: the inverse of the numerical Hessian of the negative
 * log-likelihood at the estimate, in the parameters' own scale.
 */
export function standardErrors(negLogLik: (params: number[]) => number, estimate: number[]): number[] {
	const k = estimate.length;
	const h = estimate.map((v) => 1e-4 * Math.max(Math.abs(v), 1e-3));
	const f = (delta: number[]) => negLogLik(estimate.map((v, i) => v + delta[i]));
	const H = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	for (let i = 0; i < k; i++) {
		for (let j = i; j < k; j++) {
			const e = (di: number, dj: number) => {
				const d = new Array<number>(k).fill(0);
				d[i] += di * h[i];
				d[j] += dj * h[j];
				return f(d);
			};
			H[i][j] = H[j][i] = (e(1, 1) - e(1, -1) - e(-1, 1) + e(-1, -1)) / (4 * h[i] * h[j]);
		}
	}
	return invert(H).map((row, i) => Math.sqrt(row[i]));
}

function invert(m: number[][]): number[][] {
	const n = m.length;
	const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
	for (let c = 0; c < n; c++) {
		let pivot = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
		[a[c], a[pivot]] = [a[pivot], a[c]];
		const div = a[c][c];
		for (let j = 0; j < 2 * n; j++) a[c][j] /= div;
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const factor = a[r][c];
			for (let j = 0; j < 2 * n; j++) a[r][j] -= factor * a[c][j];
		}
	}
	return a.map((row) => row.slice(n));
}

/**
 * Every customer buys at the same Poisson rate and never drops out, observed 30 to 42 weeks (times to
 * 0.01 week): nothing for the models to separate.
 */
export function simulateHomogeneous(n: number, rate: number, seed: number): Simulated[] {
	const u = rng(seed);
	return Array.from({ length: n }, () => {
		const T = 30 + Math.round(u() * 84) / 7;
		let t = 0;
		let x = 0;
		let tx = 0;
		for (;;) {
			t += exponential(u, rate);
			if (t > T) break;
			x++;
			tx = Math.min(T, Math.max(0.01, Math.round(t * 100) / 100));
		}
		return { x, tx, T };
	});
}
