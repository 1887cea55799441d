import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { ItemRouter } from '../common';
import { SegmentTally } from '../shared/segments';

/**
 * The node's two outputs: customer items in input order (error items under continue-on-fail, placed by
 * nodes/common's ItemRouter) and the Summary, one item per segment plus a count of rejected items.
 */
export class SegmentOutputs {
	private readonly router: ItemRouter;
	private readonly tally = new SegmentTally();
	private readonly summaryPairs = new Map<string, IPairedItemData[]>();
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

	/** A segmented customer, placed where its first input item was. */
	accept(
		itemIndex: number,
		pairs: IPairedItemData[],
		json: IDataObject,
		segment: { key: string; label: string },
		values: { revenue: number; recencyDays?: number; purchases?: number },
	): void {
		this.router.place(itemIndex, 0, { json, pairedItem: pairs.length === 1 ? pairs[0] : pairs });
		this.tally.add(segment.key, segment.label, values.revenue, values.recencyDays, values.purchases);
		// The summary pairs with the same input items; the pair objects are shared, not copied.
		const segmentPairs = this.pairsOf(segment.key);
		for (const pair of pairs) segmentPairs.push(pair);
	}

	/** The same for a customer from exactly one input item, without arrays around its one pair. */
	acceptOne(itemIndex: number, json: IDataObject, key: string, label: string, revenue: number, recencyDays: number, purchases: number): void {
		const pair = { item: itemIndex };
		this.router.place(itemIndex, 0, { json, pairedItem: pair });
		this.tally.add(key, label, revenue, recencyDays, purchases);
		this.pairsOf(key).push(pair);
	}

	private pairsOf(key: string): IPairedItemData[] {
		let pairs = this.summaryPairs.get(key);
		if (!pairs) this.summaryPairs.set(key, (pairs = []));
		return pairs;
	}

	/** An item after the segment rows, e.g. the learned state of a full run. */
	addSummaryItem(json: IDataObject): void {
		this.extraSummary.push({ json });
	}

	result(): INodeExecutionData[][] {
		const { methodName, asOfText } = this;
		const summary: INodeExecutionData[] = this.tally.rows().map((row) => ({
			json: { ...row, method: methodName, asOf: asOfText },
			pairedItem: this.summaryPairs.get(row.key),
		}));
		const rejectedItems = this.router.rejectedItems;
		if (rejectedItems > 0) {
			summary.push({ json: { key: 'rejected', label: 'Rejected input items', rejectedItems, method: methodName, asOf: asOfText } });
		}
		return this.router.outputs({ 1: [...summary, ...this.extraSummary] });
	}
}
