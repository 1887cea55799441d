import { minimizeBfgs } from '../stats';
import { checkFitted, checkIdentifiable, compress, type CompressedData, type FitResult, type RfmColumns, type RfmSummary } from './data';

/** What the maximum-likelihood fit needs to know about one of the count models (BG/NBD, Pareto/NBD). */
export interface CountModel<P extends object> {
	name: string;
	/**
	 * The parameters, in the order of the log-parameter vector (the fit works in log space, so they stay
	 * positive), each with what it describes, for the message when the data cannot pin it down.
	 */
	aspects: Record<keyof P, string>;
	/** The starting point, in log space. */
	start(data: CompressedData): number[];
	likelihood(data: CompressedData): { evaluate(params: P, gradient?: Float64Array): number };
}

/**
 * Fits a count model by maximising the mean log-likelihood per customer with BFGS in log space (the
 * likelihoods return gradients in log space already); customers as objects, as columns, or compressed.
 */
export function fitCountModel<P extends object>(
	model: CountModel<P>,
	customers: ArrayLike<RfmSummary> | RfmColumns | CompressedData,
): FitResult<P> {
	const names = Object.keys(model.aspects) as (keyof P)[];
	const fromLog = (theta: ArrayLike<number>): P => {
		const params = {} as Record<keyof P, number>;
		for (let i = 0; i < names.length; i++) params[names[i]] = Math.exp(theta[i]);
		return params as P;
	};
	const data = 'weight' in customers ? customers : compress(customers);
	checkIdentifiable(data, model.name);
	const likelihood = model.likelihood(data);
	const scale = -1 / data.customers;
	const result = minimizeBfgs((theta, gradient) => {
		const value = likelihood.evaluate(fromLog(theta), gradient) * scale;
		for (let i = 0; i < gradient.length; i++) gradient[i] *= scale;
		return value;
	}, model.start(data));
	const params = fromLog(result.x);
	checkFitted(model.name, { ...params } as Record<string, number>, result.converged, data.customers, model.aspects as Record<string, string>);
	return {
		params,
		logLikelihood: likelihood.evaluate(params),
		customers: data.customers,
		distinctRows: data.rows,
		iterations: result.iterations,
		converged: result.converged,
	};
}

/**
 * Turns the gradient in the parameters into the gradient in their logarithms (d/d ln θ = θ · d/dθ),
 * written into `gradient` in the order given.
 */
export function toLogGradient(gradient: Float64Array, byParameter: readonly number[], parameters: readonly number[]): void {
	for (let i = 0; i < parameters.length; i++) gradient[i] = byParameter[i] * parameters[i];
}
