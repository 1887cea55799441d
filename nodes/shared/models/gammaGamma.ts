import { ConfigError } from '../input';
import { minimizeBfgs } from '../stats';
import type { FitResult } from './data';
import { SpendData, type SpendSummary } from './spendData';

/** Gamma-Gamma spend parameters (Fader, Hardie & Lee, "RFM and CLV", 2005). */
export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

export type { SpendSummary };

/**
 * Total log-likelihood of the mean repeat spends, and (when `gradient` is given) its gradient in
 * (ln p, ln q, ln gamma); see SpendData.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: ArrayLike<SpendSummary> | SpendData, gradient?: Float64Array): number {
	const data = customers instanceof SpendData ? customers : new SpendData(customers);
	return data.logLikelihood(params.p, params.q, params.gamma, gradient);
}

/**
 * The maximum likelihood over (ln p, ln q, ln gamma), found as a one-dimensional search over ln gamma of
 * the likelihood maximised over (p, q) at each gamma. Only a new gamma needs a pass over the customers;
 * the inner fit touches one term per distinct x. The slope of the profile is the likelihood's own slope
 * in gamma at the inner maximum (envelope theorem), so the outer search has an exact gradient too.
 */
function maximizeProfile(data: SpendData, start: number[]): { x: number[]; iterations: number; converged: boolean } {
	const scale = -1 / data.customers;
	const inner = [start[0], start[1]];
	const fitAt = (gamma: number) => {
		const sums = data.sumsAt(gamma, true);
		const fit = minimizeBfgs((theta, gradient) => {
			const value = data.givenGamma(Math.exp(theta[0]), Math.exp(theta[1]), gamma, sums, gradient) * scale;
			gradient[0] *= scale;
			gradient[1] *= scale;
			return value;
		}, inner);
		// The next gamma starts from this one's (p, q): neighbouring gammas have neighbouring maxima.
		if (fit.converged) [inner[0], inner[1]] = fit.x;
		return { fit, sums };
	};
	const outer = minimizeBfgs((lnGammaParam, slope) => {
		const gamma = Math.exp(lnGammaParam[0]);
		const { fit, sums } = fitAt(gamma);
		slope[0] = data.gammaSlope(Math.exp(fit.x[0]), Math.exp(fit.x[1]), gamma, sums) * scale;
		return fit.value;
	}, [start[2]]);
	const { fit } = fitAt(Math.exp(outer.x[0]));
	return { x: [fit.x[0], fit.x[1], outer.x[0]], iterations: outer.iterations, converged: outer.converged && fit.converged };
}

/** The largest p, q or gamma a fit gives: beyond it the fit has run off (and supplied parameters are no fit's). */
export const SPEND_PARAMETER_MAX = 1e8;

const toParams = (theta: ArrayLike<number>): GammaGammaParams => ({ p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) });

/**
 * Fits on customers with repeat purchases and a positive mean repeat spend; others are skipped. A row
 * may stand for several customers (`count`, as a GROUP BY of (x, mean spend) gives).
 */
export function fitGammaGamma(customers: SpendSummary[]): FitResult<GammaGammaParams> {
	const usable = customers.filter((c) => c.x > 0 && c.meanSpend > 0 && Number.isFinite(c.meanSpend) && (c.count ?? 1) > 0);
	const data = new SpendData(usable);
	if (data.customers < 10) {
		throw new ConfigError(
			`The spend model cannot be fitted on ${data.customers} customers with repeat purchases and a positive spend (expected at least 10 such customers)`,
		);
	}
	// Start at p = 1, q = 2, gamma = mean spend: a population mean p·gamma/(q−1) equal to the observed one.
	let result: ReturnType<typeof maximizeProfile>;
	try {
		result = maximizeProfile(data, [0, Math.log(2), Math.log(data.meanSpend)]);
	} catch (error) {
		// The optimizer's own words ('The objective is not finite at the starting point') say nothing of the
		// spends: with every mean spend alike the profile runs off at once (q and p to infinity).
		if (!(error instanceof RangeError)) throw error;
		throw new ConfigError(
			`The spend model could not be fitted on ${data.customers} customers: the fit ran off before it started; spends may be too alike across customers to fit (expected mean repeat spends that vary from customer to customer)`,
		);
	}
	const params = toParams(result.x);
	if (!result.converged || params.q <= 1 || Object.values(params).some((v) => !Number.isFinite(v) || v > SPEND_PARAMETER_MAX)) {
		throw new ConfigError(
			`The spend model could not be fitted on ${data.customers} customers (p = ${+params.p.toPrecision(4)}, q = ${+params.q.toPrecision(4)}, ` +
				`gamma = ${+params.gamma.toPrecision(4)}); spends may be too alike across customers to fit (expected q above 1, for a finite mean spend)`,
		);
	}
	return {
		params,
		logLikelihood: data.logLikelihood(params.p, params.q, params.gamma),
		customers: data.customers,
		distinctRows: data.rows,
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
