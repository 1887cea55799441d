import { ConfigError } from '../input';
import { digamma, hyp2f1, lnBeta, lnGamma, minimizeBfgs } from '../stats';
import { checkIdentifiable, compress, logAddExp, type CompressedData, type FitInfo, type RfmSummary } from './data';

/** BG/NBD parameters (Fader, Hardie & Lee 2005): purchase rate ~ Gamma(r, alpha), dropout p ~ Beta(a, b). */
export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

/** Total log-likelihood over compressed customers (the papers' units: summed, time as given). */
export function bgNbdLogLikelihood(p: BgNbdParams, data: CompressedData): number {
	const { r, alpha, a, b } = p;
	const lnBab = lnBeta(a, b);
	const lnAlpha = Math.log(alpha);
	// Terms that depend only on x.
	const perX = data.distinctX.map((x) => ({
		a1: lnGamma(r + x) - lnGamma(r) + r * lnAlpha,
		a2: lnBeta(a, b + x) - lnBab,
		a3: x > 0 ? lnBeta(a + 1, b + x - 1) - lnBab : -Infinity,
	}));
	let total = 0;
	for (let i = 0; i < data.rows; i++) {
		const x = data.x[i];
		const g = perX[data.xGroup[i]];
		const term2 = g.a2 - (r + x) * Math.log(alpha + data.T[i]);
		const term3 = x > 0 ? g.a3 - (r + x) * Math.log(alpha + data.tx[i]) : -Infinity;
		total += data.weight[i] * (g.a1 + logAddExp(term2, term3));
	}
	return total;
}

/**
 * Gradient of the total log-likelihood with respect to the log-parameters (ln r, ln alpha, ln a, ln b),
 * analytic: each customer's likelihood is a two-term mixture whose terms' derivatives are digamma
 * differences (per distinct x) and simple rational terms (per row).
 */
export function bgNbdLogLikelihoodGradient(p: BgNbdParams, data: CompressedData): number[] {
	const { r, alpha, a, b } = p;
	const lnBab = lnBeta(a, b);
	const psiAB = digamma(a + b);
	const psiA = digamma(a);
	const psiB = digamma(b);
	const psiA1 = digamma(a + 1);
	const perX = data.distinctX.map((x) => {
		const psiABX = digamma(a + b + x);
		return {
			a2: lnBeta(a, b + x) - lnBab,
			a3: x > 0 ? lnBeta(a + 1, b + x - 1) - lnBab : -Infinity,
			dr: digamma(r + x) - digamma(r) + Math.log(alpha),
			da2: psiAB - psiABX,
			da3: psiA1 - psiABX - psiA + psiAB,
			db2: digamma(b + x) - psiABX - psiB + psiAB,
			db3: x > 0 ? digamma(b + x - 1) - psiABX - psiB + psiAB : 0,
		};
	});
	let gr = 0;
	let gAlpha = 0;
	let ga = 0;
	let gb = 0;
	for (let i = 0; i < data.rows; i++) {
		const x = data.x[i];
		const w = data.weight[i];
		const g = perX[data.xGroup[i]];
		const lnT = Math.log(alpha + data.T[i]);
		const term2 = g.a2 - (r + x) * lnT;
		let w2 = 1;
		let lnTx = 0;
		if (x > 0) {
			lnTx = Math.log(alpha + data.tx[i]);
			const term3 = g.a3 - (r + x) * lnTx;
			w2 = 1 / (1 + Math.exp(term3 - term2));
		}
		const w3 = 1 - w2;
		gr += w * (g.dr - w2 * lnT - w3 * lnTx);
		gAlpha += w * (r / alpha - w2 * ((r + x) / (alpha + data.T[i])) - (x > 0 ? w3 * ((r + x) / (alpha + data.tx[i])) : 0));
		ga += w * (w2 * g.da2 + w3 * g.da3);
		gb += w * (w2 * g.db2 + w3 * g.db3);
	}
	return [gr * r, gAlpha * alpha, ga * a, gb * b];
}

const toParams = (theta: number[]): BgNbdParams => ({ r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) });

export function fitBgNbd(customers: ArrayLike<RfmSummary>): { params: BgNbdParams } & FitInfo {
	const data = compress(customers);
	checkIdentifiable(data, 'BG/NBD');
	const scale = data.customers;
	const result = minimizeBfgs((theta) => -bgNbdLogLikelihood(toParams(theta), data) / scale, [0, 0, 0, 0], {
		gradient: (theta) => bgNbdLogLikelihoodGradient(toParams(theta), data).map((g) => -g / scale),
	});
	const params = toParams(result.x);
	if (!result.converged || Object.values(params).some((v) => !Number.isFinite(v) || v <= 0 || v > 1e6)) {
		throw new ConfigError(
			`BG/NBD did not converge on these ${data.customers} customers (parameters ${JSON.stringify(params)}); ` +
				'the batch may be too uniform to identify the model',
		);
	}
	return {
		params,
		logLikelihood: bgNbdLogLikelihood(params, data),
		customers: data.customers,
		distinctRows: data.rows,
		iterations: result.iterations,
		converged: result.converged,
	};
}

/** P(alive | x, t_x, T): the probability the customer has not dropped out. */
export function bgNbdProbabilityAlive(p: BgNbdParams, c: RfmSummary): number {
	if (c.x === 0) return 1;
	const ratio = (p.a / (p.b + c.x - 1)) * Math.exp((p.r + c.x) * Math.log((p.alpha + c.T) / (p.alpha + c.tx)));
	return 1 / (1 + ratio);
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t periods for this customer. */
export function bgNbdConditionalExpected(p: BgNbdParams, c: RfmSummary, t: number): number {
	const { r, alpha, a, b } = p;
	const { x, tx, T } = c;
	const head = (a + b + x - 1) / (a - 1);
	const f = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
	const tail = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * f;
	const denominator = 1 + (x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0);
	return (head * tail) / denominator;
}

/** E[X(t)]: expected purchases in (0, t] for a customer just acquired. */
export function bgNbdExpectedNew(p: BgNbdParams, t: number): number {
	const { r, alpha, a, b } = p;
	return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

/** P(X(t) = n): probability that a new customer makes exactly n purchases in (0, t]. */
export function bgNbdProbabilityOfCount(p: BgNbdParams, t: number, n: number): number {
	const { r, alpha, a, b } = p;
	const lnBab = lnBeta(a, b);
	const lnPrefix = r * Math.log(alpha / (alpha + t));
	const lnZ = Math.log(t / (alpha + t));
	const lnNbd = (j: number) => lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + lnPrefix + j * lnZ;
	let probability = Math.exp(lnBeta(a, b + n) - lnBab + lnNbd(n));
	if (n > 0) {
		let cumulative = 0;
		for (let j = 0; j < n; j++) cumulative += Math.exp(lnNbd(j));
		probability += Math.exp(lnBeta(a + 1, b + n - 1) - lnBab) * (1 - cumulative);
	}
	return probability;
}
