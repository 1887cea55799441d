import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';
import { ItemRouter, labelsOf, numberParameter, optionsParameter, readAsOf, readChoice, readColumns, readLanguage, readList, readNumber, textParameter } from '../../common';
import { dateMsReaderNotAfter, describeExpected, getField, isEmpty, parameterError, parseMoney, parseNumber, rangeProblem } from '../../shared/input';
import {
	customerKpis,
	monthIndex,
	npsSentence,
	npsOfAll,
	npsTrend,
	orderReport,
	parseGroupingKey,
	parseKey,
	parseRiskLevel,
	periodSentence,
	reportMonths,
	riskLevelsOf,
	type ChurnCustomer,
	type Language,
	type NpsAnswer,
	type Order,
} from '../../shared/impact';
import { countedCustomers } from './countedCustomers';

const show = (sources?: string[]) => ({ show: { operation: ['kpiReport'], ...(sources ? { source: sources } : {}) } });

const sourceProperty = optionsParameter(
	'source',
	'Source',
	[
		{ name: 'Orders', value: 'orders', description: 'One item per order: buyers, new and returning, revenue, average order value, repeat-purchase, retention and churn rates per month, and a cohort table' },
		{ name: 'Customers With Churn Results', value: 'customers', description: 'Detect Churn Risk output: expected churn and retention, at-risk share and CLV totals' },
		{ name: 'Survey Responses', value: 'responses', description: 'NPS answers (0-10): NPS per month and its trend' },
	],
	'orders',
	undefined,
	{ noDataExpression: true, displayOptions: show() },
);

export const kpiReportProperties: INodeProperties[] = [
	sourceProperty,
	textParameter('kpiCustomerIdColumn', 'Customer ID Column', 'customerId', 'Customers With Churn Results: one item per customer, a customer in a second item is that item\'s error', {
		displayOptions: show(['orders', 'customers']),
	}),
	textParameter('orderDateColumn', 'Order Date Column', 'orderDate', undefined, { displayOptions: show(['orders']) }),
	textParameter('amountColumn', 'Amount Column', 'amount', 'Order amount; "¥1,234.50" style text is accepted', { displayOptions: show(['orders']) }),
	textParameter('answeredAtColumn', 'Answered At Column', 'respondedAt', undefined, { displayOptions: show(['responses']) }),
	textParameter('npsColumn', 'NPS Column', 'nps', 'The 0-10 answer to "How likely are you to recommend us?"', { displayOptions: show(['responses']) }),
	numberParameter(
		'months',
		'Months',
		6,
		'Whole calendar months before the as-of month to report, in the workflow time zone',
		{ typeOptions: { minValue: 1, maxValue: 120 }, displayOptions: show(['orders', 'responses']) },
	),
	textParameter('churnProbabilityColumn', 'Churn Probability Column', 'churn.churnProbability', undefined, { displayOptions: show(['customers']) }),
	textParameter('clvColumn', 'CLV Column', 'churn.expectedValue', 'Expected customer value; empty or missing in the items leaves CLV out', { displayOptions: show(['customers']) }),
	textParameter('riskLevelColumn', 'Risk Level Column', 'churn.riskLevel', undefined, { displayOptions: show(['customers']) }),
	textParameter('atRiskLevels', 'At-Risk Levels', 'high, critical', undefined, { displayOptions: show(['customers']) }),
	textParameter('groupByColumn', 'Group By Column', '', 'Optional: a row per value besides the row for all customers', { placeholder: 'segment.key', displayOptions: show(['customers']) }),
];

const LABELS = labelsOf(kpiReportProperties);

const allPairs = (n: number[]): IPairedItemData[] => n.map((item) => ({ item }));

function ordersReport(ctx: IExecuteFunctions, items: INodeExecutionData[], router: ItemRouter): INodeExecutionData[] {
	const language = readLanguage(ctx) as Language;
	const asOf = readAsOf(ctx);
	const timeZone = ctx.getTimezone();
	const c = readColumns(ctx, { kpiCustomerIdColumn: 'customerId', orderDateColumn: 'orderDate', amountColumn: 'amount' }, LABELS);
	const months = reportMonths(asOf.getTime(), timeZone, readMonths(ctx));
	const readDate = dateMsReaderNotAfter(asOf, { timeZone });
	const orders: Order[] = [];
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		const order = router.attempt(i, () => {
			const id = parseKey(getField(json, c.kpiCustomerIdColumn), c.kpiCustomerIdColumn, 'a customer ID', 'a customer ID (text or number)');
			const ms = readDate(getField(json, c.orderDateColumn), c.orderDateColumn);
			return { customerId: id, month: monthIndex(ms, timeZone), amount: parseMoney(getField(json, c.amountColumn), c.amountColumn), item: i };
		});
		if (order) orders.push(order);
	}
	if (orders.length === 0) return [];
	const report = orderReport(orders, months);
	const valid = allPairs(orders.map((o) => o.item));
	const out: INodeExecutionData[] = report.periods.map(({ items: periodItems, ...p }) => ({
		json: { kind: 'period', ...p, summary: periodSentence({ ...p, items: [] }, language) } as IDataObject,
		pairedItem: periodItems.length ? allPairs(periodItems) : valid,
	}));
	for (const { items: cohortItems, ...row } of report.cohorts) out.push({ json: { kind: 'cohort', ...row }, pairedItem: allPairs(cohortItems) });
	out.push({ json: { kind: 'total', ...report.totals, asOf: asOf.toISOString() }, pairedItem: valid });
	return out;
}

function customersReport(ctx: IExecuteFunctions, items: INodeExecutionData[], router: ItemRouter): INodeExecutionData[] {
	const c = readColumns(ctx, { kpiCustomerIdColumn: 'customerId', churnProbabilityColumn: 'churn.churnProbability', clvColumn: '', riskLevelColumn: 'churn.riskLevel', groupByColumn: '' }, LABELS);
	const atRiskLevels = riskLevelsOf(readList(ctx, 'atRiskLevels', 'high, critical', LABELS.atRiskLevels), LABELS.atRiskLevels);
	const rows: ChurnCustomer[] = [];
	const countCustomer = countedCustomers(ctx, items, c.kpiCustomerIdColumn, LABELS.kpiCustomerIdColumn, 'the KPIs');
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		const row = router.attempt(i, (): ChurnCustomer => {
			const churnProbability = parseNumber(getField(json, c.churnProbabilityColumn), c.churnProbabilityColumn, { min: 0, max: 1 });
			const rawValue = c.clvColumn ? getField(json, c.clvColumn) : undefined;
			const value = isEmpty(rawValue) ? null : parseMoney(rawValue, c.clvColumn);
			const level = parseRiskLevel(getField(json, c.riskLevelColumn), c.riskLevelColumn);
			const group = c.groupByColumn ? parseGroupingKey(getField(json, c.groupByColumn), c.groupByColumn, 'a group value', 'a text, number or date value') : '';
			countCustomer?.(json, i);
			return { group, churnProbability, value, atRisk: atRiskLevels.has(level), item: i };
		});
		if (row) rows.push(row);
	}
	return customerKpis(rows, c.groupByColumn !== '').map(({ items: rowItems, ...row }) => ({ json: { kind: 'customers', ...row }, pairedItem: allPairs(rowItems) }));
}

function responsesReport(ctx: IExecuteFunctions, items: INodeExecutionData[], router: ItemRouter): INodeExecutionData[] {
	const language = readLanguage(ctx) as Language;
	const asOf = readAsOf(ctx);
	const timeZone = ctx.getTimezone();
	const c = readColumns(ctx, { answeredAtColumn: 'respondedAt', npsColumn: 'nps' }, LABELS);
	const months = reportMonths(asOf.getTime(), timeZone, readMonths(ctx));
	const readDate = dateMsReaderNotAfter(asOf, { timeZone });
	const answers: NpsAnswer[] = [];
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json;
		const answer = router.attempt(i, () => ({
			month: monthIndex(readDate(getField(json, c.answeredAtColumn), c.answeredAtColumn), timeZone),
			score: parseNumber(getField(json, c.npsColumn), c.npsColumn, { min: 0, max: 10, integer: true }),
			item: i,
		}));
		if (answer) answers.push(answer);
	}
	if (answers.length === 0) return [];
	const valid = allPairs(answers.map((a) => a.item));
	const out: INodeExecutionData[] = npsTrend(answers, months).map(({ items: periodItems, ...p }) => ({
		json: { kind: 'nps', ...p, summary: npsSentence({ ...p, items: [] }, language) } as IDataObject,
		pairedItem: periodItems.length ? allPairs(periodItems) : valid,
	}));
	// As for orders: every answer given up to As Of, those before the window and in the As Of month included.
	out.push({ json: { kind: 'total', ...npsOfAll(answers), asOf: asOf.toISOString() }, pairedItem: valid });
	return out;
}

const MAX_MONTHS = 120;

/** Months to report: a whole number from 1 to 120, also when an expression gives it (the editor's limits bind only typed values). */
function readMonths(ctx: IExecuteFunctions): number {
	const months = readNumber(ctx, 'months', 6, 'Months');
	const rules = { integer: true, min: 1, max: MAX_MONTHS };
	const problem = rangeProblem(months, rules);
	if (problem !== undefined) throw parameterError('Months', months, problem, describeExpected('number', rules));
	return months;
}

/** KPI rows on the Report output; bad items are rejected one by one. */
export function kpiReport(ctx: IExecuteFunctions): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const router = new ItemRouter(ctx, items.length, 1);
	const source = readChoice<'orders' | 'customers' | 'responses'>(ctx, sourceProperty);
	let rows: INodeExecutionData[];
	if (source === 'orders') rows = ordersReport(ctx, items, router);
	else if (source === 'customers') rows = customersReport(ctx, items, router);
	else rows = responsesReport(ctx, items, router);
	return router.outputs({ 0: rows });
}
