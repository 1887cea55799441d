import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { ItemRouter } from '../common';
import { REJECTED_KEY, SegmentTally } from '../shared/segments';

/**
 * The node's two outputs: customer items in input order (error items under continue-on-fail, placed by
 * nodes/common's ItemRouter) and the Summary, one item per segment plus a count of rejected items.
 */
export class SegmentOutputs {
	private readonly router: ItemRouter;
	private readonly tally = new SegmentTally();
	/** Each segment's pairs for its summary item, written up to `filled`. */
	private readonly summaryPairs = new Map<string, { pairs: IPairedItemData[]; filled: number }>();
	private readonly extraSummary: INodeExecutionData[] = [];

	constructor(
		ctx: IExecuteFunctions,
		itemCount: number,
		private readonly methodName: string,
		private readonly asOfText: string,
	) {
		this.router = new ItemRouter(ctx, itemCount, 2);
	}

	/** A bad customer: throws for the node, or with continue-on-fail becomes an error item. */
	reject(error: unknown, itemIndices: number[]): void {
		this.router.reject(error, itemIndices);
	}

	/** Reads each input item's json with `read`; an item it throws for is rejected. */
	readEach(items: INodeExecutionData[], read: (json: IDataObject, itemIndex: number) => void): void {
		for (let i = 0; i < items.length; i++) {
			try {
				read(items[i].json, i);
			} catch (error) {
				this.reject(error, [i]);
			}
		}
	}

	/** A segmented customer, placed where its first input item was. */
	accept(
		itemIndex: number,
		pairs: IPairedItemData[],
		json: IDataObject,
		segment: { key: string; label: string },
		values: { revenue?: number; recencyDays?: number; purchases?: number },
	): void {
		this.router.place(itemIndex, 0, { json, pairedItem: pairs.length === 1 ? pairs[0] : pairs });
		this.tally.add(segment.key, segment.label, values.revenue, values.recencyDays, values.purchases);
		// The summary pairs with the same input items; the pair objects are shared, not copied.
		const summary = this.pairsOf(segment.key);
		for (let i = 0; i < pairs.length; i++) summary.pairs[summary.filled++] = pairs[i];
	}

	/** The same for a customer from exactly one input item (`pair` is inputPair's), without arrays around its one pair. */
	acceptOne(itemIndex: number, pair: IPairedItemData, json: IDataObject, key: string, label: string, revenue: number, recencyDays: number, purchases: number): void {
		this.router.place(itemIndex, 0, { json, pairedItem: pair });
		this.tally.add(key, label, revenue, recencyDays, purchases);
		const summary = this.pairsOf(key);
		summary.pairs[summary.filled++] = pair;
	}

	/**
	 * Sizes the summary items' pairings beforehand, for a run that knows how many input items each
	 * segment pairs with: millions of pairs then go into arrays of their final size, not into growing
	 * ones that leave their earlier copies to the garbage collector.
	 */
	sizeSummaryPairs(counts: Map<string, number>): void {
		for (const [key, count] of counts) if (!this.summaryPairs.has(key)) this.summaryPairs.set(key, { pairs: new Array<IPairedItemData>(count), filled: 0 });
	}

	private pairsOf(key: string): { pairs: IPairedItemData[]; filled: number } {
		let summary = this.summaryPairs.get(key);
		if (!summary) this.summaryPairs.set(key, (summary = { pairs: [], filled: 0 }));
		return summary;
	}

	/** An item after the segment rows, e.g. the learned state of a full run. */
	addSummaryItem(json: IDataObject): void {
		this.extraSummary.push({ json });
	}

	result(): INodeExecutionData[][] {
		const { methodName, asOfText } = this;
		const summary: INodeExecutionData[] = this.tally.rows().map((row) => {
			const pairs = this.summaryPairs.get(row.key);
			// Sized arrays are filled exactly; were a count too high, the empty end is cut rather than pair with nothing.
			if (pairs && pairs.filled < pairs.pairs.length) pairs.pairs.length = pairs.filled;
			return { json: { ...row, method: methodName, asOf: asOfText }, pairedItem: pairs?.pairs };
		});
		const rejectedItems = this.router.rejectedItems;
		if (rejectedItems > 0) {
			summary.push({ json: { key: REJECTED_KEY, label: 'Rejected input items', rejectedItems, method: methodName, asOf: asOfText } });
		}
		return this.router.outputs({ 1: [...summary, ...this.extraSummary] });
	}
}

/**
 * The pairing of an output item with input item `itemIndex`. n8n's engine hands every input item to the
 * node with a pairedItem of its own, { item: itemIndex }, which is what a node passes on when it returns
 * an input item as it is; that object is the pairing itself, and sharing it instead of making one per
 * transaction saves 5,000,000 objects on 5,000,000 transaction items. Anything else (no pairedItem, an
 * input other than the first, an AI tool's sourceOverwrite) gets a new { item: itemIndex }.
 */
export function inputPair(items: INodeExecutionData[], itemIndex: number): IPairedItemData {
	const pair = items[itemIndex].pairedItem;
	if (pair !== undefined && typeof pair === 'object' && !Array.isArray(pair) && pair.item === itemIndex && pair.input === undefined && pair.sourceOverwrite === undefined) {
		return pair;
	}
	return { item: itemIndex };
}
