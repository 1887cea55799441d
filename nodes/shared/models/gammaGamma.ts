import { ConfigError } from '../input';
import { digamma, lnGamma, minimizeBfgs } from '../stats';
import type { FitResult } from './data';

/** Gamma-Gamma spend parameters (Fader, Hardie & Lee, "RFM and CLV", 2005). */
export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

/** A customer's repeat purchases x (> 0) and their mean value m_x. */
export interface SpendSummary {
	x: number;
	meanSpend: number;
}

/**
 * Total log-likelihood of the mean repeat spends, and (when `gradient` is given) its gradient in
 * (ln p, ln q, ln gamma). Per customer:
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: ArrayLike<SpendSummary>, gradient?: Float64Array): number {
	const { p, q, gamma } = params;
	const lnGammaQ = lnGamma(q);
	const lnG = Math.log(gamma);
	const psiQ = gradient ? digamma(q) : 0;
	let total = 0;
	let gp = 0;
	let gq = 0;
	let gg = 0;
	for (let i = 0; i < customers.length; i++) {
		const { x, meanSpend: m } = customers[i];
		const px = p * x;
		const lnM = Math.log(m);
		const lnX = Math.log(x);
		const lnTotal = Math.log(gamma + m * x);
		total += lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * lnG + (px - 1) * lnM + px * lnX - (px + q) * lnTotal;
		if (gradient) {
			const psiPxQ = digamma(px + q);
			gp += x * (psiPxQ - digamma(px) + lnM + lnX - lnTotal);
			gq += psiPxQ - psiQ + lnG - lnTotal;
			gg += q / gamma - (px + q) / (gamma + m * x);
		}
	}
	if (gradient) {
		gradient[0] = gp * p;
		gradient[1] = gq * q;
		gradient[2] = gg * gamma;
	}
	return total;
}

const toParams = (theta: ArrayLike<number>): GammaGammaParams => ({ p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) });

/** Fits on customers with repeat purchases and a positive mean repeat spend; others are skipped. */
export function fitGammaGamma(customers: SpendSummary[]): FitResult<GammaGammaParams> {
	const usable = customers.filter((c) => c.x > 0 && c.meanSpend > 0 && Number.isFinite(c.meanSpend));
	if (usable.length < 10) {
		throw new ConfigError(
			`The spend model needs at least 10 customers with repeat purchases and a positive spend; this batch has ${usable.length}`,
		);
	}
	let meanSpend = 0;
	for (const c of usable) meanSpend += c.meanSpend / usable.length;
	const scale = -1 / usable.length;
	// Start at p = 1, q = 2, gamma = mean spend: a population mean p·gamma/(q−1) equal to the observed one.
	const result = minimizeBfgs((theta, gradient) => {
		const value = gammaGammaLogLikelihood(toParams(theta), usable, gradient) * scale;
		for (let i = 0; i < 3; i++) gradient[i] *= scale;
		return value;
	}, [0, Math.log(2), Math.log(meanSpend)]);
	const params = toParams(result.x);
	if (!result.converged || params.q <= 1 || Object.values(params).some((v) => !Number.isFinite(v) || v > 1e8)) {
		throw new ConfigError(
			`The spend model could not be fitted on ${usable.length} customers (p = ${+params.p.toPrecision(4)}, q = ${+params.q.toPrecision(4)}, ` +
				`gamma = ${+params.gamma.toPrecision(4)}): q must exceed 1 for a finite mean spend. Spends may be too alike across customers to fit.`,
		);
	}
	return {
		params,
		logLikelihood: gammaGammaLogLikelihood(params, usable),
		customers: usable.length,
		distinctRows: usable.length,
		iterations: result.iterations,
		converged: result.converged,
	};
}

/** E[M | x, m_x]: expected average transaction value, shrunk from m_x towards the population mean. */
export function gammaGammaExpectedSpend(params: GammaGammaParams, c: SpendSummary): number {
	const { p, q, gamma } = params;
	const populationMean = (p * gamma) / (q - 1);
	if (c.x === 0) return populationMean;
	const weight = (p * c.x) / (p * c.x + q - 1);
	return (1 - weight) * populationMean + weight * c.meanSpend;
}
