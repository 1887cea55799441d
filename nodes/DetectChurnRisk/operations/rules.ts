import { suppliedObject } from '../../shared/churn';
import { learnedTypicalInterval } from '../../shared/churn/typicalInterval';
import type { RunSettings } from '../settings';
import type { ChurnMethod } from './types';

/**
 * Rules Only: the rule signals decide alone. What they need of the whole base is the typical interval of
 * its repeat buyers, against which one-time buyers' silence is judged: learned from the batch (Fit on
 * This Batch) or taken from the Model item of a run over all customers (Use Supplied Parameters), so
 * pages judge them as one run over everyone does. The Model item carries it.
 */
export function rulesMethod(settings: RunSettings): ChurnMethod {
	const supplied = settings.supplied === undefined ? undefined : suppliedObject('rules', settings.supplied);
	return {
		baseTypicalInterval: supplied && learnedTypicalInterval(supplied),
		fit: () => ({
			hints: [],
			modelJson: (typicalIntervalDays, asOf) => ({ method: 'rules', source: supplied ? 'supplied' : 'fitted', typicalIntervalDays: typicalIntervalDays ?? null, asOf }),
		}),
	};
}
