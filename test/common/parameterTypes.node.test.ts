import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { CHANNELS } from '../../nodes/shared/messaging/channels/registry';
import { startAliyunSmsServer, startSmtpServer, startWebhookServer, type AnyProviderServer } from '../helpers/providers';
import { nodeClasses } from '../helpers/nodeClasses';
import { names, nonFinite, outputsOf, RAW_ERROR, valueForms } from '../helpers/runChecks';
import { NODE_UNDER_TEST, runNode, type NodeRunOptions } from '../helpers/runWorkflow';
import { cdnowSummary } from '../models/cdnowData';

/**
 * Any parameter can be an expression, so a number parameter can arrive as "0x10", true or an array, a
 * text parameter as an object, an options parameter as none of its choices. For every parameter of every
 * node (taken from the node's description, options of collections and entries of lists included) in
 * each of its operations, the node is run with the parameter set to such values, and each run must
 * either stop naming the parameter and showing the value (never a raw JavaScript error), or give the
 * output of the equivalent valid value ("5" for 5); any other success coerced the value silently.
 */

type Json = IDataObject | unknown[] | string | number | boolean | null;

interface Config {
	node: string;
	name: string;
	parameters: IDataObject;
	items: IDataObject[];
	run?: Partial<NodeRunOptions>;
	/** Volatile output fields (times of sending) left out of comparisons. */
	volatile?: RegExp;
	/** Parameters this configuration does not read, by path: none of their values can change the run. */
	unread?: string[];
	/** Send Care Message: the loopback provider it sends to. */
	channel?: Channel;
}

type Channel = 'webhook' | 'smtp' | 'aliyunSms';

/** An odd value and, when it has one, the valid value it must behave as. */
interface Odd {
	value: Json;
	equivalent?: Json;
	/** A number out of any plausible range but still a number: it may work, with finite results. */
	extreme?: boolean;
}

const descriptions = new Map(nodeClasses.map((C) => new C().description).map((d) => [d.name, d]));

// ---------------------------------------------------------------- configurations (small valid runs)

const asOfCustomers = '2026-06-01T00:00:00Z';
const segmentCustomers: IDataObject[] = Array.from({ length: 6 }, (_, i) => ({
	customerId: `C${i}`,
	firstPurchaseAt: `2025-01-0${i + 1}`,
	lastPurchaseAt: `2026-0${1 + (i % 5)}-10`,
	orderCount: 2 + i,
	totalSpend: 100 * (i + 1),
	tier: i % 2 ? 'gold' : 'silver',
}));
/** segmentCustomers as GROUP BY histograms of recency, frequency and monetary value. */
const histogramRows: IDataObject[] = segmentCustomers.flatMap((c) => [
	{ measure: 'recency', value: c.lastPurchaseAt, count: 1 },
	{ measure: 'frequency', value: c.orderCount, count: 1 },
	{ measure: 'monetary', value: c.totalSpend, count: 1 },
]);
const orders: IDataObject[] = [
	{ customerId: 'a', orderDate: '2026-01-15', amount: 100 },
	{ customerId: 'a', orderDate: '2026-03-03', amount: 50 },
	{ customerId: 'b', orderDate: '2026-02-10', amount: 30 },
	{ customerId: 'c', orderDate: '2026-04-01', amount: 200 },
	{ customerId: 'c', orderDate: '2026-05-02', amount: 80 },
];
const churnAsOf = '1997-09-30T00:00:00Z';
const churnSummary: IDataObject[] = cdnowSummary()
	.slice(0, 8)
	.map((c, i) => ({ customerId: `C${i}`, x: c.x, tx: c.tx, T: c.T, monetary: 20 + i, satisfaction: 50 + i * 5, previousSatisfaction: 80, complaints: i % 4, recentSpend: 10, previousSpend: 20 + i, contractEnd: '1997-10-10', declining: i % 2 === 0 }));
const churnSignals = {
	satisfactionColumn: 'satisfaction',
	previousSatisfactionColumn: 'previousSatisfaction',
	complaintsColumn: 'complaints',
	recentSpendColumn: 'recentSpend',
	previousSpendColumn: 'previousSpend',
	contractEndColumn: 'contractEnd',
	decliningColumn: 'declining',
};
const bgNbd = JSON.stringify({ method: 'bgNbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
const revisitRules = {
	rule: [{ name: 'Detractor', field: 'nps', operator: 'atMost', value: '6', interval: 2, unit: 'businessDays', priority: 'high', channel: 'call', reason: 'Detractor' }],
};
const revisitCustomers: IDataObject[] = [
	{ customerId: 'C1', name: 'Ann', nps: 3, lastContactAt: '2025-09-26', accountManager: 'bob' },
	{ customerId: 'C2', name: 'Bo', lastContactAt: '2025-09-01' },
];
const revisitBase = {
	operation: 'scheduleRevisit',
	asOf: '2025-09-29T10:00:00+08:00',
	timeZone: 'Asia/Shanghai',
	cadenceRules: revisitRules,
	publicHolidays: 'CN',
	owners: { owner: [{ id: 'alice', dailyCapacity: 2, timeZone: 'Asia/Shanghai' }, { id: 'bob', dailyCapacity: 2 }] },
};
const occasionsBase = { operation: 'findOccasions', asOf: '2026-07-01T10:00:00+08:00', timeZone: 'Asia/Shanghai', lookAheadDays: 60, festivals: ['qixiFestival'], lunarFromBirthday: true };
const occasionCustomers: IDataObject[] = [
	{ customerId: 'A', birthday: '2025-08-03', firstPurchaseAt: '2024-07-20' },
	{ customerId: 'B', lunarBirthday: '1980-06-15', memberSince: '2020-07-10' },
];
const upliftCustomers: IDataObject[] = Array.from({ length: 40 }, (_, i) => ({
	customerId: `C${i}`,
	impact: { group: i % 4 === 0 ? 'holdout' : 'treatment', stratum: i % 2 ? 'high' : 'critical' },
	converted: i % 3 === 0 ? 'yes' : 'no',
	revenue: i % 3 === 0 ? 10 + i : 0,
	retained: i % 5 !== 0,
	csat: 3 + (i % 3),
}));
const responses: IDataObject[] = [
	{ customerId: 'A', respondedAt: '2024-03-01', nps: 9, csat: 4, ces: 5, sentiment: 0.5, store: 'x', expectation: { a: 5, b: 6 }, perception: { a: 4, b: 6 }, kano: { chat: { functional: 'like', dysfunctional: 'dislike' } } },
	{ customerId: 'A', respondedAt: '2024-05-01', nps: 6, csat: 2, ces: 3, sentiment: -0.2, store: 'y', expectation: { a: 6, b: 5 }, perception: { a: 6, b: 4 }, kano: { chat: { functional: 'expect', dysfunctional: 'dislike' } } },
	{ customerId: 'B', respondedAt: '2024-04-01', nps: 10, csat: 5, ces: 6, sentiment: 0.9, store: 'x', expectation: { a: 4, b: 4 }, perception: { a: 5, b: 5 }, kano: { chat: { functional: 'like', dysfunctional: 'neutral' } } },
];
const careCustomers: IDataObject[] = [
	{ customerId: 'P1', name: 'Ann', orderId: 'O-1', timeZone: 'Asia/Shanghai', lastContactedAt: '1990-01-01', consent: true, lang: 'en' },
	{ customerId: 'P2', name: 'Bo', orderId: 'O-2', timeZone: 'Asia/Shanghai', consent: true, lang: 'en' },
];

const CONFIGS: Config[] = [
	{ node: 'segmentCustomer', name: 'RFM', parameters: { method: 'rfm', asOf: asOfCustomers, outputLearnedState: true }, items: segmentCustomers },
	{ node: 'segmentCustomer', name: 'RFM from transactions', parameters: { method: 'rfm', inputShape: 'transaction', asOf: asOfCustomers }, items: orders },
	{
		node: 'segmentCustomer',
		name: 'RFM from histograms',
		parameters: { method: 'rfm', cutPoints: 'histograms', asOf: asOfCustomers },
		items: histogramRows,
		// The input is histogram rows, not customers.
		unread: ['customerIdColumn', 'lastPurchaseColumn', 'firstPurchaseColumn', 'purchaseCountColumn', 'totalSpendColumn'],
	},
	// The learned state is the one the RFM run above outputs (set in beforeAll); its As Of is the run's.
	{ node: 'segmentCustomer', name: 'RFM applying a learned state', parameters: { method: 'rfm', cutPoints: 'apply' }, items: segmentCustomers, unread: ['asOf'] },
	{ node: 'segmentCustomer', name: 'Value Tier', parameters: { method: 'valueTier', asOf: asOfCustomers }, items: segmentCustomers },
	{ node: 'segmentCustomer', name: 'Lifecycle (days)', parameters: { method: 'lifecycle', asOf: asOfCustomers }, items: segmentCustomers },
	{ node: 'segmentCustomer', name: 'Lifecycle (intervals)', parameters: { method: 'lifecycle', lifecycleMode: 'ownInterval', asOf: asOfCustomers }, items: segmentCustomers },
	{
		node: 'segmentCustomer',
		name: 'Custom Rules',
		parameters: { method: 'customRules', asOf: asOfCustomers, rules: { rule: [{ field: 'tier', operator: 'equals', value: 'gold', label: 'Gold' }] } },
		items: segmentCustomers,
	},
	{ node: 'detectChurnRisk', name: 'Rules', parameters: { method: 'rules', inputShape: 'summary', signals: churnSignals, asOf: churnAsOf }, items: churnSummary },
	{ node: 'detectChurnRisk', name: 'Rules (customers)', parameters: { method: 'rules', inputShape: 'customer', asOf: asOfCustomers }, items: segmentCustomers },
	{ node: 'detectChurnRisk', name: 'Rules (transactions)', parameters: { method: 'rules', inputShape: 'transaction', asOf: asOfCustomers }, items: orders },
	{ node: 'detectChurnRisk', name: 'BG/NBD (supplied)', parameters: { method: 'bgNbd', inputShape: 'summary', modelSource: 'supplied', suppliedParameters: bgNbd, asOf: churnAsOf }, items: churnSummary },
	{
		node: 'detectChurnRisk',
		name: 'sBG (supplied)',
		parameters: { method: 'sbg', inputShape: 'subscriber', modelSource: 'supplied', suppliedParameters: '{"alpha":0.704,"beta":1.182}', asOf: churnAsOf },
		items: [
			{ customerId: 'S1', tenure: 3, active: true, periodValue: 10 },
			{ customerId: 'S2', tenure: 5, active: false, periodValue: 12 },
		],
	},
	{
		node: 'scoreSatisfaction',
		name: 'all metrics',
		parameters: {
			metrics: ['nps', 'csat', 'ces', 'gap', 'kano'],
			gapDimensions: 'a, b',
			gapWeights: '2, 1',
			kanoFeatures: 'chat',
			groupByColumn: 'store',
			options: { sentimentColumn: 'sentiment' },
		},
		items: responses,
	},
	{
		node: 'scoreSatisfaction',
		name: 'per customer',
		parameters: { metrics: ['nps', 'csat'], aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: 90, decliningDrop: 15 },
		items: responses,
	},
	{ node: 'scheduleRevisit', name: 'Schedule Revisit', parameters: revisitBase, items: revisitCustomers },
	{ node: 'scheduleRevisit', name: 'Schedule Revisit (owner text)', parameters: { ...revisitBase, ownersInput: 'text', ownerList: 'alice, bob' }, items: revisitCustomers },
	{ node: 'scheduleRevisit', name: 'Find Occasions', parameters: occasionsBase, items: occasionCustomers },
	{ node: 'scheduleRevisit', name: 'Find Occasions (on date)', parameters: { ...occasionsBase, window: 'onDate', occasionDate: '2026-08-03' }, items: occasionCustomers },
	{ node: 'measureCareImpact', name: 'Assign Holdout', parameters: { operation: 'assignHoldout', campaign: 'win-back', stratumColumn: 'tier' }, items: segmentCustomers },
	{
		node: 'measureCareImpact',
		name: 'Measure Uplift',
		parameters: { operation: 'measureUplift', campaign: 'win-back', costPerContact: 2, marginPercent: 40, retainedColumn: 'retained', satisfactionColumn: 'csat', stratumColumn: 'impact.stratum', upliftOptions: { conversionName: 'repurchase' } },
		items: upliftCustomers,
	},
	{ node: 'measureCareImpact', name: 'KPI Report (orders)', parameters: { operation: 'kpiReport', source: 'orders', asOf: '2026-06-10T00:00:00Z', months: 3 }, items: orders },
	{
		node: 'measureCareImpact',
		name: 'KPI Report (customers)',
		parameters: { operation: 'kpiReport', source: 'customers', asOf: '2026-06-10T00:00:00Z', groupByColumn: 'tier' },
		items: segmentCustomers.map((c, i) => ({ ...c, churn: { churnProbability: i / 10, expectedValue: 100 + i, riskLevel: i % 2 ? 'high' : 'low' } })),
	},
	{
		node: 'measureCareImpact',
		name: 'KPI Report (responses)',
		parameters: { operation: 'kpiReport', source: 'responses', asOf: '2024-06-10T00:00:00Z', months: 3 },
		items: responses,
	},
	{
		node: 'sendCareMessage',
		name: 'webhook',
		parameters: {
			channel: 'webhook',
			template: 'custom',
			purpose: 'service',
			subject: 'Order {{orderId}}',
			text: 'Hi {{name|there}}, order {{orderId}} has shipped.',
			brandName: 'Shop',
			careType: 'shipping',
			options: { asOf: '2026-03-08T04:00:00Z', languageField: 'lang', pacing: 'custom', rateCount: 100, ratePeriod: 1000, maxAttempts: 2, retryDelay: 10 },
		},
		items: careCustomers,
		volatile: /^(sentAt|providerMessageId)$/,
		// Read only with a ledger (Postgres or Redis), which this run does not use.
		unread: ['options.redisKeyPrefix', 'options.retentionDays', 'options.postgresTable'],
		channel: 'webhook',
	},
	{
		node: 'sendCareMessage',
		name: 'SMTP',
		parameters: {
			channel: 'smtp',
			template: 'custom',
			purpose: 'service',
			subject: 'Order {{orderId}}',
			text: 'Hi {{name|there}}, order {{orderId}} has shipped.',
			html: '<p>Hi {{name|there}}, order {{orderId}} has shipped.</p>',
			recipientField: 'email',
			options: { asOf: '2026-03-08T04:00:00Z' },
		},
		items: careCustomers.map((c, i) => ({ ...c, email: `c${i}@example.cn` })),
		volatile: /^(sentAt|providerMessageId)$/,
		// Pacing is the channel's default: Rate is read only with Custom pacing.
		unread: ['options.redisKeyPrefix', 'options.retentionDays', 'options.postgresTable', 'options.rateCount'],
		channel: 'smtp',
	},
	{
		node: 'sendCareMessage',
		name: 'Aliyun SMS',
		parameters: {
			channel: 'aliyunSms',
			template: 'holiday',
			brandName: '星河银行',
			recipientField: 'phone',
			smsTemplateCode: 'SMS_2026',
			smsTemplateParams: '{"holidayName": "{{holidayName}}"}',
			smsSignature: '星河银行',
			options: { asOf: '2026-03-08T04:00:00Z' },
		},
		items: careCustomers.map((c, i) => ({ ...c, phone: `1380013800${i}`, holidayName: '春节' })),
		volatile: /^(sentAt|providerMessageId)$/,
		unread: ['options.redisKeyPrefix', 'options.retentionDays', 'options.postgresTable', 'options.rateCount'],
		channel: 'aliyunSms',
	},
];

// ---------------------------------------------------------------- parameters and odd values

interface Target {
	/** "Options › Pacing", "Rules › Field", "Horizon" */
	title: string;
	/** "options.pacing", "rules.field", "horizon" */
	path: string;
	property: INodeProperties;
	set: (parameters: IDataObject, value: Json) => IDataObject;
	valid: Json;
}

function shown(property: INodeProperties, parameters: IDataObject, all: INodeProperties[]): boolean {
	const valueOf = (name: string) => (name in parameters ? parameters[name] : all.find((p) => p.name === name)?.default);
	const matches = (rules: IDataObject | undefined, wanted: boolean) =>
		Object.entries(rules ?? {}).every(([name, values]) => ((values as unknown[]).includes(valueOf(name)) || ((valueOf(name) as unknown[]) instanceof Array && (values as unknown[]).some((v) => (valueOf(name) as unknown[]).includes(v)))) === wanted);
	return matches(property.displayOptions?.show as IDataObject, true) && matches(property.displayOptions?.hide as IDataObject, false);
}

function targets(config: Config): Target[] {
	const all = descriptions.get(config.node)!.properties;
	const result: Target[] = [];
	for (const property of all) {
		if (!shown(property, config.parameters, all) || property.noDataExpression || property.type === 'notice') continue;
		const base = config.parameters;
		if (property.type === 'collection') {
			for (const option of property.options as INodeProperties[]) {
				const current = (base[property.name] as IDataObject) ?? {};
				result.push({
					title: `${property.displayName} › ${option.displayName}`,
					path: `${property.name}.${option.name}`,
					property: option,
					set: (p, value) => ({ ...p, [property.name]: { ...current, [option.name]: value } }),
					valid: (current[option.name] ?? option.default) as Json,
				});
			}
		} else if (property.type === 'fixedCollection') {
			for (const entry of property.options as Array<{ name: string; displayName: string; values: INodeProperties[] }>) {
				const entries = ((base[property.name] as IDataObject)?.[entry.name] as IDataObject[]) ?? [];
				if (entries.length === 0) continue;
				for (const value of entry.values) {
					result.push({
						title: `${property.displayName} › ${value.displayName}`,
						path: `${property.name}.${value.name}`,
						property: value,
						set: (p, v) => ({ ...p, [property.name]: { [entry.name]: [{ ...entries[0], [value.name]: v }, ...entries.slice(1)] } }),
						valid: (entries[0][value.name] ?? value.default) as Json,
					});
				}
			}
		} else {
			result.push({ title: property.displayName, path: property.name, property, set: (p, value) => ({ ...p, [property.name]: value }), valid: (base[property.name] ?? property.default) as Json });
		}
	}
	return result.filter((t) => !config.unread?.includes(t.path));
}

const ARRAY = [1, 2];
const OBJECT = { a: 1 };

function oddValues(target: Target): Odd[] {
	const { property, valid } = target;
	switch (property.type) {
		case 'number':
			return [
				{ value: String(valid), equivalent: valid },
				{ value: '0x10' },
				{ value: true },
				{ value: null },
				{ value: '' },
				{ value: ARRAY },
				{ value: OBJECT },
				{ value: 1e308, extreme: true },
				{ value: -1, extreme: true },
				{ value: 'NaN' },
				// What an expression gives for 0 / 0 or 1 / 0: shown as NaN and Infinity (JSON.stringify wrote null).
				{ value: Number.NaN },
				{ value: Number.POSITIVE_INFINITY },
			];
		case 'string':
			// null is a cleared field, as "" is.
			return [{ value: 5, equivalent: '5' }, { value: true }, { value: null, equivalent: '' }, { value: ARRAY }, { value: OBJECT }];
		case 'boolean':
			return [{ value: 'false', equivalent: false }, { value: 'true', equivalent: true }, { value: 'yes' }, { value: 0 }, { value: 1 }, { value: null }];
		case 'options': {
			const choices = (property.options as Array<{ value: Json }>).map((o) => o.value);
			const numeric = typeof choices[0] === 'number';
			return [
				...(numeric ? [{ value: String(valid), equivalent: valid }] : []),
				{ value: 'notAChoice' },
				{ value: null },
				{ value: true },
				{ value: [valid] },
			];
		}
		case 'multiOptions':
			return [{ value: ['notAChoice'] }, { value: 'notAChoice' }, { value: null }, { value: 5 }, { value: OBJECT }];
		case 'dateTime':
			return [{ value: 'not a date' }, { value: true }, { value: 5 }, { value: ARRAY }, { value: OBJECT }];
		case 'json':
			return [{ value: 'not json' }, { value: 5 }, { value: true }, { value: null }, { value: ARRAY }];
		default:
			return [];
	}
}

/** The value as an n8n expression, so the node receives it with its own type. */
const expression = (value: Json) => `={{ ${value !== null && typeof value === 'object' && !Array.isArray(value) ? `(${JSON.stringify(value)})` : written(value)} }}`;

/** The value as written in an expression and a report: NaN and Infinity as themselves, not as JSON's null. */
const written = (value: Json) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value));

const servers = new Map<Channel, AnyProviderServer>();

async function run(config: Config, parameters: IDataObject) {
	const server = config.channel && servers.get(config.channel);
	const type = config.channel && CHANNELS[config.channel].credentialType;
	const extra: Partial<NodeRunOptions> =
		server && type ? { credentials: { [type]: server.credentials as never }, nodeCredentials: { [type]: { id: config.channel!, name: `${config.channel} loopback` } } } : {};
	try {
		const result = await runNode({ type: config.node, parameters, items: config.items, ...extra, ...config.run });
		return { error: result.error?.message, output: result.error ? undefined : outputsOf(result, config.volatile) };
	} catch (error) {
		// n8n refuses to start a node whose required parameter is empty ("" for a required text).
		return { error: (error as Error).message, output: undefined };
	}
}

/** What is wrong with a run of `target` set to `odd`, or undefined when it is one of the two allowed outcomes. */
async function problem(config: Config, target: Target, odd: Odd, outputs: Map<string, Promise<Awaited<ReturnType<typeof run>>>>): Promise<string | undefined> {
	const outcome = await run(config, target.set(config.parameters, expression(odd.value)));
	const shownAs = written(odd.value);
	const key = JSON.stringify(odd.equivalent);
	const reference = async () => {
		if (!outputs.has(key)) outputs.set(key, run(config, target.set(config.parameters, odd.equivalent as Json)));
		return outputs.get(key)!;
	};
	if (outcome.error !== undefined) {
		// Stopping as the equivalent valid value does (a column "5" missing from the items) is its behaviour.
		if ('equivalent' in odd && (await reference()).error === outcome.error) return undefined;
		if (RAW_ERROR.test(outcome.error)) return `${shownAs}: raw error: ${outcome.error}`;
		if (!names(outcome.error, target.property.displayName)) return `${shownAs}: message does not name "${target.property.displayName}": ${outcome.error}`;
		if (!valueForms(odd.value).some((form) => outcome.error!.includes(form))) return `${shownAs}: message does not show the value: ${outcome.error}`;
		return undefined;
	}
	if (odd.extreme) return nonFinite(outcome.output).length ? `${shownAs}: accepted with ${nonFinite(outcome.output).join(', ')} in the output` : undefined;
	if (!('equivalent' in odd)) return `${shownAs}: accepted (silently coerced)`;
	const valid = await reference();
	if (valid.error !== undefined) return `${shownAs}: accepted, but the valid ${key} stops: ${valid.error}`;
	try {
		expect(outcome.output).toEqual(valid.output);
	} catch {
		return `${shownAs}: accepted with an output other than ${key}'s`;
	}
	return undefined;
}

/** Parameters no configuration above sets, by node and path: why. */
const NOT_COVERED: Record<string, string> = {
	'sendCareMessage.options.postgresTable': 'read only with a Postgres ledger',
	'sendCareMessage.options.redisKeyPrefix': 'read only with a Redis ledger',
	'sendCareMessage.options.retentionDays': 'read only with a Redis ledger',
};


const cases = CONFIGS.flatMap((config) => targets(config).map((target) => ({ config, target, id: `${descriptions.get(config.node)!.displayName} (${config.name}) › ${target.title}` })));

describe('every parameter against the values an expression can give', () => {
	beforeAll(async () => {
		servers.set('webhook', await startWebhookServer());
		servers.set('smtp', await startSmtpServer());
		servers.set('aliyunSms', await startAliyunSmsServer({ signNames: ['星河银行'], templates: { SMS_2026: '${name}您好，${brand}祝您${holidayName}快乐！拒收请回复R' } }));
		const learn = CONFIGS.find((c) => c.name === 'RFM')!;
		const learned = await runNode({ type: learn.node, parameters: learn.parameters, items: learn.items });
		const state = learned.json(NODE_UNDER_TEST, 1).find((row) => row.learned)!.learned;
		CONFIGS.find((c) => c.name === 'RFM applying a learned state')!.parameters.learnedState = JSON.stringify(state);
	});
	afterAll(async () => {
		await Promise.all([...servers.values()].map((s) => s.close()));
	});

	it('covers every node', () => {
		expect(new Set(CONFIGS.map((c) => c.node))).toEqual(new Set(descriptions.keys()));
	});

	it('covers every parameter an expression can set, but those listed in NOT_COVERED', () => {
		const covered = new Set(cases.map(({ config, target }) => `${config.node}.${target.path}`));
		const all = [...descriptions.values()].flatMap((d) =>
			d.properties
				.filter((p) => !p.noDataExpression && p.type !== 'notice')
				.flatMap((p) =>
					p.type === 'collection'
						? (p.options as INodeProperties[]).map((o) => `${d.name}.${p.name}.${o.name}`)
						: p.type === 'fixedCollection'
							? (p.options as Array<{ values: INodeProperties[] }>).flatMap((e) => e.values.map((v) => `${d.name}.${p.name}.${v.name}`))
							: [`${d.name}.${p.name}`],
				),
		);
		expect([...new Set(all)].filter((path) => !covered.has(path)).sort()).toEqual(Object.keys(NOT_COVERED).sort());
	});

	it.each(CONFIGS.map((c) => [`${c.node} (${c.name})`, c] as const))('%s runs with its valid parameters', async (_name, config) => {
		const outcome = await run(config, config.parameters);
		expect(outcome.error).toBeUndefined();
	});

	// Under Continue, a parameter refused in nodes/common sends every input item to the error output once, with the reason.
	const refusedInCommon = cases.filter(({ config, target }) => ['Output Field', 'As Of', 'Language'].includes(target.title) && !config.channel);
	it.each(refusedInCommon.map(({ config, target, id }) => [id, config, target] as const))('%s: under Continue every item leaves with the reason', async (_id, config, target) => {
		const result = await runNode({ type: config.node, parameters: target.set(config.parameters, expression(OBJECT)), items: config.items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const outputs = result.run.data.resultData.runData[NODE_UNDER_TEST][0].data!.main.map((items) => (items ?? []).map((i) => i.json));
		expect(outputs.slice(0, -1).flat()).toEqual([]);
		expect(outputs[outputs.length - 1].map((j) => j.error)).toEqual(config.items.map(() => expect.stringMatching(new RegExp(`^(Language|Parameter "${target.title}"[^"]*) .*\\{"a":1\\}`))));
	});

	for (const { config, target, id } of cases) {
		it(id, async () => {
			const outputs = new Map();
			const problems: string[] = [];
			for (const odd of oddValues(target)) {
				const found = await problem(config, target, odd, outputs);
				if (found) problems.push(found);
			}
			expect(problems).toEqual([]);
		});
	}
});
