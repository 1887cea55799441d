import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { checkOutputFieldFree, ItemRouter, readChoice, refuseInToolCall } from '../common';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder, type FieldAdder } from '../shared/outputItems/withField';
import { customerIdText } from '../shared/customers';
import { fieldReader, parseDate } from '../shared/input';
import {
	combineCustomerResponses,
	createResponseScorer,
	CustomerResponses,
	groupKeyOf,
	latestAndFirstPosition,
	SatisfactionReport,
	type CustomerSatisfaction,
	type ResponseScorer,
	type SatisfactionResult,
} from '../shared/satisfaction';
import { combinePageReports, reportStateProperties, unidentifiedPagesHints, withReportState, type ReportStateMode } from './reportState';
import { readSettings, type RunSettings } from './settings';

/** Read settings -> score each response (or combine per customer) -> report -> route. */
export async function scoreSatisfaction(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const settings = readSettings(this);
	const run: Run = {
		items,
		settings,
		score: createResponseScorer(settings.config),
		report: new SatisfactionReport(settings.config, { minResponsesForMargin: settings.minResponsesForMargin, groupBy: settings.groupBy }),
		router: new ItemRouter(this, items.length, 2),
		pairs: new Map(),
		overallPairs: [],
		groupOf: groupReader(settings.groupBy),
		addResult: fieldAdder(settings.outputField),
		timeZone: this.getTimezone(),
	};
	const reportState = readChoice<ReportStateMode>(this, reportStateProperties[0]);
	if (run.router.toolCall && reportState === 'combine') {
		refuseInToolCall('Report State "Combine Page Reports"', 'it reads the report rows of page runs, not a survey response', 'Set Report State to None.');
	}
	if (reportState === 'combine') {
		combinePageReports(items, run.report, run.router, run.pairs, run.overallPairs);
		this.addExecutionHints(...unidentifiedPagesHints(run.report));
	}
	else if (settings.aggregate) scoreCustomers(run, settings.aggregate);
	else scoreEachResponse(run);

	const reportItems: INodeExecutionData[] = run.report.rows().map((row) => {
		const pairedItem = row.group === null ? run.overallPairs : run.pairs.get(row.group)!;
		const json = row as unknown as IDataObject;
		if (row.scope === 'overall') json.rejectedItems = run.router.rejectedItems;
		if (row.scope === 'overall' && reportState === 'output') withReportState(json, run.report, items);
		return { json, pairedItem };
	});
	return run.router.outputs({ 1: reportItems });
}

interface Run {
	items: INodeExecutionData[];
	settings: RunSettings;
	score: ResponseScorer;
	report: SatisfactionReport;
	router: ItemRouter;
	/** Input positions per report group, for the report rows' pairedItem. */
	pairs: Map<string, IPairedItemData[]>;
	/**
	 * Every input item the report counts, in input order, for the overall row's pairedItem: also a page
	 * state of no response (every response of that page refused), which adds to no group.
	 */
	overallPairs: IPairedItemData[];
	groupOf: (json: IDataObject) => string;
	addResult: FieldAdder;
	timeZone: string;
}

function groupReader(groupBy: string | undefined): (json: IDataObject) => string {
	if (groupBy === undefined) return () => '';
	const read = fieldReader(groupBy);
	return (json) => groupKeyOf(read(json), groupBy);
}

function addToReport(run: Run, result: SatisfactionResult, group: string, pair: IPairedItemData): void {
	run.report.add(result, group);
	let groupPairs = run.pairs.get(group);
	if (!groupPairs) run.pairs.set(group, (groupPairs = []));
	groupPairs.push(pair);
	run.overallPairs.push(pair);
}

// Every field of a response is read and checked before it counts anywhere: a rejected response
// feeds neither the report nor its customer's aggregate.

function scoreEachResponse(run: Run): void {
	const { items, router, settings } = run;
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		try {
			checkOutputFieldFree(json, settings.outputField);
			const group = run.groupOf(json);
			const result = run.score(json);
			// One pairedItem object serves the item and its report row.
			const pairedItem = { item: i };
			router.place(i, 0, { json: run.addResult(json, result), pairedItem });
			addToReport(run, result, group, pairedItem);
		} catch (error) {
			router.reject(error, i);
		}
	}
}

function scoreCustomers(run: Run, aggregate: NonNullable<RunSettings['aggregate']>): void {
	const { items, router, settings } = run;
	const readCustomer = fieldReader(aggregate.customerIdColumn);
	const readDate = aggregate.dateColumn === undefined ? undefined : fieldReader(aggregate.dateColumn);
	const customers = new CustomerResponses();
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		try {
			checkOutputFieldFree(json, settings.outputField);
			const customerId = readCustomer(json);
			customerIdText(customerId, aggregate.customerIdColumn);
			const at = readDate ? parseDate(readDate(json), aggregate.dateColumn!, { timeZone: run.timeZone }).getTime() : null;
			const group = run.groupOf(json);
			const result = run.score(json);
			customers.add(customerId, { at, order: i, result });
			addToReport(run, result, group, { item: i });
		} catch (error) {
			router.reject(error, i);
		}
	}
	for (const { responses } of customers.customers()) {
		const combined = combineCustomerResponses(responses, settings.config, aggregate);
		// The customer's item carries the fields of their latest response (name, contact, store...).
		const { latest, firstPosition } = latestAndFirstPosition(responses);
		router.place(firstPosition, 0, {
			json: run.addResult(items[latest.order].json, customerJson(combined, run.timeZone)),
			pairedItem: responses.length === 1 ? { item: responses[0].order } : responses.map((r) => ({ item: r.order })).sort((a, b) => a.item - b.item),
		});
	}
}

function customerJson(c: CustomerSatisfaction, timeZone: string): IDataObject {
	return {
		...(c as unknown as IDataObject),
		firstResponseAt: c.firstResponseAt ? toIsoWithOffset(c.firstResponseAt, timeZone) : null,
		lastResponseAt: c.lastResponseAt ? toIsoWithOffset(c.lastResponseAt, timeZone) : null,
	} as IDataObject;
}
