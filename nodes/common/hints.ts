import type { NodeExecutionHint } from 'n8n-workflow';

/**
 * Execution hints (n8n shows them above a node's output) for results that depend on the whole batch rather
 * than on one customer alone: quantile scores, revenue-share tiers, a model fitted on the incoming customers.
 * Called with `this.addExecutionHints(...)` after a run; an empty list means nothing to say.
 */

const customers = (count: number) => `${count.toLocaleString('en-US')} customer${count === 1 ? '' : 's'}`;

const hint = (message: string, type: NodeExecutionHint['type'] = 'info'): NodeExecutionHint => ({ message, type, location: 'outputPane' });

/** Segment Customer, RFM: recency, frequency and monetary scores are quantile bins of this batch. */
export function rfmHints(count: number, bins: number): NodeExecutionHint[] {
	if (count === 0) return [];
	if (count < bins) {
		return [
			hint(
				`RFM scores rank these ${customers(count)} against each other in ${bins} bins, which needs at least ${bins} customers: ` +
					'with fewer the scores say little. Segment all customers in one run.',
				'warning',
			),
		];
	}
	return [
		hint(
			`RFM scores are relative to these ${customers(count)} (quantile bins of this batch): the same customer can score ` +
				'differently in another batch. For pages, segment all customers in one run, or compare pages only by their values.',
		),
	];
}

/** Segment Customer, value tier: A, B and C split the revenue of this batch. */
export function valueTierHints(count: number): NodeExecutionHint[] {
	if (count === 0) return [];
	return [
		hint(
			`Tiers A, B and C split the revenue of these ${customers(count)}: a customer's tier depends on who else is in the batch. ` +
				'For pages, segment all customers in one run.',
		),
	];
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
