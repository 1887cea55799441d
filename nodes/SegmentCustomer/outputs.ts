import type { IDataObject, INode, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { errorItem, toNodeError } from '../helpers/errors';
import { SegmentTally } from '../shared/segments';

/**
 * Collects the node's two outputs: customer items in input order (or error items under continue-on-fail)
 * and the Summary, one item per segment plus a count of rejected items.
 */
export class SegmentOutputs {
	private readonly out: Array<INodeExecutionData | undefined>;
	private rejected = 0;
	/** Output slots written; when every input item has its own, the array needs no compaction. */
	private filled = 0;
	private readonly tally = new SegmentTally();
	private readonly summaryPairs = new Map<string, IPairedItemData[]>();

	constructor(
		private readonly node: INode,
		itemCount: number,
		private readonly continueOnFail: boolean,
		private readonly methodName: string,
		private readonly asOfText: string,
	) {
		this.out = new Array(itemCount);
	}

	/** A bad customer: throws for the node, or with continue-on-fail becomes an error item. */
	reject(error: unknown, itemIndices: number[]): void {
		if (!this.continueOnFail) throw toNodeError(this.node, error, itemIndices[0]);
		const item = errorItem(this.node, error, itemIndices[0]);
		if (itemIndices.length > 1) item.pairedItem = itemIndices.map((item) => ({ item }));
		this.out[itemIndices[0]] = item;
		this.filled++;
		this.rejected += itemIndices.length;
	}

	/** A segmented customer, placed where its first input item was. */
	accept(
		itemIndex: number,
		pairs: IPairedItemData[],
		json: IDataObject,
		segment: { key: string; label: string },
		values: { revenue: number; recencyDays?: number; purchases?: number },
	): void {
		this.out[itemIndex] = { json, pairedItem: pairs.length === 1 ? pairs[0] : pairs };
		this.filled++;
		this.tally.add(segment.key, segment.label, values.revenue, values.recencyDays, values.purchases);
		let segmentPairs = this.summaryPairs.get(segment.key);
		if (!segmentPairs) this.summaryPairs.set(segment.key, (segmentPairs = []));
		// The summary pairs with the same input items; the pair objects are shared, not copied.
		for (const pair of pairs) segmentPairs.push(pair);
	}

	/** The same for a customer from exactly one input item, without arrays around its one pair. */
	acceptOne(itemIndex: number, json: IDataObject, key: string, label: string, revenue: number, recencyDays: number, purchases: number): void {
		const pair = { item: itemIndex };
		this.out[itemIndex] = { json, pairedItem: pair };
		this.filled++;
		this.tally.add(key, label, revenue, recencyDays, purchases);
		let segmentPairs = this.summaryPairs.get(key);
		if (!segmentPairs) this.summaryPairs.set(key, (segmentPairs = []));
		segmentPairs.push(pair);
	}

	result(): INodeExecutionData[][] {
		const { methodName, asOfText } = this;
		const summary: INodeExecutionData[] = this.tally.rows().map((row) => ({
			json: { ...row, method: methodName, asOf: asOfText },
			pairedItem: this.summaryPairs.get(row.key),
		}));
		if (this.rejected > 0) {
			summary.push({ json: { key: 'rejected', label: 'Rejected input items', rejectedItems: this.rejected, method: methodName, asOf: asOfText } });
		}
		const customers = this.filled === this.out.length ? (this.out as INodeExecutionData[]) : this.out.filter((item): item is INodeExecutionData => item !== undefined);
		return [customers, summary];
	}
}
