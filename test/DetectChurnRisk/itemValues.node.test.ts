import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { DetectChurnRisk } from '../../nodes/DetectChurnRisk/DetectChurnRisk.node';
import { ABSENT, emptyOdds, fullWidth, isEqual, showsValue, shown, valueAt, withValue, type Odd } from '../helpers/oddItemValues';
import { names, nonFinite, RAW_ERROR } from '../helpers/runChecks';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { cdnowSummary } from '../models/cdnowData';

/**
 * Every item field Detect Churn Risk reads, against the values real sources give it: a database's
 * numerics as text, a spreadsheet's " 5 " and "5,000", full-width digits, a Code node's NaN, Infinity,
 * Date objects and missing fields. For each field of each configuration one run puts a different odd
 * value on each of its items. An odd value with an equivalent (one the package's rule for item values
 * reads: "5", " 5 ", "5,000", "５", "¥5" for money, 2026年3月5日, epoch numbers, Date objects, "YES", a
 * cleared optional field) must be scored exactly as that equivalent, or refused as the equivalent itself
 * is; any other odd value must be refused on the error output with a message naming the field and showing
 * the value. A second run (the equivalents, without the refused items) is the reference: every other
 * item, and the Model item of a fit, must come out of the odd run exactly as there. Every input item
 * leaves on one output; no NaN or Infinity anywhere.
 */

const asOf = '1997-09-30T00:00:00Z';
const AS_OF_MS = Date.parse(asOf);
const DAY_MS = 86_400_000;

type Value = unknown;

type Kind = 'id' | 'count' | 'span' | 'amount' | 'score' | 'customers' | 'date' | 'yesNo';

interface Field {
	/** The parameter that maps it ("xColumn", "signals.satisfactionColumn"). */
	parameter: string;
	/** The column the items hold it in. */
	column: string;
	kind: Kind;
	/** Optional: null, "" and a missing field mean "not given". */
	optional?: boolean;
}

interface Config {
	name: string;
	parameters: IDataObject;
	items: Array<Record<string, unknown>>;
	fields: Field[];
	/** One item per transaction: the node builds one item per customer, paired with its orders. */
	transactions?: boolean;
	/** The workflow's time zone (UTC unless given). */
	timezone?: string;
}

// ---------------------------------------------------------------- odd values by kind

const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 20 });

function numberOdds(valid: number, kind: Kind, optional: boolean): Odd[] {
	const money = kind === 'amount';
	return [
		{ value: String(valid), equivalent: valid },
		{ value: ` ${valid} `, equivalent: valid },
		{ value: `\u3000${valid}\u3000`, equivalent: valid },
		{ value: `+${valid}`, equivalent: valid },
		{ value: grouped(valid + 1000), equivalent: valid + 1000 },
		{ value: fullWidth(String(valid)), equivalent: valid },
		// The exponent form is a float a program printed, no figure a person or a database writes (S's rule).
		{ value: `${valid * 10}e-1` },
		{ value: '0x10' },
		{ value: `${valid}abc` },
		{ value: `¥${valid}`, ...(money ? { equivalent: valid } : {}) },
		{ value: `￥${valid}`, ...(money ? { equivalent: valid } : {}) },
		{ value: `${valid}元`, ...(money ? { equivalent: valid } : {}) },
		{ value: `${valid}%` },
		...(Number.isInteger(valid) ? [{ value: `${valid}.`, equivalent: valid }] : []),
		// A fraction where a whole number belongs (purchases, customers, renewals).
		...(['count', 'customers'].includes(kind) ? [{ value: valid + 0.5 }] : []),
		{ value: true },
		{ value: [valid] },
		{ value: { value: valid } },
		...(Number.isInteger(valid) ? [{ value: BigInt(valid) }] : []),
		{ value: -1 },
		{ value: -0, equivalent: 0 },
		{ value: 1e308 },
		{ value: 2 ** 53 + 1 },
		{ value: '9007199254740993' },
		{ value: Number.NaN },
		{ value: Number.POSITIVE_INFINITY },
		{ value: Number.NEGATIVE_INFINITY },
		...emptyOdds(optional),
	];
}

/** The instant `ms` written as an ISO date-time with a UTC offset of `hours`. */
const withOffset = (ms: number, hours: number) =>
	`${new Date(ms + hours * 3_600_000).toISOString().slice(0, 19)}${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;

/** `zone`: the workflow's time zone, in which a date without an offset is read (UTC or Asia/Shanghai, UTC+8 all year since 1991). */
function dateOdds(valid: string, optional: boolean, notAfterAsOf: boolean, zone: string): Odd[] {
	const [y, m, d] = valid.split('-').map(Number);
	const offsetHours = zone === 'UTC' ? 0 : 8;
	const ms = Date.parse(`${valid}T00:00:00Z`) - offsetHours * 3_600_000;
	/** The same instant in another zone's offset. */
	const elsewhere = withOffset(ms, offsetHours === 0 ? 8 : -5);
	return [
		{ value: elsewhere, equivalent: valid },
		{ value: new Date(ms).toISOString(), equivalent: valid },
		// MySQL DATETIME (the workflow zone's wall clock) and PostgreSQL timestamptz text (an offset without minutes).
		{ value: `${valid} 00:00:00`, equivalent: valid },
		{ value: elsewhere.replace('T', ' ').slice(0, -3), equivalent: valid },
		{ value: `${y}-02-30` },
		{ value: `${y}-13-01` },
		{ value: valid.replace(/-/g, '/'), equivalent: valid },
		{ value: fullWidth(valid), equivalent: valid },
		{ value: valid.replace(/-/g, ''), equivalent: valid },
		{ value: `${y}年${m}月${d}日`, equivalent: valid },
		{ value: ms / 1000, equivalent: valid },
		{ value: ms, equivalent: valid },
		{ value: String(ms / 1000), equivalent: valid },
		{ value: 35500 },
		{ value: new Date(ms), equivalent: valid },
		{ value: DateTime.fromMillis(ms, { zone: 'America/New_York' }), equivalent: valid },
		{ value: new Date(Number.NaN) },
		{ value: DateTime.invalid('broken export') },
		{ value: true },
		{ value: {} },
		{ value: [] },
		{ value: [valid] },
		{ value: Number.NaN },
		{ value: '1899-12-31' },
		...(notAfterAsOf ? [{ value: new Date(AS_OF_MS + DAY_MS).toISOString().slice(0, 10) }] : []),
		...emptyOdds(optional),
	];
}

const LONG_ID = 'x'.repeat(500);

function idOdds(): Odd[] {
	return [
		{ value: 5, equivalent: '5' },
		{ value: 5.5, equivalent: '5.5' },
		{ value: 2 ** 53 + 1 },
		{ value: '9007199254740993', equivalent: '9007199254740993' },
		{ value: BigInt('9007199254740995'), equivalent: '9007199254740995' },
		{ value: '  a  ', equivalent: 'a' },
		{ value: LONG_ID, equivalent: LONG_ID },
		// Decision: an ID is compared as given, never Unicode-normalised or stripped of invisible characters:
		// two systems' IDs that differ only so are kept apart rather than merged into one customer unasked.
		{ value: '李é'.normalize('NFC'), equivalent: '李é'.normalize('NFC') },
		{ value: '李é'.normalize('NFD'), equivalent: '李é'.normalize('NFD') },
		{ value: 'b\u200b', equivalent: 'b\u200b' },
		{ value: true },
		{ value: [] },
		{ value: ['C1'] },
		{ value: {} },
		{ value: Number.NaN },
		{ value: Number.POSITIVE_INFINITY },
		...emptyOdds(false),
	];
}

function yesNoOdds(valid: boolean, optional: boolean): Odd[] {
	return [
		{ value: String(valid), equivalent: valid },
		{ value: valid ? 'YES' : 'NO', equivalent: valid },
		{ value: valid ? ' yes ' : ' no ', equivalent: valid },
		{ value: valid ? '是' : '否', equivalent: valid },
		{ value: valid ? 'ＹＥＳ' : 'ｎｏ', equivalent: valid },
		{ value: valid ? 1 : 0, equivalent: valid },
		{ value: '高' },
		{ value: 'maybe' },
		{ value: 2 },
		{ value: [valid] },
		{ value: { value: valid } },
		{ value: Number.NaN },
		...emptyOdds(optional),
	];
}

function oddValues(field: Field, valid: Value, zone: string): Odd[] {
	switch (field.kind) {
		case 'id':
			return idOdds();
		case 'date':
			return dateOdds(valid as string, !!field.optional, field.parameter !== 'signals.contractEndColumn', zone);
		case 'yesNo':
			return yesNoOdds(valid as boolean, !!field.optional);
		default:
			return numberOdds(valid as number, field.kind, !!field.optional);
	}
}

// ---------------------------------------------------------------- configurations (small valid runs)

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** CDNOW customers (weeks) as one item per customer with dates, and every rule signal. */
function customerItems(count: number): Array<Record<string, unknown>> {
	return cdnowSummary()
		.slice(0, count)
		.map((c, i) => {
			const firstDay = Math.round(c.T * 7);
			const lastDay = c.x > 0 ? Math.max(1, Math.round(c.tx * 7)) : 0;
			return {
				customerId: `C${i}`,
				firstPurchaseAt: isoDay(AS_OF_MS - firstDay * DAY_MS),
				lastPurchaseAt: isoDay(AS_OF_MS - (firstDay - Math.min(lastDay, firstDay)) * DAY_MS),
				orderCount: c.x + 1,
				totalSpend: 25 * (c.x + 1) + i,
				satisfaction: 40 + ((i * 7) % 60),
				previousSatisfaction: 80,
				complaints: i % 4,
				recentSpend: 10 + i,
				previousSpend: 40,
				contractEnd: isoDay(AS_OF_MS + (5 + (i % 50)) * DAY_MS),
				declining: i % 2 === 0,
			};
		});
}

const summaryItems = (count: number) =>
	cdnowSummary()
		.slice(0, count)
		.map((c, i) => ({ customerId: `C${i}`, x: c.x, tx: c.tx, T: c.T, monetary: 20 + (i % 9), customers: 1 + (i % 3) }));

const subscriberItems = (count: number) => Array.from({ length: count }, (_, i) => ({ customerId: `S${i}`, tenure: 1 + ((i * 7) % 12), active: i % 3 !== 0, periodValue: 10 + (i % 5) }));

/** CDNOW customers as their orders: the first T weeks before As Of, the repeat ones spread up to t_x. */
function orderItems(customers: number): Array<Record<string, unknown>> {
	return cdnowSummary()
		.slice(0, customers)
		.flatMap((c, i) => {
			const first = AS_OF_MS - Math.round(c.T * 7) * DAY_MS;
			const days = [0, ...Array.from({ length: c.x }, (_, k) => Math.max(1, Math.round((c.tx * 7 * (k + 1)) / c.x)))];
			return days.map((day, k) => ({ customerId: `C${i}`, orderDate: isoDay(first + day * DAY_MS), amount: 12.5 + (i % 7) + k }));
		});
}

const SIGNAL_FIELDS: Field[] = [
	{ parameter: 'signals.complaintsColumn', column: 'complaints', kind: 'count', optional: true },
	{ parameter: 'signals.contractEndColumn', column: 'contractEnd', kind: 'date', optional: true },
	{ parameter: 'signals.decliningColumn', column: 'declining', kind: 'yesNo', optional: true },
	{ parameter: 'signals.previousSatisfactionColumn', column: 'previousSatisfaction', kind: 'score', optional: true },
	{ parameter: 'signals.previousSpendColumn', column: 'previousSpend', kind: 'amount', optional: true },
	{ parameter: 'signals.recentSpendColumn', column: 'recentSpend', kind: 'amount', optional: true },
	{ parameter: 'signals.satisfactionColumn', column: 'satisfaction', kind: 'score', optional: true },
];
const signals = Object.fromEntries(SIGNAL_FIELDS.map((f) => [f.parameter.slice('signals.'.length), f.column]));

const ID: Field = { parameter: 'customerIdColumn', column: 'customerId', kind: 'id' };
const CUSTOMER_FIELDS: Field[] = [
	ID,
	{ parameter: 'firstPurchaseColumn', column: 'firstPurchaseAt', kind: 'date' },
	{ parameter: 'lastPurchaseColumn', column: 'lastPurchaseAt', kind: 'date' },
	{ parameter: 'purchaseCountColumn', column: 'orderCount', kind: 'count' },
	{ parameter: 'totalSpendColumn', column: 'totalSpend', kind: 'amount', optional: true },
];
const SUMMARY_FIELDS: Field[] = [
	{ parameter: 'xColumn', column: 'x', kind: 'count' },
	{ parameter: 'txColumn', column: 'tx', kind: 'span' },
	{ parameter: 'ageColumn', column: 'T', kind: 'span' },
	{ parameter: 'monetaryColumn', column: 'monetary', kind: 'amount', optional: true },
];
const TRANSACTION_FIELDS: Field[] = [
	ID,
	{ parameter: 'dateColumn', column: 'orderDate', kind: 'date' },
	{ parameter: 'amountColumn', column: 'amount', kind: 'amount' },
];

const bgNbdModelItem = {
	method: 'bgNbd',
	source: 'fitted',
	parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
	timeUnit: 'weeks',
	spendParameters: { p: 6.25, q: 3.74, gamma: 15.44 },
	typicalIntervalDays: 60,
	asOf,
};

const CONFIGS: Config[] = [
	{
		name: 'Rules Only, one item per customer (dates), every rule signal',
		parameters: { method: 'rules', inputShape: 'customer', signals, asOf },
		items: customerItems(40),
		fields: [...CUSTOMER_FIELDS, ...SIGNAL_FIELDS],
	},
	{
		// Dot paths: into nested objects (customer.id, crm.complaints), or a key written with the dots (survey.csat, as CSV exports have it).
		name: 'Rules Only, summaries, columns as dot paths',
		parameters: { method: 'rules', inputShape: 'summary', customerIdColumn: 'customer.id', signals: { satisfactionColumn: 'survey.csat', complaintsColumn: 'crm.complaints' }, asOf },
		items: summaryItems(40).map(({ customerId, ...rest }, i) => ({ ...rest, customer: { id: customerId }, 'survey.csat': 30 + i, crm: { complaints: i % 3 } })),
		fields: [
			{ parameter: 'customerIdColumn', column: 'customer.id', kind: 'id' },
			{ parameter: 'signals.satisfactionColumn', column: 'survey.csat', kind: 'score', optional: true },
			{ parameter: 'signals.complaintsColumn', column: 'crm.complaints', kind: 'count', optional: true },
		],
	},
	{
		name: 'Rules Only, one item per customer (dates), workflow zone Asia/Shanghai',
		parameters: { method: 'rules', inputShape: 'customer', signals: { contractEndColumn: 'contractEnd' }, asOf },
		items: customerItems(40),
		fields: [CUSTOMER_FIELDS[1], CUSTOMER_FIELDS[2], SIGNAL_FIELDS[1]],
		timezone: 'Asia/Shanghai',
	},
	{ name: 'BG/NBD fitted, one item per customer (dates)', parameters: { method: 'bgNbd', inputShape: 'customer', asOf }, items: customerItems(200), fields: CUSTOMER_FIELDS },
	{
		name: 'Pareto/NBD fitted on grouped summaries (Customer Count Column)',
		parameters: { method: 'paretoNbd', inputShape: 'summary', countColumn: 'customers', asOf },
		items: summaryItems(80),
		fields: [ID, ...SUMMARY_FIELDS, { parameter: 'countColumn', column: 'customers', kind: 'customers', optional: true }],
	},
	{
		name: 'BG/NBD with supplied parameters, summaries',
		parameters: { method: 'bgNbd', inputShape: 'summary', modelSource: 'supplied', suppliedParameters: JSON.stringify(bgNbdModelItem), asOf },
		items: summaryItems(40),
		fields: SUMMARY_FIELDS,
	},
	{
		name: 'sBG fitted, one item per subscriber',
		parameters: { method: 'sbg', inputShape: 'subscriber', asOf },
		items: subscriberItems(60),
		fields: [
			ID,
			{ parameter: 'tenureColumn', column: 'tenure', kind: 'count' },
			{ parameter: 'activeColumn', column: 'active', kind: 'yesNo' },
			{ parameter: 'periodValueColumn', column: 'periodValue', kind: 'amount', optional: true },
		],
	},
	{ name: 'Rules Only, one item per transaction', parameters: { method: 'rules', inputShape: 'transaction', asOf }, items: orderItems(20), fields: TRANSACTION_FIELDS, transactions: true },
	{ name: 'BG/NBD fitted, one item per transaction', parameters: { method: 'bgNbd', inputShape: 'transaction', asOf }, items: orderItems(200), fields: TRANSACTION_FIELDS, transactions: true },
];

// ---------------------------------------------------------------- running and reading a run

const ERROR_OUTPUT = 3;
const MODEL_OUTPUT = 2;
let runs = 0;

async function run(config: Config, items: Array<Record<string, unknown>>): Promise<WorkflowResult> {
	const key = `itemValues-${runs++}`;
	setGeneratedItems(key, items);
	return runNode({ type: 'detectChurnRisk', parameters: config.parameters, items: [], generatedKey: key, onError: 'continueErrorOutput', timezone: config.timezone });
}

interface Placement {
	output: number;
	/** The result (per-customer shapes), or the whole item the node built (transactions). */
	result?: unknown;
	/** The item's other fields (per-customer shapes), which must be the input's unchanged. */
	input?: unknown;
	error?: string;
}

/** Where each input item left, by its index; `duplicates` lists items that left more than once. */
function placements(result: WorkflowResult, transactions: boolean) {
	const main = result.run.data.resultData.runData[NODE_UNDER_TEST]?.[0]?.data?.main ?? [];
	const byItem = new Map<number, Placement>();
	const duplicates: number[] = [];
	main.forEach((items, output) => {
		if (output === MODEL_OUTPUT) return;
		for (const item of items ?? []) {
			for (const pair of [item.pairedItem ?? []].flat()) {
				const index = typeof pair === 'number' ? pair : pair.item;
				if (byItem.has(index)) duplicates.push(index);
				byItem.set(
					index,
					output === ERROR_OUTPUT
						? { output, error: String(item.json.error) }
						: transactions
							? { output, result: item.json }
							: { output, result: item.json.churn, input: Object.fromEntries(Object.entries(item.json).filter(([k]) => k !== 'churn')) },
				);
			}
		}
	});
	const model = (main[MODEL_OUTPUT] ?? []).map((i) => i.json);
	const all = main.flatMap((items) => (items ?? []).map((i) => i.json));
	return { byItem, duplicates, model, all, stopped: result.error?.message };
}

/** What is wrong with the odd run of `field` (an empty list when every item had an allowed outcome). */
async function problems(config: Config, field: Field): Promise<string[]> {
	const odds = oddsFor(config, field);
	const oddItems = config.items.map((item, i) => (i < odds.length ? withValue(item, field.column, odds[i].value) : item));
	const outcome = placements(await run(config, oddItems), !!config.transactions);
	const found: string[] = [];
	if (outcome.stopped) found.push(`the run stopped: ${outcome.stopped}`);
	if (outcome.duplicates.length) found.push(`items left more than once: ${outcome.duplicates.join(', ')}`);
	const lost = config.items.map((_, i) => i).filter((i) => !outcome.byItem.has(i));
	if (lost.length) found.push(`items lost: ${lost.join(', ')}`);
	if (nonFinite(outcome.all).length) found.push(`NaN/Infinity in the output: ${nonFinite(outcome.all).join(', ')}`);

	// The reference: odd values as their equivalents; refused items without one left out.
	const kept: number[] = [];
	const referenceItems: Array<Record<string, unknown>> = [];
	config.items.forEach((item, i) => {
		const placed = outcome.byItem.get(i);
		const odd = i < odds.length ? odds[i] : undefined;
		if (placed?.error !== undefined) {
			if (!odd) found.push(`item ${i} (not odd) refused: ${placed.error}`);
			else if (RAW_ERROR.test(placed.error)) found.push(`${shown(odd.value)}: raw error: ${placed.error}`);
			else if (!names(placed.error, field.column)) found.push(`${shown(odd.value)}: message does not name "${field.column}": ${placed.error}`);
			else if (!showsValue(placed.error, odd.value)) found.push(`${shown(odd.value)}: message does not show the value: ${placed.error}`);
			if (!odd || !('equivalent' in odd)) return;
		} else if (odd && !('equivalent' in odd)) found.push(`${shown(odd.value)}: accepted (silently coerced)`);
		if (placed?.input !== undefined && !isEqual(placed.input, oddItems[i])) found.push(`item ${i}: its input fields changed on the way out`);
		kept.push(i);
		referenceItems.push(odd && 'equivalent' in odd ? withValue(item, field.column, odd.equivalent) : item);
	});
	const reference = placements(await run(config, referenceItems), !!config.transactions);
	kept.forEach((i, r) => {
		const [got, want] = [outcome.byItem.get(i), reference.byItem.get(r)];
		const name = i < odds.length ? shown(odds[i].value) : `item ${i}`;
		if ((got?.error === undefined) !== (want?.error === undefined)) {
			found.push(got?.error === undefined ? `${name}: accepted, but its equivalent is refused: ${want?.error}` : `${name}: refused, but its equivalent is read: ${got.error}`);
		} else if (got?.error === undefined && !isEqual({ ...got, input: undefined }, { ...want, input: undefined })) {
			found.push(`${name}: output differs from the equivalent valid run`);
		}
	});
	if (!isEqual(outcome.model, reference.model)) found.push(`the Model item differs from the fit on the equivalent valid items`);
	return found;
}

function oddsFor(config: Config, field: Field): Odd[] {
	// Each odd value is derived from the valid value of the item it replaces.
	const odds: Odd[] = [];
	for (let i = 0; ; i++) {
		const list = oddValues(field, valueAt(config.items[i], field.column), config.timezone ?? 'UTC');
		if (i >= list.length) break;
		if (i >= config.items.length) throw new Error(`${config.name}: ${list.length} odd values for ${field.column}, only ${config.items.length} items`);
		odds.push(list[i]);
	}
	return odds;
}

// ---------------------------------------------------------------- the tests

const description = new DetectChurnRisk().description;

describe('Detect Churn Risk: every item field against the values real sources give', () => {
	it('covers every column parameter of the description', () => {
		const columns = description.properties.flatMap((p) =>
			p.type === 'collection' ? ((p.options ?? []) as INodeProperties[]).map((o) => `${p.name}.${o.name}`) : [p.name],
		);
		const covered = new Set(CONFIGS.flatMap((c) => c.fields.map((f) => f.parameter)));
		expect(columns.filter((name) => name.endsWith('Column') && !covered.has(name))).toEqual([]);
	});

	it.each(CONFIGS.map((c) => [c.name, c] as const))('%s: the valid run scores every item', async (_name, config) => {
		const outcome = placements(await run(config, config.items), !!config.transactions);
		expect([...outcome.byItem.values()].filter((p) => p.error !== undefined)).toEqual([]);
		expect(outcome.byItem.size).toBe(config.items.length);
	});

	// IDs are read as their trimmed text and compared exactly: 5, "5" and " 5 " are one customer (the later
	// items refused as repeats, naming the item that has it), the NFC and NFD forms of 李é two.
	it('one item per customer: an ID read as another item\'s is that item\'s error; NFC and NFD forms are two customers', async () => {
		const config = CONFIGS[0];
		const ids: Value[] = [5, '5', ' 5 ', '李é'.normalize('NFC'), '李é'.normalize('NFD')];
		const items = config.items.map((item, i) => (i < ids.length ? { ...item, customerId: ids[i] } : item));
		const outcome = placements(await run(config, items), false);
		expect([0, 1, 2, 3, 4].map((i) => outcome.byItem.get(i)?.error)).toEqual([
			undefined,
			'Item 1: field "customerId" is "5", which is also the customer ID of item 0 (expected one item per customer; orders go with One Item per Transaction)',
			'Item 2: field "customerId" is " 5 ", which is also the customer ID of item 0 (expected one item per customer; orders go with One Item per Transaction)',
			undefined,
			undefined,
		]);
	});

	const cases = CONFIGS.flatMap((config) => config.fields.map((field) => [`${config.name} › ${field.column}`, config, field] as const));
	it.each(cases)('%s', async (_name, config, field) => {
		expect(await problems(config, field)).toEqual([]);
	});
});

// ---------------------------------------------------------------- the supplied Model item as a source

/**
 * The Model item of an earlier run, read back from where it was kept (a database row, a Code node) and
 * given to Parameters JSON by an expression. Its numbers may come back as text (a numeric column), or
 * broken (NaN, a cleared cell, a sign lost). Parameters apply to the whole run: an odd one either stops
 * the run (every item on the error output with the reason, naming the key and showing the value) or
 * scores every item as its equivalent. Decision: a number as text is read as item fields are ("0.243" is
 * 0.243; a database gives numerics so), and null for typicalIntervalDays or spendParameters is "none",
 * as a missing one.
 */
interface ModelSource {
	name: string;
	parameters: IDataObject;
	items: Array<Record<string, unknown>>;
	model: Record<string, unknown>;
	/** Dot paths of its numbers; optional ones may be missing or null. */
	keys: string[];
	optional: string[];
}

const subscriberModel = { method: 'sbg', source: 'fitted', parameters: { alpha: 0.704, beta: 1.182 }, timeUnit: 'months', asOf };
const paretoModel = { method: 'paretoNbd', source: 'fitted', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, timeUnit: 'weeks', typicalIntervalDays: 45, asOf };
const fromFirstItem = '={{ $input.first().json.model }}';
const MODEL_SOURCES: ModelSource[] = [
	{
		name: 'BG/NBD',
		parameters: { method: 'bgNbd', inputShape: 'summary', modelSource: 'supplied', suppliedParameters: fromFirstItem, asOf },
		items: summaryItems(6),
		model: bgNbdModelItem,
		keys: ['parameters.r', 'parameters.alpha', 'parameters.a', 'parameters.b', 'spendParameters.p', 'spendParameters.q', 'spendParameters.gamma', 'typicalIntervalDays'],
		optional: ['typicalIntervalDays'],
	},
	{
		name: 'Pareto/NBD',
		parameters: { method: 'paretoNbd', inputShape: 'summary', modelSource: 'supplied', suppliedParameters: fromFirstItem, asOf },
		items: summaryItems(6),
		model: paretoModel,
		keys: ['parameters.r', 'parameters.alpha', 'parameters.s', 'parameters.beta', 'typicalIntervalDays'],
		optional: ['typicalIntervalDays'],
	},
	{
		name: 'sBG',
		parameters: { method: 'sbg', inputShape: 'subscriber', modelSource: 'supplied', suppliedParameters: fromFirstItem, asOf },
		items: subscriberItems(6),
		model: subscriberModel,
		keys: ['parameters.alpha', 'parameters.beta'],
		optional: [],
	},
];

function modelOdds(valid: number, optional: boolean): Odd[] {
	return [
		{ value: String(valid), equivalent: valid },
		{ value: ` ${valid} `, equivalent: valid },
		{ value: fullWidth(String(valid)), equivalent: valid },
		{ value: `${valid}abc` },
		{ value: -valid },
		{ value: 0 },
		{ value: 1e308 },
		{ value: Number.NaN },
		{ value: Number.POSITIVE_INFINITY },
		{ value: true },
		{ value: [valid] },
		{ value: { value: valid } },
		...[null, ABSENT].map((value) => (optional ? { value, equivalent: ABSENT } : { value })),
		{ value: '' },
	];
}

/** The Model item's method and time unit: choices, read as choices in items are (any case, padded, full-width); none given is none. */
function modelChoiceOdds(valid: string): Odd[] {
	return [
		{ value: ` ${valid} `, equivalent: valid },
		{ value: valid.toUpperCase(), equivalent: valid },
		{ value: fullWidth(valid), equivalent: valid },
		{ value: `${valid}x` },
		{ value: '高' },
		{ value: 5 },
		{ value: [valid] },
		{ value: { value: valid } },
		{ value: Number.NaN },
		...[null, '', ABSENT].map((value) => ({ value, equivalent: ABSENT })),
	];
}

async function runWithModel(source: ModelSource, model: Record<string, unknown>) {
	const items = source.items.map((item, i) => (i === 0 ? { ...item, model } : item));
	const outcome = placements(await run({ name: source.name, parameters: source.parameters, items, fields: [] }, items), false);
	return outcome;
}

describe('Detect Churn Risk: the supplied Model item against the values real sources give', () => {
	const cases = MODEL_SOURCES.flatMap((source) => [...source.keys, 'method', 'timeUnit'].map((key) => [`${source.name} › ${key}`, source, key] as const));
	it.each(cases)('%s', async (_name, source, key) => {
		const [head, tail] = key.split('.');
		// The time unit's message names it in words ("this run's time unit").
		const named = key === 'timeUnit' ? 'time unit' : (tail ?? head);
		const valid = (tail === undefined ? source.model[head] : (source.model[head] as Record<string, unknown>)[tail]) as number | string;
		const reference = await runWithModel(source, source.model);
		expect([...reference.byItem.values()].filter((p) => p.error !== undefined)).toEqual([]);
		const found: string[] = [];
		const odds = typeof valid === 'string' ? modelChoiceOdds(valid) : modelOdds(valid, source.optional.includes(key));
		for (const odd of odds) {
			const outcome = await runWithModel(source, withValue(source.model, key, odd.value));
			const errors = [...outcome.byItem.values()].map((p) => p.error);
			if (outcome.byItem.size !== source.items.length || outcome.duplicates.length) found.push(`${shown(odd.value)}: items lost or duplicated`);
			if (nonFinite(outcome.all).length) found.push(`${shown(odd.value)}: NaN/Infinity in the output`);
			if (errors.some((e) => e !== undefined)) {
				const message = errors.find((e) => e !== undefined)!;
				if ('equivalent' in odd) found.push(`${shown(odd.value)}: refused, but it is read as ${shown(odd.equivalent)}: ${message}`);
				else if (errors.some((e) => e !== message)) found.push(`${shown(odd.value)}: some items scored, some refused`);
				else if (RAW_ERROR.test(message)) found.push(`${shown(odd.value)}: raw error: ${message}`);
				else if (!names(message, named)) found.push(`${shown(odd.value)}: message does not name "${named}": ${message}`);
				else if (!showsValue(message, odd.value)) found.push(`${shown(odd.value)}: message does not show the value: ${message}`);
				continue;
			}
			if (!('equivalent' in odd)) {
				found.push(`${shown(odd.value)}: accepted (silently coerced)`);
				continue;
			}
			const equivalent = await runWithModel(source, withValue(source.model, key, odd.equivalent));
			// The first item carries the Model item itself, odd in one and not in the other: the results are compared.
			const results = (byItem: Map<number, Placement>) => [...byItem].map(([i, p]) => [i, p.output, p.result]);
			if (!isEqual(results(outcome.byItem), results(equivalent.byItem)) || !isEqual(outcome.model, equivalent.model)) found.push(`${shown(odd.value)}: output differs from the equivalent's`);
		}
		expect(found).toEqual([]);
	});
});
