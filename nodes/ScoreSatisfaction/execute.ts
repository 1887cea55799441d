import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { errorItem, toNodeError } from '../helpers/errors';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder } from '../shared/format/withField';
import { InputError, isEmpty, parseDate } from '../shared/input';
import {
	combineCustomerResponses,
	createResponseScorer,
	CustomerResponses,
	fieldReader,
	groupKeyOf,
	latestAndFirstPosition,
	SatisfactionReport,
	type CustomerSatisfaction,
	type ResponseScorer,
} from '../shared/satisfaction';
import { readSettings, type RunSettings } from './settings';

/** What a run keeps per input item until the outputs are built. */
interface Outputs {
	/** Main output, by input position (error items included under continue-on-fail). */
	main: Array<INodeExecutionData | undefined>;
	/** Input positions per report group, for the report rows' pairedItem. */
	pairs: Map<string, IPairedItemData[]>;
	rejected: number;
}

export async function scoreSatisfaction(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const items = this.getInputData();
	let settings: RunSettings;
	let score: ResponseScorer;
	let report: SatisfactionReport;
	try {
		settings = readSettings(this);
		score = createResponseScorer(settings.config);
		report = new SatisfactionReport(settings.config, { minResponsesForMargin: settings.minResponsesForMargin, groupBy: settings.groupBy });
	} catch (error) {
		throw toNodeError(node, error);
	}
	const continueOnFail = this.continueOnFail();
	const timeZone = this.getTimezone();
	const { outputField, groupBy, aggregate } = settings;
	const readGroup = groupBy === undefined ? undefined : fieldReader(groupBy);
	const outputs: Outputs = { main: new Array(items.length), pairs: new Map(), rejected: 0 };
	const addResult = fieldAdder(outputField);
	const reject = (error: unknown, itemIndex: number) => {
		if (!continueOnFail) throw toNodeError(node, error, itemIndex);
		outputs.main[itemIndex] = errorItem(node, error, itemIndex);
		outputs.rejected++;
	};
	const addToReport = (result: ReturnType<ResponseScorer>, json: IDataObject, pair: IPairedItemData) => {
		const group = readGroup ? groupKeyOf(readGroup(json)) : '';
		report.add(result, group);
		let pairs = outputs.pairs.get(group);
		if (!pairs) outputs.pairs.set(group, (pairs = []));
		pairs.push(pair);
	};
	const checkOutputField = (json: IDataObject) => {
		if (outputField in json) {
			throw new InputError(outputField, json[outputField], 'already exists in the item', 'a free output field: change "Output Field"');
		}
	};

	if (!aggregate) {
		for (let i = 0; i < items.length; i++) {
			const json = items[i].json;
			try {
				checkOutputField(json);
				const result = score(json);
				// One pairedItem object serves the item and its report row.
				const pairedItem = { item: i };
				outputs.main[i] = { json: addResult(json, result), pairedItem };
				addToReport(result, json, pairedItem);
			} catch (error) {
				reject(error, i);
			}
		}
	} else {
		const readCustomer = fieldReader(aggregate.customerIdColumn);
		const readDate = aggregate.dateColumn === undefined ? undefined : fieldReader(aggregate.dateColumn);
		const customers = new CustomerResponses();
		for (let i = 0; i < items.length; i++) {
			const json = items[i].json;
			try {
				checkOutputField(json);
				const customerId = readCustomer(json);
				if (isEmpty(customerId) || typeof customerId === 'object') {
					throw new InputError(aggregate.customerIdColumn, customerId, isEmpty(customerId) ? 'is empty' : 'is not an ID', 'a customer ID (text or number)');
				}
				const at = readDate ? parseDate(readDate(json), aggregate.dateColumn!, { timeZone }).getTime() : null;
				const result = score(json);
				customers.add(customerId, { at, order: i, result });
				addToReport(result, json, { item: i });
			} catch (error) {
				reject(error, i);
			}
		}
		for (const { responses } of customers.customers()) {
			const combined = combineCustomerResponses(responses, settings.config, aggregate);
			// The customer's item carries the fields of their latest response (name, contact, store...).
			const { latest, firstPosition } = latestAndFirstPosition(responses);
			outputs.main[firstPosition] = {
				json: addResult(items[latest.order].json, customerJson(combined, timeZone)),
				pairedItem: responses.length === 1 ? { item: responses[0].order } : responses.map((r) => ({ item: r.order })).sort((a, b) => a.item - b.item),
			};
		}
	}

	const reportItems: INodeExecutionData[] = report.rows().map((row) => {
		const pairedItem = row.group === null ? [...outputs.pairs.values()].flat() : outputs.pairs.get(row.group)!;
		const json = row as unknown as IDataObject;
		if (row.scope === 'overall') json.rejectedItems = outputs.rejected;
		return { json, pairedItem };
	});
	return [outputs.main.filter((item): item is INodeExecutionData => item !== undefined), reportItems];
}

function customerJson(c: CustomerSatisfaction, timeZone: string): IDataObject {
	return {
		...(c as unknown as IDataObject),
		firstResponseAt: c.firstResponseAt ? toIsoWithOffset(c.firstResponseAt, timeZone) : null,
		lastResponseAt: c.lastResponseAt ? toIsoWithOffset(c.lastResponseAt, timeZone) : null,
	} as IDataObject;
}
