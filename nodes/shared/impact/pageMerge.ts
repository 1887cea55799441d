import { InputError } from '../input/errors';
import { ALL, type UpliftState } from './state';

/**
 * Merging page states: which pages have been merged (a page given twice is refused), and whether the
 * pages were stratified alike.
 */

/**
 * Merged pages by identity, so that a page given twice (its state item connected twice, or a page run again
 * with both items kept) is refused instead of counting its customers twice. States without identities
 * (written before pages had them) cannot be told apart and merge as before.
 */
export class MergedPages {
	private readonly itemOf = new Map<string, number>();

	/** Refuses a state that counts a page already merged; call before merging it. */
	check(state: UpliftState): void {
		for (const page of state.pages ?? []) {
			const earlier = this.itemOf.get(page);
			if (earlier !== undefined) {
				throw new InputError(
					'state.pages',
					page,
					`is a page already merged from item ${earlier}: merged twice, its customers would count twice`,
					"each page's state item once (a page run again replaces its earlier state item; pages whose customer items are identical field for field need an ID column)",
				);
			}
		}
	}

	/** Records the pages of a state merged from item `item`. */
	add(state: UpliftState, item: number): void {
		for (const page of state.pages ?? []) this.itemOf.set(page, item);
	}

	/** Every page merged, sorted: the same list whatever the order the pages came in. */
	pages(): string[] {
		return [...this.itemOf.keys()].sort();
	}
}

/** Whether a state's customers were stratified; undefined for a state without customers in any cell. */
function stratified(state: UpliftState): boolean | undefined {
	for (const { strata } of Object.values(state.outcomes)) {
		const keys = Object.keys(strata);
		if (keys.length > 0) return keys[0] !== ALL;
	}
	return undefined;
}

/**
 * Refuses a page measured with strata into pages measured without (or the other way round): merged, the
 * cell of all customers of one showed as a stratum "" next to the other's strata, and each overall result
 * held both.
 */
export function checkStratification(merged: UpliftState, page: UpliftState): void {
	const before = stratified(merged);
	const now = stratified(page);
	if (before !== undefined && now !== undefined && before !== now) {
		const problem = now ? 'is measured by stratum, while the pages before it are not' : 'is measured without strata, while the pages before it are by stratum';
		throw new InputError('state', page, problem, 'the state items of runs with the same Stratify By Column');
	}
}
