import type { NodeExecutionHint } from 'n8n-workflow';
import { typicalIntervalHints } from '../../common/hints';
import { suppliedObject } from '../../shared/churn';
import { learnedTypicalInterval } from '../../shared/churn/typicalInterval';
import type { Subject } from '../read';
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
		fit: (subjects) => ({
			hints: supplied ? [] : oneTimeBuyerHints(subjects),
			modelJson: (typicalIntervalDays, asOf) => ({ method: 'rules', source: supplied ? 'supplied' : 'fitted', typicalIntervalDays: typicalIntervalDays ?? null, asOf }),
		}),
	};
}

/** Learned from the batch, one-time buyers are judged against it (or, with fewer than 3 repeat buyers, not at all): say so. */
function oneTimeBuyerHints(subjects: readonly Subject[]): NodeExecutionHint[] {
	let oneTimeBuyers = 0;
	let typicalKnown = false;
	for (const { signals, count } of subjects) {
		if (signals.daysSinceLast === undefined || signals.usualIntervalDays !== undefined) continue;
		oneTimeBuyers += count ?? 1;
		typicalKnown = signals.typicalIntervalDays !== undefined;
	}
	return typicalIntervalHints(oneTimeBuyers, typicalKnown);
}
