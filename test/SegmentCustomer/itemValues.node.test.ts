import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { properties } from '../../nodes/SegmentCustomer/description';
import { ABSENT, fullWidth, showsValue, shown, withValue, type Odd as OddValue } from '../helpers/oddItemValues';
import { names, nonFinite, RAW_ERROR } from '../helpers/runChecks';
import { NODE_UNDER_TEST, runNode, type WorkflowResult } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';

/**
 * The item-values audit of Segment Customer: every item field the node reads, per method and input shape,
 * against the values real sources give (SQL numerics as text, spreadsheet texts, full-width digits, a Code
 * node's NaN, Date objects). Each odd value must end in one of two outcomes: its item alone is refused
 * with a message naming the field and showing the value (never a raw JavaScript error), or it gives the
 * output of its equivalent valid value ("5" for 5, a Date for its instant, null for a missing optional
 * field). Every other item is processed as without it, every input item leaves on exactly one output, and
 * no NaN or Infinity reaches what the node writes.
 *
 * The items go through a generated source (setGeneratedItems), so NaN, undefined, Date and luxon values
 * reach the node as a Code node's would within one execution. Odd values of one field share one run: the
 * runs that compare outputs apply a learned state or judge each customer alone, so an item's output does
 * not depend on the others; the runs that learn from their own customers check the refusals only.
 */

const AS_OF = '2026-06-01T00:00:00Z';
type Value = unknown;

interface Odd extends OddValue {
	/** How the test names it (values such as NaN or a Date show badly in JSON). */
	name?: string;
	/** Refusing it is a defect too: it must give its equivalent's output. */
	accept?: boolean;
}

const NFC = 'Lǐ 李é'.normalize('NFC');
const NFD = 'Lǐ 李é'.normalize('NFD');

/** Numbers: a count (orders, a histogram's customers) or an amount of money (with currency marks). */
function numberOdds(valid: number, kind: 'count' | 'money' | 'number', required: boolean): Odd[] {
	const missing = required ? {} : { equivalent: ABSENT };
	const money = kind === 'money' ? (v: number) => ({ equivalent: v }) : () => ({});
	// A rule's number field has no range: a negative or huge number is compared as it is.
	const anyNumber = (v: number) => (kind === 'number' ? { equivalent: v } : {});
	return [
		{ value: String(valid), equivalent: valid },
		{ value: ` ${valid} `, equivalent: valid },
		{ value: '1,250', equivalent: 1250 },
		{ value: fullWidth(String(valid)), equivalent: valid },
		{ value: fullWidth('1,250'), equivalent: 1250 },
		{ value: '1e1' },
		{ value: '0x10' },
		{ value: `${valid}abc` },
		{ value: `¥${valid}`, ...money(valid) },
		{ value: `￥${valid}`, ...money(valid) },
		{ value: `${valid}元`, ...money(valid) },
		{ value: true },
		{ value: false },
		{ value: null, ...missing },
		{ value: '', ...missing },
		{ value: '   ', ...missing },
		{ value: 'N/A' },
		{ value: '-' },
		{ value: [valid] },
		{ value: { value: valid } },
		{ value: -1, ...anyNumber(-1) },
		{ value: '-1', ...anyNumber(-1) },
		{ value: -0, equivalent: 0, name: '-0' },
		{ value: '-0', equivalent: 0 },
		{ value: 1e308, ...anyNumber(1e308) },
		{ value: 2 ** 53 + 1, name: '2**53+1', ...anyNumber(2 ** 53 + 1) },
		{ value: '9007199254740993' },
		{ value: Number.NaN, name: 'NaN' },
		{ value: Number.POSITIVE_INFINITY, name: 'Infinity' },
		{ value: 'Infinity' },
		{ value: BigInt(valid), equivalent: valid, name: 'BigInt' },
		{ value: undefined, ...missing, name: 'undefined' },
	];
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Dates around a valid date-only text; `afterAsOf` is the equivalent of a date after As Of, if any. */
function dateOdds(valid: string, required: boolean, afterAsOf?: Value): Odd[] {
	const missing = required ? {} : { equivalent: ABSENT };
	const [y, m, d] = valid.split('-').map(Number);
	const ms = day(valid).getTime();
	return [
		{ value: `${valid}T00:00:00Z`, equivalent: valid },
		{ value: `${valid}T08:00:00+08:00`, equivalent: valid },
		{ value: `${valid}T00:00:00.000+00:00`, equivalent: valid },
		{ value: valid.replace(/-/g, '/'), equivalent: valid },
		{ value: valid.replace(/-/g, ''), equivalent: valid },
		{ value: `${y}年${m}月${d}日`, equivalent: valid },
		{ value: `${y}-02-30` },
		{ value: `${y}-13-01` },
		{ value: `${d}/${m}/${y}` },
		{ value: ms / 1000, equivalent: valid, name: 'epoch seconds' },
		{ value: ms, equivalent: valid, name: 'epoch milliseconds' },
		{ value: String(ms / 1000), equivalent: valid },
		{ value: 45000, name: 'Excel serial 45000' },
		{ value: new Date(ms), equivalent: valid, name: 'Date' },
		{ value: new Date(Number.NaN), name: 'Invalid Date' },
		{ value: DateTime.fromMillis(ms, { zone: 'Asia/Shanghai' }), equivalent: valid, name: 'luxon DateTime' },
		{ value: '', ...missing },
		{ value: null, ...missing },
		{ value: true },
		{ value: {} },
		{ value: [] },
		{ value: [valid] },
		{ value: 'not a date' },
		{ value: '2026-07-01', ...(afterAsOf === undefined ? {} : { equivalent: afterAsOf }) },
		{ value: '1899-12-31' },
		{ value: Number.NaN, name: 'NaN' },
		{ value: undefined, ...missing, name: 'undefined' },
	];
}

/** Customer IDs: each accepted one is the customer of that text (its equivalent). */
function idOdds(): Odd[] {
	return [
		{ value: 5, equivalent: '5' },
		{ value: 5.5, equivalent: '5.5' },
		{ value: 2 ** 53 + 1, name: '2**53+1' },
		{ value: '9007199254740993', equivalent: '9007199254740993' },
		// A database driver's 64-bit value: its exact digits.
		{ value: BigInt(7), equivalent: '7', name: 'BigInt 7' },
		{ value: BigInt('9007199254740995'), equivalent: '9007199254740995', name: 'BigInt 9007199254740995' },
		{ value: '  a  ', equivalent: 'a' },
		{ value: '' },
		{ value: '   ' },
		{ value: null },
		{ value: true },
		{ value: [] },
		{ value: ['C9'] },
		{ value: {} },
		{ value: 'L'.repeat(5000), equivalent: 'L'.repeat(5000), name: 'a text of 5,000 characters' },
		// An ID is a key compared as the source system compares it (PostgreSQL and MySQL binary collations
		// too): NFC and NFD forms, and a text with a zero-width space, are different customers.
		{ value: NFC, equivalent: NFC, name: 'NFC' },
		{ value: NFD, equivalent: NFD, name: 'NFD' },
		{ value: 'Z\u200bW', equivalent: 'Z\u200bW', name: 'zero-width space' },
		{ value: Number.NaN, name: 'NaN' },
		{ value: Number.POSITIVE_INFINITY, name: 'Infinity' },
		{ value: undefined, name: 'undefined' },
	];
}

/** A custom rule's text field, rule `equals gold`: compared as trimmed text, case-sensitively (README). */
function textOdds(): Odd[] {
	return [
		{ value: '  gold  ', equivalent: 'gold' },
		{ value: 'GOLD', equivalent: 'silver' },
		{ value: '高', equivalent: 'silver' },
		{ value: 'go\u200bld', equivalent: 'silver', name: 'zero-width space' },
		{ value: null, equivalent: ABSENT },
		{ value: '', equivalent: ABSENT },
		{ value: 5, equivalent: '5' },
		{ value: 5.5, equivalent: '5.5' },
		{ value: true, equivalent: 'true' },
		{ value: [] },
		{ value: ['gold'] },
		{ value: {} },
		{ value: Number.NaN, name: 'NaN' },
		{ value: Number.POSITIVE_INFINITY, name: 'Infinity' },
		{ value: undefined, equivalent: ABSENT, name: 'undefined' },
	];
}

/** Histogram measures, a choice: trimmed, in any case, full-width letters as half-width (S's rule for choices in items). */
function measureOdds(): Odd[] {
	return [
		{ value: 'Frequency', equivalent: 'frequency', accept: true },
		{ value: ' FREQUENCY ', equivalent: 'frequency', accept: true },
		{ value: 'ｆｒｅｑｕｅｎｃｙ', equivalent: 'frequency', accept: true },
		{ value: '高' },
		{ value: null },
		{ value: '' },
		{ value: 5 },
		{ value: ['frequency'] },
		{ value: undefined, name: 'undefined' },
	];
}

const show = (odd: Odd) => odd.name ?? shown(odd.value);

// ---------------------------------------------------------------- fields and configurations

type Kind = 'id' | 'date' | 'count' | 'money' | 'text' | 'number' | 'measure';

interface Field {
	/** The column as items hold it (the parameter's default). */
	column: string;
	/** The column parameter that names it (or "rules.field" for a custom rule's field). */
	parameter: string;
	kind: Kind;
	odds: Odd[];
	/** The field's value in the template item. */
	valid: Value;
}

interface Config {
	name: string;
	parameters: IDataObject;
	shape: 'customer' | 'transaction';
	fields: Field[];
	/** The run learns from its own customers: outputs are not compared, refusals are. */
	learns?: boolean;
}

/** A customer whom no custom rule but the last matches, so that every rule's field is read. */
const customerTemplate: IDataObject = { customerId: 'T', firstPurchaseAt: '2025-01-05', lastPurchaseAt: '2026-03-05', orderCount: 4, totalSpend: 1250, tier: 'silver', score: 2, joinedAt: '2026-05-20' };
/** Valid customers of every run, around the template's values. */
const baseCustomers = (): IDataObject[] =>
	Array.from({ length: 6 }, (_, i) => ({
		customerId: `C${i}`,
		firstPurchaseAt: `2025-01-0${i + 1}`,
		lastPurchaseAt: `2026-0${1 + (i % 5)}-10`,
		orderCount: 2 + i,
		totalSpend: 1000 * (i + 1),
		tier: i % 2 ? 'gold' : 'silver',
		score: i,
		joinedAt: `2026-0${1 + (i % 5)}-20`,
	}));
const transactionTemplate: IDataObject = { customerId: 'T', orderDate: '2026-03-05', amount: 1250 };
/** Every transaction customer of a run also has this valid order. */
const anchorOrder = { orderDate: '2026-01-15', amount: 100 };
const baseOrders = (): IDataObject[] => [
	{ customerId: 'B1', orderDate: '2026-01-15', amount: 100 },
	{ customerId: 'B1', orderDate: '2026-03-03', amount: 50 },
	{ customerId: 'B2', orderDate: '2026-02-10', amount: 30 },
	{ customerId: 'B3', orderDate: '2026-04-01', amount: 2000 },
	{ customerId: 'B3', orderDate: '2026-05-02', amount: 80 },
];

const id: Field = { column: 'customerId', parameter: 'customerIdColumn', kind: 'id', odds: idOdds(), valid: 'T' };
const lastPurchase = (required: boolean): Field => ({ column: 'lastPurchaseAt', parameter: 'lastPurchaseColumn', kind: 'date', odds: dateOdds('2026-03-05', required), valid: '2026-03-05' });
const firstPurchase: Field = { column: 'firstPurchaseAt', parameter: 'firstPurchaseColumn', kind: 'date', odds: dateOdds('2025-01-05', false), valid: '2025-01-05' };
const orderCount = (required: boolean): Field => ({ column: 'orderCount', parameter: 'purchaseCountColumn', kind: 'count', odds: numberOdds(4, 'count', required), valid: 4 });
const totalSpend = (required: boolean): Field => ({ column: 'totalSpend', parameter: 'totalSpendColumn', kind: 'money', odds: numberOdds(1250, 'money', required), valid: 1250 });
const orderDate: Field = { column: 'orderDate', parameter: 'dateColumn', kind: 'date', odds: dateOdds('2026-03-05', true), valid: '2026-03-05' };
const amount: Field = { column: 'amount', parameter: 'amountColumn', kind: 'money', odds: numberOdds(1250, 'money', true), valid: 1250 };

const rules = {
	rule: [
		{ field: 'tier', operator: 'equals', value: 'gold', label: 'Gold' },
		{ field: 'score', operator: 'greaterThan', value: '3', label: 'High score' },
		{ field: 'joinedAt', operator: 'withinLastDays', value: '30', label: 'Recent' },
	],
};

const CONFIGS: Config[] = [
	// RFM and value tiers apply a state learned from the base customers, so each customer is scored alone.
	{ name: 'RFM, applying a learned state', parameters: { method: 'rfm', cutPoints: 'apply' }, shape: 'customer', fields: [id, lastPurchase(true), orderCount(true), totalSpend(true)] },
	{ name: 'RFM', parameters: { method: 'rfm' }, shape: 'customer', learns: true, fields: [id, lastPurchase(true), orderCount(true), totalSpend(true)] },
	{ name: 'Value Tier, applying a learned state', parameters: { method: 'valueTier', cutPoints: 'apply' }, shape: 'customer', fields: [id, totalSpend(true), lastPurchase(false), orderCount(false)] },
	{ name: 'Value Tier', parameters: { method: 'valueTier' }, shape: 'customer', learns: true, fields: [id, totalSpend(true), lastPurchase(false), orderCount(false)] },
	{ name: 'Lifecycle', parameters: { method: 'lifecycle' }, shape: 'customer', fields: [id, lastPurchase(false), firstPurchase, orderCount(true), totalSpend(false)] },
	{ name: 'Lifecycle (own interval)', parameters: { method: 'lifecycle', lifecycleMode: 'ownInterval' }, shape: 'customer', fields: [lastPurchase(false), firstPurchase, orderCount(true)] },
	{
		name: 'Custom Rules',
		parameters: { method: 'customRules', rules },
		shape: 'customer',
		fields: [
			id,
			lastPurchase(false),
			orderCount(false),
			totalSpend(false),
			{ column: 'tier', parameter: 'rules.field', kind: 'text', odds: textOdds(), valid: 'gold' },
			{ column: 'score', parameter: 'rules.field', kind: 'number', odds: numberOdds(5, 'number', false), valid: 5 },
			// A date after As Of is no error in a rule's field (a contract's end may lie ahead): it is not within the last N days.
			{ column: 'joinedAt', parameter: 'rules.field', kind: 'date', odds: dateOdds('2026-05-20', false, '2020-01-01'), valid: '2026-05-20' },
		],
	},
	{ name: 'RFM over transactions, applying a learned state', parameters: { method: 'rfm', cutPoints: 'apply', inputShape: 'transaction' }, shape: 'transaction', fields: [id, orderDate, amount] },
	{ name: 'RFM over transactions', parameters: { method: 'rfm', inputShape: 'transaction' }, shape: 'transaction', learns: true, fields: [id, orderDate, amount] },
	{ name: 'Value Tier over transactions', parameters: { method: 'valueTier', inputShape: 'transaction' }, shape: 'transaction', learns: true, fields: [id, orderDate, amount] },
	{ name: 'Value Tier over transactions, applying a learned state', parameters: { method: 'valueTier', cutPoints: 'apply', inputShape: 'transaction' }, shape: 'transaction', fields: [id, orderDate, amount] },
	{ name: 'Lifecycle over transactions', parameters: { method: 'lifecycle', inputShape: 'transaction' }, shape: 'transaction', fields: [id, orderDate, amount] },
	{
		name: 'Custom Rules over transactions',
		parameters: { method: 'customRules', inputShape: 'transaction', rules: { rule: [{ field: 'totalSpend', operator: 'greaterThan', value: '1000', label: 'Big' }] } },
		shape: 'transaction',
		fields: [id, orderDate, amount],
	},
];

// ---------------------------------------------------------------- runs

interface Outcome {
	/** Per input item: its output item's json (customer mode), or the customer item it went into (transactions). */
	customerOf: Map<number, IDataObject>;
	errorOf: Map<number, string>;
	summary: IDataObject[];
	problems: string[];
}

let runs = 0;
async function run(parameters: IDataObject, items: IDataObject[], timezone?: string): Promise<WorkflowResult> {
	const key = `segment-item-values-${runs++}`;
	setGeneratedItems(key, items);
	return runNode({ type: 'segmentCustomer', parameters: { asOf: AS_OF, ...parameters }, items: [], generatedKey: key, onError: 'continueErrorOutput', timezone });
}

const pairsOf = (item: INodeExecutionData): number[] => {
	const p = item.pairedItem as IPairedItemData | IPairedItemData[] | undefined;
	return p === undefined ? [] : Array.isArray(p) ? p.map((x) => x.item) : [p.item];
};

/** The run's outputs by input item, with the accounting checks: every input item on exactly one output, no NaN or Infinity written. */
function outcomeOf(result: WorkflowResult, inputs: number): Outcome {
	const problems: string[] = [];
	if (result.error) return { customerOf: new Map(), errorOf: new Map(), summary: [], problems: [`the run stopped: ${result.error.message}`] };
	const [customers, summary, errors] = result.run.data.resultData.runData[NODE_UNDER_TEST][0].data!.main.map((items) => items ?? []);
	const customerOf = new Map<number, IDataObject>();
	const errorOf = new Map<number, string>();
	const seen = new Array<number>(inputs).fill(0);
	for (const item of customers) {
		for (const i of pairsOf(item)) {
			seen[i]++;
			customerOf.set(i, item.json);
		}
		problems.push(...nonFinite(item.json.segment).map((p) => `NaN/Infinity in segment${p}`));
	}
	for (const item of errors) {
		for (const i of pairsOf(item)) {
			seen[i]++;
			errorOf.set(i, String(item.json.error));
		}
	}
	seen.forEach((n, i) => n !== 1 && problems.push(`item ${i} left on ${n} outputs`));
	problems.push(...nonFinite(summary.map((s) => s.json)).map((p) => `NaN/Infinity in the summary${p}`));
	const rejected = summary.find((s) => s.json.key === 'rejected')?.json.rejectedItems ?? 0;
	// A stop of the whole run (a learned state that cannot work) under Continue: every item an error item, no summary.
	const runStopped = customers.length === 0 && summary.length === 0;
	if (rejected !== errors.length && !runStopped) problems.push(`the summary counts ${rejected} rejected items, the error output has ${errors.length}`);
	return { customerOf, errorOf, summary: summary.map((s) => s.json), problems };
}

/** What is wrong with a refusal: a raw error, a message that names no field or shows no value. */
function refusalProblem(message: string, field: Field, odd: Odd): string | undefined {
	if (RAW_ERROR.test(message.replace(/"undefined"/g, ''))) return `raw error: ${message}`;
	if (!names(message, field.column)) return `message does not name "${field.column}": ${message}`;
	if (!showsValue(message, odd.value)) return `message does not show the value: ${message}`;
	return undefined;
}

/** The state a page run applies: learned from the base customers (or orders) in a full run. */
const learnedStates = new Map<string, string>();
async function learnedState(config: Pick<Config, 'parameters' | 'shape'>): Promise<string> {
	const key = `${config.parameters.method}/${config.shape}`;
	if (!learnedStates.has(key)) {
		const parameters = { method: config.parameters.method, inputShape: config.shape, outputLearnedState: true };
		const result = await run(parameters, config.shape === 'customer' ? baseCustomers() : baseOrders());
		const state = result.run.data.resultData.runData[NODE_UNDER_TEST][0].data!.main[1]!.find((s) => s.json.key === 'learnedState')!.json.learned;
		learnedStates.set(key, JSON.stringify(state));
	}
	return learnedStates.get(key)!;
}

/**
 * One run for a field: the base items, then per odd value an item (customer mode) or a customer of an
 * anchor order and an odd order (transactions), and per equivalent a twin with the equivalent value.
 */
async function checkField(config: Config, field: Field): Promise<string[]> {
	const parameters = { ...config.parameters };
	if (parameters.cutPoints === 'apply') parameters.learnedState = await learnedState(config);
	const transactions = config.shape === 'transaction';
	const base = transactions ? baseOrders() : baseCustomers();
	const template = transactions ? transactionTemplate : customerTemplate;
	const items = [...base];
	// Transactions: a reference customer of the anchor order alone, which a customer whose odd order is refused must equal.
	if (transactions) items.push({ customerId: 'R', ...anchorOrder });
	const plan = field.odds.map((odd, k) => {
		const ownId = (field.kind === 'id' ? odd.value : `O${k}`) as IDataObject[string];
		if (transactions) items.push({ customerId: ownId, ...anchorOrder });
		const item = items.length;
		items.push(withValue({ ...template, customerId: ownId }, field.column, odd.value));
		let twin: number | undefined;
		if ('equivalent' in odd && field.kind !== 'id') {
			if (transactions) items.push({ customerId: `E${k}`, ...anchorOrder });
			twin = items.length;
			items.push(withValue({ ...template, customerId: `E${k}` }, field.column, odd.equivalent));
		}
		return { odd, item, twin };
	});
	// The template itself, for the ID's equivalents (its output is the one every accepted ID must have).
	const templateAt = items.length;
	if (transactions) items.push({ customerId: 'T', ...anchorOrder });
	items.push({ ...template });

	const outcome = outcomeOf(await run(parameters, items), items.length);
	const valid = outcomeOf(await run(parameters, base), base.length);
	const problems = [...outcome.problems];
	const label = (odd: Odd) => `${config.name} › ${field.column} = ${show(odd)}`;
	// Every base item as in the run of the base items alone, where the run does not learn from the others.
	if (!config.learns) {
		base.forEach((_, i) => {
			try {
				expect(outcome.customerOf.get(i) ?? outcome.errorOf.get(i)).toEqual(valid.customerOf.get(i) ?? valid.errorOf.get(i));
			} catch {
				problems.push(`${config.name} › ${field.column}: base item ${i} changed`);
			}
		});
	}
	const segmentOf = (i: number) => outcome.customerOf.get(i)?.segment as IDataObject | undefined;
	/** A customer's item without its own ID and its pairing (transactions: the customer item built). */
	const comparable = (i: number) => {
		const json = outcome.customerOf.get(i);
		if (!json) return undefined;
		if (!transactions) return json.segment;
		const { customerId: _, ...rest } = json;
		return rest;
	};
	for (const { odd, item, twin } of plan) {
		const error = outcome.errorOf.get(item);
		if (error !== undefined) {
			const problem = odd.accept ? `refused: ${error}` : refusalProblem(error, field, odd);
			if (problem) problems.push(`${label(odd)}: ${problem}`);
			// Its customer is built from the other orders, as the reference customer of the anchor order alone.
			if (transactions && field.kind !== 'id' && !config.learns) {
				const own = outcome.customerOf.get(item - 1);
				const reference = outcome.customerOf.get(base.length);
				if (JSON.stringify(own && { ...own, customerId: 'R' }) !== JSON.stringify(reference)) problems.push(`${label(odd)}: its customer is not the customer of its other order`);
			}
			continue;
		}
		if (!('equivalent' in odd)) {
			problems.push(`${label(odd)}: accepted (silently coerced) as ${JSON.stringify(segmentOf(item))}`);
			continue;
		}
		if (config.learns) {
			if (twin !== undefined && outcome.errorOf.has(twin)) problems.push(`${label(odd)}: accepted, but its equivalent is refused: ${outcome.errorOf.get(twin)}`);
			continue;
		}
		if (field.kind === 'id') {
			const json = outcome.customerOf.get(item)!;
			if (transactions && json.customerId !== odd.equivalent) problems.push(`${label(odd)}: the customer's ID is ${JSON.stringify(json.customerId)}, not ${JSON.stringify(odd.equivalent)}`);
			const same = JSON.stringify(transactions ? { ...json, customerId: 'T' } : segmentOf(item)) === JSON.stringify(transactions ? outcome.customerOf.get(templateAt) : segmentOf(templateAt));
			if (!same) problems.push(`${label(odd)}: accepted with an output other than the template's`);
			continue;
		}
		const twinError = outcome.errorOf.get(twin!);
		if (twinError !== undefined) problems.push(`${label(odd)}: accepted, but its equivalent ${String(odd.equivalent)} is refused: ${twinError}`);
		else {
			try {
				expect(comparable(item)).toEqual(comparable(twin!));
			} catch {
				problems.push(`${label(odd)}: accepted with ${JSON.stringify(comparable(item))}, its equivalent gives ${JSON.stringify(comparable(twin!))}`);
			}
		}
	}
	return problems;
}

// ---------------------------------------------------------------- histograms (Learn From Value Histograms)

/** The base customers as GROUP BY rows; a bad row stops the run (a state learned from part of the base would score every page wrongly). */
const histogramRows = (): IDataObject[] =>
	baseCustomers().flatMap((c) => [
		{ measure: 'recency', value: c.lastPurchaseAt, count: 1 },
		{ measure: 'frequency', value: c.orderCount, count: 1 },
		{ measure: 'monetary', value: c.totalSpend, count: 1 },
	]);

interface HistogramField {
	name: string;
	column: 'measure' | 'value' | 'count';
	/** The rows whose field is set (rows 3, 4, 5 are one customer's recency, frequency and monetary rows). */
	rows: number[];
	odds: Odd[];
}

const HISTOGRAM_FIELDS: HistogramField[] = [
	{ name: 'measure', column: 'measure', rows: [4], odds: measureOdds() },
	{ name: 'value of a recency row', column: 'value', rows: [3], odds: dateOdds('2026-02-10', true) },
	{ name: 'value of a frequency row', column: 'value', rows: [4], odds: numberOdds(3, 'count', true) },
	{ name: 'value of a monetary row', column: 'value', rows: [5], odds: numberOdds(2000, 'money', true) },
	{
		name: 'count',
		column: 'count',
		// One customer's three rows: the histograms must count the same customers.
		rows: [3, 4, 5],
		odds: [...numberOdds(1, 'count', true), { value: 1e10, equivalent: 1e10 }, { value: 1e11 }],
	},
];

async function checkHistogramField(method: string, field: HistogramField): Promise<string[]> {
	const parameters = { method, cutPoints: 'histograms' };
	const rows = (value: Value) => histogramRows().map((row, i) => (field.rows.includes(i) ? withValue(row, field.column, value) : row));
	const references = new Map<Value, Promise<WorkflowResult>>();
	const reference = (value: Value) => {
		if (!references.has(value)) references.set(value, run(parameters, rows(value)));
		return references.get(value)!;
	};
	const problems: string[] = [];
	for (const odd of field.odds) {
		const label = `${method} histograms › ${field.name} = ${show(odd)}`;
		const result = await run(parameters, rows(odd.value));
		const [learned, , errors] = result.run.data.resultData.runData[NODE_UNDER_TEST]?.[0]?.data?.main ?? [];
		if (errors?.length) {
			// A stop of the run: under Continue every input item leaves with the reason.
			if (errors.length !== rows(odd.value).length) problems.push(`${label}: ${errors.length} error items for ${rows(odd.value).length} rows`);
			const message = String(errors[0].json.error);
			const problem = odd.accept ? `refused: ${message}` : refusalProblem(message, { column: field.column } as Field, odd);
			if (problem) problems.push(`${label}: ${problem}`);
			continue;
		}
		if (!('equivalent' in odd)) {
			problems.push(`${label}: accepted (silently coerced) as ${JSON.stringify(learned?.[0]?.json.learned)}`);
			continue;
		}
		const equivalent = await reference(odd.equivalent);
		const wanted = equivalent.run.data.resultData.runData[NODE_UNDER_TEST][0].data!.main[0]?.[0]?.json;
		problems.push(...nonFinite(learned?.[0]?.json).map((p) => `${label}: NaN/Infinity at ${p}`));
		try {
			expect(learned?.[0]?.json).toEqual(wanted);
		} catch {
			problems.push(`${label}: accepted with ${JSON.stringify(learned?.[0]?.json.learned)}, its equivalent gives ${JSON.stringify(wanted?.learned)}`);
		}
	}
	return problems;
}

// ---------------------------------------------------------------- the learned-state item (Apply Learned State)

/**
 * The learned-state item as a source: Learned State is an expression returning the item of the learning
 * run (`{{ $('Learn').first().json }}`), so its values are whatever that item holds when it comes back (from
 * a table, a file, a Code node). Its fields are read once for the run: an odd value stops the run naming
 * the state's field and showing the value (under Continue every item leaves with the reason), or gives
 * the output of its equivalent. Its `customers` and value tiers' `shares` are not read (information).
 */
interface StateField {
	method: 'rfm' | 'valueTier';
	/** The field in the learned object; a list's last element is `frequency.3`. */
	path: string;
	odds: (valid: Value) => Odd[];
}

/** A cut value of a learned state: a number, or null for a score no customer of the base reached. */
const cutOdds = (valid: Value) => [...numberOdds(valid as number, 'number', true).filter((o) => o.value !== null), { value: null, equivalent: null }];
const stateListOdds = (valid: Value): Odd[] => [{ value: (valid as unknown[]).slice(1) }, { value: null }, { value: 'x' }, { value: { ...(valid as unknown[]) } }, { value: undefined, name: 'undefined' }];

/** Dates in any form every date reader takes (a Date, a luxon DateTime, an epoch) must be read here too: refusing them is a defect. */
const stateAsOfOdds = dateOdds('2026-06-01', true, '2026-07-01').map((o) =>
	o.value === undefined ? { ...o, equivalent: ABSENT } : typeof o.value === 'object' || typeof o.value === 'number' ? { ...o, accept: 'equivalent' in o } : o,
);

const STATE_FIELDS: StateField[] = [
	{ method: 'rfm', path: 'kind', odds: () => [{ value: 'RFMCUTPOINTS' }, { value: null }, { value: 5 }, { value: undefined, name: 'undefined' }] },
	{ method: 'rfm', path: 'bins', odds: () => [{ value: '5', equivalent: 5 }, { value: 5.5 }, { value: 10 }, { value: null }, { value: [5] }, { value: Number.NaN, name: 'NaN' }, { value: undefined, name: 'undefined' }] },
	{ method: 'rfm', path: 'frequency.3', odds: cutOdds },
	{ method: 'rfm', path: 'monetary.3', odds: cutOdds },
	{ method: 'rfm', path: 'recencyDays.0', odds: cutOdds },
	{ method: 'rfm', path: 'frequency', odds: stateListOdds },
	// The As Of recency is measured from on a page: a date as every date is read, also one after the page run's own
	// As Of. A state without one (written by hand) is measured from the run's As Of, as before this audit.
	{ method: 'rfm', path: 'asOf', odds: () => stateAsOfOdds },
	{ method: 'valueTier', path: 'kind', odds: () => [{ value: 'valuetierthresholds' }, { value: null }, { value: undefined, name: 'undefined' }] },
	{ method: 'valueTier', path: 'totalRevenue', odds: (valid) => numberOdds(valid as number, 'number', true).filter((o) => o.value !== -1 && o.value !== '-1') },
	{ method: 'valueTier', path: 'minimumA', odds: cutOdds },
	{ method: 'valueTier', path: 'minimumAB', odds: cutOdds },
	{ method: 'valueTier', path: 'asOf', odds: () => stateAsOfOdds },
];

function withPath(state: IDataObject, path: string, value: Value): IDataObject {
	const copy = structuredClone(state);
	const [name, index] = path.split('.');
	const target = (index === undefined ? copy : copy[name]) as Record<string, unknown>;
	const key = index ?? name;
	if (value === ABSENT || value === undefined) delete target[key];
	else target[key] = value;
	return copy;
}

async function checkStateField(field: StateField): Promise<string[]> {
	const learned = JSON.parse(await learnedState({ parameters: { method: field.method }, shape: 'customer' })) as IDataObject;
	const [name, index] = field.path.split('.');
	const valid = index === undefined ? learned[name] : (learned[name] as unknown[])[Number(index)];
	const items = [...baseCustomers(), { ...customerTemplate }];
	// The state in the first item, read by an expression that reads no item (as $('Learn').first().json is).
	const parameters = { method: field.method, cutPoints: 'apply', learnedState: "={{ $('Source').first().json.state }}" };
	const runWith = async (state: IDataObject) => {
		const result = await run(parameters, items.map((item, i) => (i === 0 ? { ...item, state } : item)));
		return outcomeOf(result, items.length);
	};
	const segments = (o: Outcome) => items.map((_, i) => o.customerOf.get(i)?.segment ?? o.errorOf.get(i));
	const base = { ...learned, asOf: '2026-06-01' };
	const problems: string[] = [];
	for (const odd of field.odds(valid)) {
		const label = `${field.method} learned state › ${field.path} = ${show(odd)}`;
		const outcome = await runWith(withPath(base, field.path, odd.value));
		problems.push(...outcome.problems.map((p) => `${label}: ${p}`));
		if (outcome.errorOf.size === items.length) {
			const message = outcome.errorOf.get(0)!;
			const problem = odd.accept ? `refused: ${message}` : refusalProblem(message, { column: name } as Field, odd);
			if (problem) problems.push(`${label}: ${problem}`);
			continue;
		}
		if (outcome.errorOf.size > 0) problems.push(`${label}: ${outcome.errorOf.size} of ${items.length} items refused: ${[...outcome.errorOf.values()][0]}`);
		if (!('equivalent' in odd)) {
			problems.push(`${label}: accepted (silently coerced)`);
			continue;
		}
		const equivalent = await runWith(withPath(base, field.path, odd.equivalent));
		try {
			expect(segments(outcome)).toEqual(segments(equivalent));
		} catch {
			problems.push(`${label}: accepted with an output other than its equivalent's`);
		}
	}
	return problems;
}

// ---------------------------------------------------------------- dates in a text rule's field

/**
 * A date a source gives as an object (a Date from a database driver, a luxon DateTime from a Date & Time
 * node) in a field a text rule compares is compared as the node writes dates, ISO 8601 with the offset of
 * the workflow's zone, not as JavaScript's String() of it ("Thu Mar 05 2026 08:00:00 GMT+0800 (China
 * Standard Time)", which depends on the machine's zone and matched no "starts with 2026-03").
 */
describe('Segment Customer dates in a field a text rule compares', () => {
	const rules = { rule: [{ field: 'orderedAt', operator: 'startsWith', value: '2026-03-05', label: 'That day' }] };
	const instant = Date.UTC(2026, 2, 4, 16, 30); // 2026-03-05 00:30 in Shanghai
	it.each([
		['a Date', new Date(instant), 'That day'],
		['a luxon DateTime', DateTime.fromMillis(instant, { zone: 'UTC' }), 'That day'],
		['its text', '2026-03-05T00:30:00+08:00', 'That day'],
		['another day', new Date(instant - 86_400_000), 'Other'],
	])('%s', async (_name, orderedAt, label) => {
		const result = await run({ method: 'customRules', rules }, [{ ...customerTemplate, orderedAt }], 'Asia/Shanghai');
		const outcome = outcomeOf(result, 1);
		expect(outcome.errorOf.get(0)).toBeUndefined();
		expect((outcome.customerOf.get(0)?.segment as IDataObject).label).toBe(label);
	});

	it('refuses an Invalid Date naming the field', async () => {
		const outcome = outcomeOf(await run({ method: 'customRules', rules }, [{ ...customerTemplate, orderedAt: new Date(Number.NaN) }]), 1);
		expect(outcome.errorOf.get(0)).toMatch(/field "orderedAt" is "Invalid Date"/);
	});
});

// ---------------------------------------------------------------- one customer per ID

/** Forms of one ID (S's rule: trimmed text, a finite number or a BigInt as its digits) and forms of others. */
const SAME_ID: Value[] = [5, '5', ' 5 ', BigInt(5)];
const OTHER_IDS: Value[] = [NFC, NFD, 'Z\u200bW', 'ZW', '5.0'];

describe('Segment Customer customer IDs in their forms', () => {
	it('over transactions: the forms of one ID are one customer; NFC/NFD, zero-width and "5.0" are others', async () => {
		const orders = [...SAME_ID, ...OTHER_IDS].map((customerId, i) => ({ customerId, orderDate: `2026-03-0${1 + (i % 9)}`, amount: 10 * (i + 1) }));
		const outcome = outcomeOf(await run({ method: 'lifecycle', inputShape: 'transaction' }, orders as IDataObject[]), orders.length);
		expect(outcome.problems).toEqual([]);
		expect(outcome.errorOf.size).toBe(0);
		const customers = [...new Set(outcome.customerOf.values())];
		expect(customers.map((c) => [c.customerId, c.orderCount])).toEqual([['5', 4], ...OTHER_IDS.map((id) => [id, 1])]);
	});

	// RFM reads one item per customer on its own column path (RfmColumnReader), the other methods on the general one.
	it.each(['rfm', 'lifecycle'])('one item per customer (%s): a later form of an ID an earlier item has is that item\'s error, naming the earlier item', async (method) => {
		const items = [...SAME_ID, ...OTHER_IDS].map((customerId) => ({ ...customerTemplate, customerId }));
		const outcome = outcomeOf(await run({ method }, items as IDataObject[]), items.length);
		expect(outcome.problems).toEqual([]);
		expect([...outcome.errorOf.keys()]).toEqual([1, 2, 3]);
		for (const i of [1, 2, 3]) expect(outcome.errorOf.get(i)).toMatch(/field "customerId" is .*5.*, which is also the customer ID of item 0/);
		expect([...outcome.customerOf.keys()]).toEqual([0, 4, 5, 6, 7, 8]);
	});
});

// ---------------------------------------------------------------- tests

describe('Segment Customer item values', () => {
	it('covers every column parameter of the description', () => {
		const columnParameters = new Set(properties.filter((p) => p.name.endsWith('Column')).map((p) => p.name));
		const covered = new Set([...CONFIGS.flatMap((c) => c.fields.map((f) => f.parameter)), 'histogramMeasureColumn', 'histogramValueColumn', 'histogramCountColumn']);
		covered.delete('rules.field');
		expect([...columnParameters].sort()).toEqual([...covered].sort());
	});

	for (const config of CONFIGS) {
		for (const field of config.fields) {
			it(`${config.name} › ${field.column}`, async () => {
				expect(await checkField(config, field)).toEqual([]);
			});
		}
	}

	for (const field of STATE_FIELDS) {
		it(`${field.method} applying a learned state › the state's ${field.path}`, async () => {
			expect(await checkStateField(field)).toEqual([]);
		});
	}

	for (const method of ['rfm', 'valueTier']) {
		for (const field of HISTOGRAM_FIELDS) {
			it(`${method} from value histograms › ${field.name}`, async () => {
				expect(await checkHistogramField(method, field)).toEqual([]);
			});
		}
	}
});
