import type { NodeExecutionHint } from 'n8n-workflow';

/**
 * Execution hints (n8n shows them above a node's output) for results that depend on the whole batch rather
 * than on one customer alone: quantile scores, revenue-share tiers, a model fitted on the incoming customers.
 * Called with `this.addExecutionHints(...)` after a run; an empty list means nothing to say.
 */

const customers = (count: number) => `${count.toLocaleString('en-US')} customer${count === 1 ? '' : 's'}`;

const hint = (message: string, type: NodeExecutionHint['type'] = 'info'): NodeExecutionHint => ({ message, type, location: 'outputPane' });

const LEARN_ONCE =
	'For pages or single customers, learn the cut points once from all customers (Cut Points → Learn From These ' +
	'Customers with Add Learned State to Summary, or Learn From Value Histograms) and score with Cut Points → Apply Learned State.';

/** Segment Customer, RFM with cut points learned from this run: the scores are quantile bins of this batch. */
export function rfmHints(count: number, bins: number): NodeExecutionHint[] {
	if (count === 0) return [];
	if (count < bins) {
		return [
			hint(
				`RFM scores rank these ${customers(count)} against each other in ${bins} bins, which needs at least ${bins} customers: ` +
					`with fewer the scores say little. ${LEARN_ONCE}`,
				'warning',
			),
		];
	}
	return [hint(`RFM scores are relative to these ${customers(count)} (quantile bins of this batch). ${LEARN_ONCE}`)];
}

/** Segment Customer, value tier with thresholds learned from this run: A, B and C split this batch's revenue. */
export function valueTierHints(count: number): NodeExecutionHint[] {
	if (count === 0) return [];
	return [hint(`Tiers A, B and C split the revenue of these ${customers(count)}. ${LEARN_ONCE}`)];
}

/** Detect Churn Risk: a statistical model fitted on the incoming customers rather than supplied. */
export function fittedModelHints(count: number, model: string, minimum = 30): NodeExecutionHint[] {
	if (count === 0) return [];
	const remedy =
		'For pages or a few customers, fit once on all customers and score with Model Parameters → Use Supplied Parameters ' +
		'(the Model output item of that run).';
	if (count < minimum) {
		return [hint(`The ${model} model was fitted on only ${customers(count)}; a stable fit needs at least ${minimum}. ${remedy}`, 'warning')];
	}
	return [hint(`Scored relative to these ${customers(count)}: the ${model} model was fitted on this batch. ${remedy}`)];
}

/**
 * Detect Churn Risk, Rules Only learning on this batch: one-time buyers' silence is judged against the usual
 * interval of this batch's repeat buyers, or, with fewer than 3 of them, not judged at all.
 */
export function typicalIntervalHints(oneTimeBuyers: number, typicalKnown: boolean): NodeExecutionHint[] {
	if (oneTimeBuyers === 0) return [];
	const remedy =
		'For pages or a few customers, run once over all customers and give the pages its Model output item with ' +
		'Model Parameters → Use Supplied Parameters.';
	if (!typicalKnown) {
		return [
			hint(
				`${customers(oneTimeBuyers)} with a single purchase ${oneTimeBuyers === 1 ? 'was' : 'were'} not checked for inactivity: this batch has fewer than 3 repeat buyers ` +
					`to measure their silence against. ${remedy}`,
				'warning',
			),
		];
	}
	return [hint(`${customers(oneTimeBuyers)} with a single purchase: their silence is measured against the usual interval of this batch's repeat buyers. ${remedy}`)];
}
