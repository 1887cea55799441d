import { ConfigError, describeValue } from '../input';
import { hyp2f1, minimizeBfgs, withNumericGradient } from '../stats';
import type { FitInfo } from './data';

/** Shifted-beta-geometric parameters (Fader & Hardie 2007): churn probability ~ Beta(alpha, beta). */
export interface SbgParams {
	alpha: number;
	beta: number;
}

/** P(T = t), t = 1, 2, ...: probability of churning exactly at renewal t; by the recursion of the paper. */
export function sbgChurnProbabilities(p: SbgParams, periods: number): number[] {
	const probabilities: number[] = [];
	let current = p.alpha / (p.alpha + p.beta);
	for (let t = 1; t <= periods; t++) {
		if (t > 1) current *= (p.beta + t - 2) / (p.alpha + p.beta + t - 1);
		probabilities.push(current);
	}
	return probabilities;
}

/** S(t): share of the cohort still active after t periods. */
export function sbgSurvival(p: SbgParams, t: number): number {
	return 1 - sbgChurnProbabilities(p, t).reduce((sum, q) => sum + q, 0);
}

/** Retention rate in period t: r_t = (beta + t − 1) / (alpha + beta + t − 1). */
export function sbgRetention(p: SbgParams, t: number): number {
	return (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
}

/**
 * Cohort data: `alive[t]` customers still active at the start of period t (alive[0] = cohort size).
 * Log-likelihood: churners in each period times ln P(T = t), plus survivors times ln S(n).
 */
export function sbgLogLikelihood(p: SbgParams, alive: number[]): number {
	const n = alive.length - 1;
	const churn = sbgChurnProbabilities(p, n);
	let total = 0;
	let survival = 1;
	for (let t = 1; t <= n; t++) {
		total += (alive[t - 1] - alive[t]) * Math.log(churn[t - 1]);
		survival -= churn[t - 1];
	}
	return total + alive[n] * Math.log(survival);
}

export function validateCohort(alive: number[]): void {
	if (alive.length < 3) {
		throw new ConfigError(`The cohort lists ${describeValue(alive.length)} active counts, which is too few for sBG (expected at least 3: the start and two periods of survival)`);
	}
	alive.forEach((count, t) => {
		if (!Number.isFinite(count) || count < 0) throw new ConfigError(`Period ${t}: active count ${describeValue(count)} is not a finite number of at least 0 (expected the customers still active in each period)`);
		if (t > 0 && count > alive[t - 1]) {
			throw new ConfigError(
				`Period ${t}: active count ${describeValue(count)} is more than the ${describeValue(alive[t - 1])} active the period before (expected active counts that never grow: a cohort only loses customers)`,
			);
		}
	});
	if (alive[alive.length - 1] === alive[0]) {
		throw new ConfigError(`No customer churned in the cohort (${describeValue(alive[0])} active from start to end), so sBG cannot be fitted (expected active counts that fall at least once)`);
	}
}

/**
 * The fit stopped without converging: where it stopped, NaN and Infinity shown as themselves
 * (JSON.stringify wrote them as null), and what the data must be for sBG to fit.
 */
function notConverged(params: SbgParams): ConfigError {
	return new ConfigError(
		`sBG did not converge: the fit stopped at alpha ${describeValue(params.alpha)}, beta ${describeValue(params.beta)} (expected churn by period that a shifted-beta-geometric model fits)`,
	);
}

export function fitSbg(alive: number[]): { params: SbgParams } & FitInfo {
	validateCohort(alive);
	const toParams = (theta: ArrayLike<number>) => ({ alpha: Math.exp(theta[0]), beta: Math.exp(theta[1]) });
	const result = minimizeBfgs(withNumericGradient((theta) => -sbgLogLikelihood(toParams(theta), alive) / alive[0]), [0, 0]);
	const params = toParams(result.x);
	if (!result.converged) throw notConverged(params);
	return {
		params,
		logLikelihood: sbgLogLikelihood(params, alive),
		customers: alive[0],
		distinctRows: alive.length,
		iterations: result.iterations,
		converged: true,
	};
}

/**
 * The least discount per renewal the discounted residual lifetime is computed for. Each term of its
 * 2F1 series (after hyp2f1's Euler transformation when alpha < 1) is at most 1/(1 + d) times the one
 * before, so the series reaches its 1e-16 stop within ln(1e16)/ln(1 + d) terms: 921,000 at d = 0.00004,
 * within the 1,000,000 hyp2f1 sums. Below, the sum stopped unfinished for every active subscriber
 * (0.01% a year with monthly renewals is d = 0.0000083), whatever alpha and beta.
 */
export const SBG_MIN_DISCOUNT_PER_RENEWAL = 0.00004;

/**
 * Discounted expected residual lifetime (Fader & Hardie 2010) of a customer who has renewed `renewals`
 * times so far: the expected number of further renewals, the next one undiscounted and each later one
 * discounted by (1 + d) per period, i.e. the sum over k >= 0 of (1 + d)^-k times the probability of
 * renewing k + 1 more times. Closed form, with n = renewals + 1:
 *   (beta + n − 1)/(alpha + beta + n − 1) · 2F1(1, beta + n; alpha + beta + n; 1/(1 + d)).
 */
export function sbgDiscountedResidualLifetime(p: SbgParams, renewals: number, discountRate: number): number {
	if (!(discountRate > 0)) throw new ConfigError(`Discount rate ${describeValue(discountRate)} is not more than 0 (expected a rate above 0, which keeps the discounted residual lifetime finite)`);
	if (discountRate < SBG_MIN_DISCOUNT_PER_RENEWAL) {
		throw new ConfigError(
			`Discount rate ${describeValue(discountRate)} per renewal is below ${SBG_MIN_DISCOUNT_PER_RENEWAL}, too little for the residual lifetime's series to be summed (expected a rate of at least ${SBG_MIN_DISCOUNT_PER_RENEWAL} per renewal)`,
		);
	}
	const n = renewals + 1;
	return ((p.beta + n - 1) / (p.alpha + p.beta + n - 1)) * hyp2f1(1, p.beta + n, p.alpha + p.beta + n, 1 / (1 + discountRate));
}

/** A subscriber: periods completed, and whether the contract is still running. */
export interface Subscriber {
	tenure: number;
	active: boolean;
}

/**
 * Subscribers per tenure in tenure order: the likelihood sums them in one order whatever the order of
 * the subscribers, so the same subscribers in any order (pages, a re-sorted query) give the same fit
 * bit for bit (in first-seen order they did not).
 */
function byTenure(counts: Map<number, number>): Array<[number, number]> {
	return [...counts].sort((p, q) => p[0] - q[0]);
}

/**
 * Fits sBG on individual subscribers of any start date: a churned customer with tenure t contributes
 * ln P(T = t) (t >= 1), an active one with tenure n contributes ln S(n) (right-censored).
 */
export function fitSbgSubscribers(subscribers: Subscriber[]): { params: SbgParams } & FitInfo {
	const churnedAt = new Map<number, number>();
	const activeAt = new Map<number, number>();
	for (const s of subscribers) {
		if (!Number.isInteger(s.tenure) || s.tenure < 0 || (!s.active && s.tenure < 1)) {
			throw new ConfigError(`A subscriber has tenure ${describeValue(s.tenure)}, which is not a possible tenure (expected whole periods: at least 0, and at least 1 for a churned one)`);
		}
		const map = s.active ? activeAt : churnedAt;
		map.set(s.tenure, (map.get(s.tenure) ?? 0) + 1);
	}
	const churned = [...churnedAt.values()].reduce((a, b) => a + b, 0);
	if (subscribers.length < 30 || churned < 5 || churned === subscribers.length) {
		throw new ConfigError(
			`sBG cannot be fitted on ${subscribers.length} subscribers of whom ${churned} churned ` +
				'(expected at least 30 subscribers, at least 5 churned and some still active)',
		);
	}
	const churnedRows = byTenure(churnedAt);
	const activeRows = byTenure(activeAt);
	const horizon = Math.max(churnedRows[churnedRows.length - 1][0], activeRows[activeRows.length - 1][0]);
	const logLik = (p: SbgParams) => {
		const churn = sbgChurnProbabilities(p, horizon);
		const survival: number[] = [1];
		for (let t = 1; t <= horizon; t++) survival.push(survival[t - 1] - churn[t - 1]);
		let total = 0;
		for (const [t, n] of churnedRows) total += n * Math.log(churn[t - 1]);
		for (const [t, n] of activeRows) total += n * Math.log(survival[t]);
		return total;
	};
	const toParams = (theta: ArrayLike<number>) => ({ alpha: Math.exp(theta[0]), beta: Math.exp(theta[1]) });
	const result = minimizeBfgs(withNumericGradient((theta) => -logLik(toParams(theta)) / subscribers.length), [0, 0]);
	const params = toParams(result.x);
	if (!result.converged) throw notConverged(params);
	return {
		params,
		logLikelihood: logLik(params),
		customers: subscribers.length,
		distinctRows: churnedAt.size + activeAt.size,
		iterations: result.iterations,
		converged: true,
	};
}
