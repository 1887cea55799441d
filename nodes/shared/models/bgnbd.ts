import { digamma, lnBeta, lnGamma, seriesOrNaN } from '../stats';
import { betaMeanOfPurchases } from './bgnbdExpectation';
import { fitCountModel, toLogGradient } from './countFit';
import { rateStart, type CompressedData, type CountScores, type FitResult, type RfmColumns, type RfmSummary } from './data';

/** BG/NBD parameters (Fader, Hardie & Lee 2005): purchase rate ~ Gamma(r, alpha), dropout p ~ Beta(a, b). */
export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

/**
 * Total log-likelihood over compressed customers and its gradient in the log-parameters
 * (ln r, ln alpha, ln a, ln b), written into `gradient` when given. Papers' units: summed over
 * customers, time as given. Per customer: ln Γ(r+x) − ln Γ(r) + r ln α + ln(e^A + e^B) with
 *   A = ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T),
 *   B = ln B(a+1, b+x−1) − ln B(a, b) − (r+x) ln(α+t_x)   (x > 0 only).
 */
export function bgNbdLogLikelihood(p: BgNbdParams, data: CompressedData, gradient?: Float64Array): number {
	return new BgNbdLikelihood(data).evaluate(p, gradient);
}

/** The gradient of bgNbdLogLikelihood in (ln r, ln alpha, ln a, ln b). */
export function bgNbdLogLikelihoodGradient(p: BgNbdParams, data: CompressedData): number[] {
	const gradient = new Float64Array(4);
	bgNbdLogLikelihood(p, data, gradient);
	return Array.from(gradient);
}

/** The likelihood with its work arrays allocated once, for the optimiser's many evaluations. */
class BgNbdLikelihood {
	private readonly constX: Float64Array;
	private readonly dConstR: Float64Array;
	private readonly aliveC: Float64Array;
	private readonly aliveDa: Float64Array;
	private readonly aliveDb: Float64Array;
	private readonly dropC: Float64Array;
	private readonly dropDa: Float64Array;
	private readonly dropDb: Float64Array;
	private readonly lnAt: Float64Array;
	private readonly invAt: Float64Array;

	constructor(private readonly data: CompressedData) {
		const k = data.distinctX.length;
		const m = data.times.length;
		[this.constX, this.dConstR, this.aliveC, this.aliveDa, this.aliveDb, this.dropC, this.dropDa, this.dropDb] = Array.from(
			{ length: 8 },
			() => new Float64Array(k),
		);
		this.lnAt = new Float64Array(m);
		this.invAt = new Float64Array(m);
	}

	evaluate(p: BgNbdParams, gradient?: Float64Array): number {
		const { r, alpha, a, b } = p;
		const d = this.data;
		const lnBab = lnBeta(a, b);
		const lnAlpha = Math.log(alpha);
		const lnGammaR = lnGamma(r);
		const psiR = gradient ? digamma(r) : 0;
		const psiAb = gradient ? digamma(a + b) : 0;
		const psiA = gradient ? digamma(a) : 0;
		const psiA1 = gradient ? digamma(a + 1) : 0;
		const psiB = gradient ? digamma(b) : 0;
		for (let g = 0; g < d.distinctX.length; g++) {
			const x = d.distinctX[g];
			this.constX[g] = lnGamma(r + x) - lnGammaR + r * lnAlpha;
			this.aliveC[g] = lnBeta(a, b + x) - lnBab;
			this.dropC[g] = x > 0 ? lnBeta(a + 1, b + x - 1) - lnBab : -Infinity;
			if (gradient) {
				const psiAbx = digamma(a + b + x);
				this.dConstR[g] = digamma(r + x) - psiR + lnAlpha;
				this.aliveDa[g] = psiAb - psiAbx;
				this.aliveDb[g] = digamma(b + x) - psiAbx - psiB + psiAb;
				this.dropDa[g] = psiA1 - psiAbx - psiA + psiAb;
				this.dropDb[g] = x > 0 ? digamma(b + x - 1) - psiAbx - psiB + psiAb : 0;
			}
		}
		for (let j = 0; j < d.times.length; j++) {
			this.lnAt[j] = Math.log(alpha + d.times[j]);
			this.invAt[j] = 1 / (alpha + d.times[j]);
		}
		let total = 0;
		let gr = 0;
		let gAlpha = 0;
		let ga = 0;
		let gb = 0;
		for (let i = 0; i < d.rows; i++) {
			const g = d.xGroup[i];
			const rx = r + d.x[i];
			const w = d.weight[i];
			const lnT = this.lnAt[d.TTime[i]];
			const alive = this.aliveC[g] - rx * lnT;
			if (d.x[i] === 0) {
				total += w * (this.constX[g] + alive);
				if (gradient) {
					gr += w * (this.dConstR[g] - lnT);
					gAlpha += w * (r / alpha - rx * this.invAt[d.TTime[i]]);
					ga += w * this.aliveDa[g];
					gb += w * this.aliveDb[g];
				}
				continue;
			}
			const lnTx = this.lnAt[d.txTime[i]];
			const drop = this.dropC[g] - rx * lnTx;
			const top = alive > drop ? alive : drop;
			const eAlive = Math.exp(alive - top);
			const eDrop = Math.exp(drop - top);
			const sum = eAlive + eDrop;
			total += w * (this.constX[g] + top + Math.log(sum));
			if (gradient) {
				const pAlive = eAlive / sum;
				const pDrop = 1 - pAlive;
				gr += w * (this.dConstR[g] - pAlive * lnT - pDrop * lnTx);
				gAlpha += w * (r / alpha - rx * (pAlive * this.invAt[d.TTime[i]] + pDrop * this.invAt[d.txTime[i]]));
				ga += w * (pAlive * this.aliveDa[g] + pDrop * this.dropDa[g]);
				gb += w * (pAlive * this.aliveDb[g] + pDrop * this.dropDb[g]);
			}
		}
		if (gradient) toLogGradient(gradient, [gr, gAlpha, ga, gb], [r, alpha, a, b]);
		return total;
	}
}

/** Maximum-likelihood fit; customers as objects, as columns, or already compressed. */
export function fitBgNbd(customers: ArrayLike<RfmSummary> | RfmColumns | CompressedData): FitResult<BgNbdParams> {
	return fitCountModel(
		{
			name: 'BG/NBD',
			aspects: { r: 'purchase rates', alpha: 'purchase rates', a: 'dropout chances', b: 'dropout chances' },
			start: (data) => [0, rateStart(data), 0, 0],
			likelihood: (data) => new BgNbdLikelihood(data),
		},
		customers,
	);
}

/** ln of the odds "dropped out" : "alive" for a customer with x > 0. */
function lnDropOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
	return Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/** P(alive | x, t_x, T): the probability the customer has not dropped out. */
export function bgNbdProbabilityAlive(p: BgNbdParams, c: RfmSummary): number {
	if (c.x === 0) return 1;
	return 1 / (1 + Math.exp(lnDropOdds(p, c.x, c.tx, c.T)));
}

/**
 * (a+b+x−1)/(a−1) · [1 − u^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; 1−u)]: the shared core of E[X(t)] and
 * E[Y(t) | x, t_x, T], where u^(r+x) 2F1(r+x, b+x; a+b+x−1; 1−u) has been rewritten by Euler's
 * transformation so no power of u overflows for large x. At a = 1 the expression is 0/0; its limit is
 * taken as the mean of the values just either side.
 */
function expectationCore(p: BgNbdParams, x: number, u: number): number {
	const { r, a, b } = p;
	// The series needs about 40/u terms: from u < 0.001 on (a horizon long against alpha + T) the average it sums is integrated.
	if (u < SERIES_LEAST_U) return betaMeanOfPurchases(a, b + x, r + x, (1 - u) / u);
	if (Math.abs(a - 1) < 1e-6) {
		return 0.5 * (expectationCore({ ...p, a: 1 - 2e-6 }, x, u) + expectationCore({ ...p, a: 1 + 2e-6 }, x, u));
	}
	const c = a + b + x - 1;
	const sum = seriesOrNaN(a + b - 1 - r, a - 1, c, 1 - u);
	// Not summed within its terms (a large a, b or x slows it too): the same value by integration.
	if (Number.isNaN(sum)) return betaMeanOfPurchases(a, b + x, r + x, (1 - u) / u);
	return (c / (a - 1)) * (1 - Math.pow(u, a - 1) * sum);
}

/** Below this u = (alpha + T)/(alpha + T + t) the expectation is integrated rather than summed (bgnbdExpectation.ts). */
const SERIES_LEAST_U = 0.001;

/** E[Y(t) | x, t_x, T]: expected purchases in the next t periods for this customer. */
export function bgNbdConditionalExpected(p: BgNbdParams, c: RfmSummary, t: number): number {
	if (t <= 0) return 0;
	const u = (p.alpha + c.T) / (p.alpha + c.T + t);
	const alive = c.x > 0 ? 1 / (1 + Math.exp(lnDropOdds(p, c.x, c.tx, c.T))) : 1;
	return expectationCore(p, c.x, u) * alive;
}

/** E[X(t)]: expected purchases in (0, t] for a customer just acquired. */
export function bgNbdExpectedNew(p: BgNbdParams, t: number): number {
	if (t <= 0) return 0;
	return expectationCore(p, 0, p.alpha / (p.alpha + t));
}

/** P(X(t) = n): probability that a new customer makes exactly n purchases in (0, t]. */
export function bgNbdProbabilityOfCount(p: BgNbdParams, t: number, n: number): number {
	const { r, alpha, a, b } = p;
	const lnBab = lnBeta(a, b);
	const lnPrefix = r * Math.log(alpha / (alpha + t));
	const lnZ = Math.log(t / (alpha + t));
	const lnGammaR = lnGamma(r);
	const lnNbd = (j: number) => lnGamma(r + j) - lnGammaR - lnGamma(j + 1) + lnPrefix + j * lnZ;
	let probability = Math.exp(lnBeta(a, b + n) - lnBab + lnNbd(n));
	if (n > 0) {
		let cumulative = 0;
		for (let j = 0; j < n; j++) cumulative += Math.exp(lnNbd(j));
		probability += Math.exp(lnBeta(a + 1, b + n - 1) - lnBab) * Math.max(0, 1 - cumulative);
	}
	return probability;
}

/** Scores many customers (columns) at once: P(alive) and expected purchases over `horizon`. */
export function scoreBgNbd(p: BgNbdParams, customers: RfmColumns, horizon: number): CountScores {
	const n = customers.x.length;
	const probabilityAlive = new Float64Array(n);
	const expectedPurchases = new Float64Array(n);
	const c: RfmSummary = { x: 0, tx: 0, T: 0 };
	for (let i = 0; i < n; i++) {
		c.x = customers.x[i];
		c.tx = customers.tx[i];
		c.T = customers.T[i];
		const alive = c.x > 0 ? 1 / (1 + Math.exp(lnDropOdds(p, c.x, c.tx, c.T))) : 1;
		probabilityAlive[i] = alive;
		expectedPurchases[i] = horizon > 0 ? expectationCore(p, c.x, (p.alpha + c.T) / (p.alpha + c.T + horizon)) * alive : 0;
	}
	return { probabilityAlive, expectedPurchases };
}
