import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { checkOutputFieldFree, ItemRouter } from '../common';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder } from '../shared/format/withField';
import { fieldReader, InputError, isEmpty, parseDate } from '../shared/input';
import {
	combineCustomerResponses,
	createResponseScorer,
	CustomerResponses,
	groupKeyOf,
	latestAndFirstPosition,
	SatisfactionReport,
	type CustomerSatisfaction,
	type ResponseScorer,
} from '../shared/satisfaction';
import { readSettings } from './settings';

export async function scoreSatisfaction(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const settings = readSettings(this);
	const score = createResponseScorer(settings.config);
	const report = new SatisfactionReport(settings.config, { minResponsesForMargin: settings.minResponsesForMargin, groupBy: settings.groupBy });
	const timeZone = this.getTimezone();
	const { outputField, groupBy, aggregate } = settings;
	const readGroup = groupBy === undefined ? undefined : fieldReader(groupBy);
	const groupOf = (json: IDataObject) => (readGroup ? groupKeyOf(readGroup(json), groupBy) : '');
	const router = new ItemRouter(this, items.length, 2);
	/** Input positions per report group, for the report rows' pairedItem. */
	const pairs = new Map<string, IPairedItemData[]>();
	const addToReport = (result: ReturnType<ResponseScorer>, group: string, pair: IPairedItemData) => {
		report.add(result, group);
		let groupPairs = pairs.get(group);
		if (!groupPairs) pairs.set(group, (groupPairs = []));
		groupPairs.push(pair);
	};
	const addResult = fieldAdder(outputField);

	// Every field of a response is read and checked before it counts anywhere: a rejected response
	// feeds neither the report nor its customer's aggregate.
	if (!aggregate) {
		for (let i = 0; i < items.length; i++) {
			const json = items[i].json;
			try {
				checkOutputFieldFree(json, outputField);
				const group = groupOf(json);
				const result = score(json);
				// One pairedItem object serves the item and its report row.
				const pairedItem = { item: i };
				router.place(i, 0, { json: addResult(json, result), pairedItem });
				addToReport(result, group, pairedItem);
			} catch (error) {
				router.reject(error, i);
			}
		}
	} else {
		const readCustomer = fieldReader(aggregate.customerIdColumn);
		const readDate = aggregate.dateColumn === undefined ? undefined : fieldReader(aggregate.dateColumn);
		const customers = new CustomerResponses();
		for (let i = 0; i < items.length; i++) {
			const json = items[i].json;
			try {
				checkOutputFieldFree(json, outputField);
				const customerId = readCustomer(json);
				if (isEmpty(customerId) || typeof customerId === 'object') {
					throw new InputError(aggregate.customerIdColumn, customerId, isEmpty(customerId) ? 'is empty' : 'is not an ID', 'a customer ID (text or number)');
				}
				const at = readDate ? parseDate(readDate(json), aggregate.dateColumn!, { timeZone }).getTime() : null;
				const group = groupOf(json);
				const result = score(json);
				customers.add(customerId, { at, order: i, result });
				addToReport(result, group, { item: i });
			} catch (error) {
				router.reject(error, i);
			}
		}
		for (const { responses } of customers.customers()) {
			const combined = combineCustomerResponses(responses, settings.config, aggregate);
			// The customer's item carries the fields of their latest response (name, contact, store...).
			const { latest, firstPosition } = latestAndFirstPosition(responses);
			router.place(firstPosition, 0, {
				json: addResult(items[latest.order].json, customerJson(combined, timeZone)),
				pairedItem: responses.length === 1 ? { item: responses[0].order } : responses.map((r) => ({ item: r.order })).sort((a, b) => a.item - b.item),
			});
		}
	}

	const reportItems: INodeExecutionData[] = report.rows().map((row) => {
		const pairedItem = row.group === null ? [...pairs.values()].flat() : pairs.get(row.group)!;
		const json = row as unknown as IDataObject;
		if (row.scope === 'overall') json.rejectedItems = router.rejectedItems;
		return { json, pairedItem };
	});
	return router.outputs({ 1: reportItems });
}

function customerJson(c: CustomerSatisfaction, timeZone: string): IDataObject {
	return {
		...(c as unknown as IDataObject),
		firstResponseAt: c.firstResponseAt ? toIsoWithOffset(c.firstResponseAt, timeZone) : null,
		lastResponseAt: c.lastResponseAt ? toIsoWithOffset(c.lastResponseAt, timeZone) : null,
	} as IDataObject;
}
