import { digamma, lnGamma } from '../stats';
import { fitCountModel, toLogGradient } from './countFit';
import { lnDropoutTail } from './dropoutTail';
import { rateStart, type CompressedData, type CountScores, type FitResult, type RfmColumns, type RfmSummary } from './data';

/** Pareto/NBD parameters: purchase rate ~ Gamma(r, alpha), dropout rate ~ Gamma(s, beta). */
export interface ParetoNbdParams {
	r: number;
	alpha: number;
	s: number;
	beta: number;
}

/**
 * Total log-likelihood over compressed customers (papers' units: summed, time as given) and, when
 * `gradient` is given, its gradient in (ln r, ln alpha, ln s, ln beta). Per customer:
 *   ln[Γ(r+x) α^r β^s / Γ(r)] + ln[ (α+T)^−(r+x) (β+T)^−s + s (G(t_x) − G(T)) ]
 * with G the dropout tail (dropoutTail.ts) at p = r + x, q = s + 1 (alive at T, or dropped out between t_x and T).
 */
export function paretoNbdLogLikelihood(p: ParetoNbdParams, data: CompressedData, gradient?: Float64Array): number {
	return new ParetoNbdLikelihood(data).evaluate(p, gradient);
}

class ParetoNbdLikelihood {
	private readonly constX: Float64Array;
	private readonly dConstR: Float64Array;
	private readonly lnAt: Float64Array;
	private readonly lnBt: Float64Array;
	/** Per (x, time) pair: ln G and its four derivatives, five values per pair. */
	private readonly tail: Float64Array;
	private readonly one = new Float64Array(5);

	constructor(private readonly data: CompressedData) {
		this.constX = new Float64Array(data.distinctX.length);
		this.dConstR = new Float64Array(data.distinctX.length);
		this.lnAt = new Float64Array(data.times.length);
		this.lnBt = new Float64Array(data.times.length);
		this.tail = new Float64Array(5 * data.pairX.length);
	}

	evaluate(params: ParetoNbdParams, gradient?: Float64Array): number {
		const { r, alpha, s, beta } = params;
		const d = this.data;
		const lnAlpha = Math.log(alpha);
		const lnBeta = Math.log(beta);
		const lnGammaR = lnGamma(r);
		const psiR = gradient ? digamma(r) : 0;
		for (let g = 0; g < d.distinctX.length; g++) {
			const x = d.distinctX[g];
			this.constX[g] = lnGamma(r + x) - lnGammaR + r * lnAlpha + s * lnBeta;
			if (gradient) this.dConstR[g] = digamma(r + x) - psiR + lnAlpha;
		}
		for (let j = 0; j < d.times.length; j++) {
			this.lnAt[j] = Math.log(alpha + d.times[j]);
			this.lnBt[j] = Math.log(beta + d.times[j]);
		}
		for (let k = 0; k < d.pairX.length; k++) {
			if (!lnDropoutTail(r + d.distinctX[d.pairX[k]], s + 1, alpha, beta, d.times[d.pairTime[k]], this.one)) return Number.NaN;
			this.tail.set(this.one, 5 * k);
		}
		const lnS = Math.log(s);
		const tail = this.tail;
		let total = 0;
		let gr = 0;
		let gAlpha = 0;
		let gs = 0;
		let gBeta = 0;
		for (let i = 0; i < d.rows; i++) {
			const w = d.weight[i];
			const g = d.xGroup[i];
			const rx = r + d.x[i];
			const Tj = d.TTime[i];
			const alive = -rx * this.lnAt[Tj] - s * this.lnBt[Tj];
			const u = 5 * d.txPair[i];
			const l = 5 * d.TPair[i];
			// Alive throughout when the last purchase is at T, or when T is so close to t_x that G(T) equals
			// G(t_x) to the last digit (T = 5e-324 after t_x = 0): the dropped-out term s (G(t_x) − G(T)) is
			// then below rounding, and its share of the gradient would be 0 × ∞.
			const ratio = d.tx[i] === d.T[i] ? 1 : Math.exp(tail[l] - tail[u]);
			if (ratio >= 1) {
				total += w * (this.constX[g] + alive);
				if (gradient) {
					const T = d.T[i];
					gr += w * (this.dConstR[g] - this.lnAt[Tj]);
					gAlpha += w * (r / alpha - rx / (alpha + T));
					gs += w * (lnBeta - this.lnBt[Tj]);
					gBeta += w * (s / beta - s / (beta + T));
				}
				continue;
			}
			const died = lnS + tail[u] + Math.log1p(-ratio);
			const top = alive > died ? alive : died;
			const eAlive = Math.exp(alive - top);
			const eDied = Math.exp(died - top);
			const sum = eAlive + eDied;
			total += w * (this.constX[g] + top + Math.log(sum));
			if (gradient) {
				const T = d.T[i];
				const pAlive = eAlive / sum;
				const pDied = 1 - pAlive;
				const k = 1 / (1 - ratio);
				gr += w * (this.dConstR[g] - pAlive * this.lnAt[Tj] + pDied * k * (tail[u + 1] - ratio * tail[l + 1]));
				gs += w * (lnBeta - pAlive * this.lnBt[Tj] + pDied * (1 / s + k * (tail[u + 2] - ratio * tail[l + 2])));
				gAlpha += w * (r / alpha - (pAlive * rx) / (alpha + T) + pDied * k * (tail[u + 3] - ratio * tail[l + 3]));
				gBeta += w * (s / beta - (pAlive * s) / (beta + T) + pDied * k * (tail[u + 4] - ratio * tail[l + 4]));
			}
		}
		if (gradient) toLogGradient(gradient, [gr, gAlpha, gs, gBeta], [r, alpha, s, beta]);
		return total;
	}
}

/** Maximum-likelihood fit; customers as objects, as columns, or already compressed. */
export function fitParetoNbd(customers: ArrayLike<RfmSummary> | RfmColumns | CompressedData): FitResult<ParetoNbdParams> {
	return fitCountModel(
		{
			name: 'Pareto/NBD',
			aspects: { r: 'purchase rates', alpha: 'purchase rates', s: 'lifetimes', beta: 'lifetimes' },
			start: (data) => [0, rateStart(data), 0, Math.log(meanAge(data))],
			likelihood: (data) => new ParetoNbdLikelihood(data),
		},
		customers,
	);
}

function meanAge(data: CompressedData): number {
	let total = 0;
	for (let i = 0; i < data.rows; i++) total += data.T[i] * data.weight[i];
	return total / data.customers;
}

const upper = new Float64Array(5);
const lower = new Float64Array(5);

/** ln of the odds "dropped out" : "alive" at T; −∞ when the last purchase was at T. */
function lnDropOdds(p: ParetoNbdParams, x: number, tx: number, T: number): number {
	if (tx >= T) return -Infinity;
	const { r, alpha, s, beta } = p;
	if (!lnDropoutTail(r + x, s + 1, alpha, beta, tx, upper) || !lnDropoutTail(r + x, s + 1, alpha, beta, T, lower)) {
		throw new RangeError(`Pareto/NBD parameters r = ${r}, alpha = ${alpha}, s = ${s}, beta = ${beta} cannot be evaluated at t_x ${tx}, T ${T}`);
	}
	// T so close to t_x that G(T) equals G(t_x) to the last digit: no room to have dropped out.
	if (lower[0] >= upper[0]) return -Infinity;
	return Math.log(s) + upper[0] + Math.log1p(-Math.exp(lower[0] - upper[0])) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T);
}

/** P(alive | x, t_x, T): the probability the customer has not dropped out. */
export function paretoNbdProbabilityAlive(p: ParetoNbdParams, c: RfmSummary): number {
	return 1 / (1 + Math.exp(lnDropOdds(p, c.x, c.tx, c.T)));
}

/**
 * Expected purchases in the next t periods if alive: (r+x)/(alpha+T) · (beta+T)/(s−1) · [1 − ((beta+T)/(beta+T+t))^(s−1)],
 * written as (r+x)/(alpha+T) · (beta+T) · (1 − e^(−(s−1)L))/(s−1) with L = ln((beta+T+t)/(beta+T)),
 * which stays exact through s = 1 (where it becomes (r+x)/(alpha+T) · (beta+T) · L).
 */
function expectedIfAlive(p: ParetoNbdParams, x: number, T: number, t: number): number {
	const L = Math.log1p(t / (p.beta + T));
	const k = p.s - 1;
	const horizon = Math.abs(k * L) < 1e-10 ? L * (1 - (k * L) / 2) : -Math.expm1(-k * L) / k;
	return ((p.r + x) / (p.alpha + T)) * (p.beta + T) * horizon;
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t periods. */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, c: RfmSummary, t: number): number {
	if (t <= 0) return 0;
	return expectedIfAlive(p, c.x, c.T, t) * paretoNbdProbabilityAlive(p, c);
}

/** Scores many customers (columns) at once: P(alive) and expected purchases over `horizon`. */
export function scoreParetoNbd(p: ParetoNbdParams, customers: RfmColumns, horizon: number): CountScores {
	const n = customers.x.length;
	const probabilityAlive = new Float64Array(n);
	const expectedPurchases = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const x = customers.x[i];
		const T = customers.T[i];
		const alive = 1 / (1 + Math.exp(lnDropOdds(p, x, customers.tx[i], T)));
		probabilityAlive[i] = alive;
		expectedPurchases[i] = horizon > 0 ? expectedIfAlive(p, x, T, horizon) * alive : 0;
	}
	return { probabilityAlive, expectedPurchases };
}
