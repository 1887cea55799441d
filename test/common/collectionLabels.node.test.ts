import type { IDataObject, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { describeValue } from '../../nodes/shared/input';
import { nodeClasses } from '../helpers/nodeClasses';
import { RAW_ERROR } from '../helpers/runChecks';
import { runNode } from '../helpers/runWorkflow';

/**
 * An option of a collection, or a value of a list's entry, that an expression makes differ between items
 * stops the run (it applies to the whole run), and the message names it as the panel shows it:
 * "Thresholds › High", "Rules › Rule 1 › Value", "Options › Skip Missing", never by its internal path
 * (thresholds.high, rules.rule). Every option of every collection and list parameter of every node, from
 * the nodes' descriptions, in a small valid run of its node.
 */
interface Config {
	node: string;
	parameters: IDataObject;
	items: IDataObject[];
	/** Sub-parameters this run does not read ("options.postgresTable"): a difference there changes nothing. */
	unread?: string[];
}

const customers: IDataObject[] = [
	{ customerId: 'C1', firstPurchaseAt: '2025-01-01', lastPurchaseAt: '2026-03-10', orderCount: 3, totalSpend: 300, tier: 'gold', x: 2, tx: 30, T: 60, satisfaction: 40, previousSatisfaction: 80, complaints: 2, recentSpend: 10, previousSpend: 50, contractEnd: '2026-06-10', declining: true },
	{ customerId: 'C2', firstPurchaseAt: '2025-02-01', lastPurchaseAt: '2026-01-10', orderCount: 5, totalSpend: 500, tier: 'silver', x: 4, tx: 50, T: 70, satisfaction: 90, previousSatisfaction: 85, complaints: 0, recentSpend: 40, previousSpend: 40, contractEnd: '2027-01-01', declining: false },
];
const responses: IDataObject[] = [
	{ customerId: 'A', nps: 9, csat: 4, sentiment: 0.5 },
	{ customerId: 'B', nps: 6, csat: 2, sentiment: -0.2 },
];

const CONFIGS: Config[] = [
	{
		node: 'segmentCustomer',
		parameters: { method: 'customRules', rules: { rule: [{ field: 'tier', operator: 'equals', value: 'gold', label: 'Gold' }] } },
		items: customers,
	},
	{
		node: 'detectChurnRisk',
		parameters: {
			method: 'rules',
			inputShape: 'summary',
			asOf: '2026-06-01T00:00:00Z',
			signals: { satisfactionColumn: 'satisfaction', previousSatisfactionColumn: 'previousSatisfaction', complaintsColumn: 'complaints', recentSpendColumn: 'recentSpend', previousSpendColumn: 'previousSpend', contractEndColumn: 'contractEnd', decliningColumn: 'declining' },
			thresholds: { high: 50 },
		},
		items: customers,
	},
	{ node: 'scoreSatisfaction', parameters: { metrics: ['nps', 'csat'], options: { sentimentColumn: 'sentiment' } }, items: responses },
	{
		node: 'scheduleRevisit',
		parameters: {
			operation: 'scheduleRevisit',
			asOf: '2025-09-29T10:00:00+08:00',
			timeZone: 'Asia/Shanghai',
			cadenceRules: { rule: [{ name: 'Detractor', field: 'nps', operator: 'atMost', value: '6', interval: 2, unit: 'businessDays', priority: 'high', channel: 'call', reason: 'Detractor' }] },
			owners: { owner: [{ id: 'alice', dailyCapacity: 2, timeZone: 'Asia/Shanghai' }] },
		},
		items: [
			{ customerId: 'C1', nps: 3, lastContactAt: '2025-09-26' },
			{ customerId: 'C2', nps: 9, lastContactAt: '2025-09-01' },
		],
	},
	{
		node: 'measureCareImpact',
		parameters: { operation: 'measureUplift', campaign: 'win-back', upliftOptions: { conversionName: 'repurchase' } },
		items: Array.from({ length: 8 }, (_, i) => ({ customerId: `C${i}`, impact: { group: i % 2 ? 'holdout' : 'treatment' }, converted: i % 3 === 0 ? 'yes' : 'no' })),
	},
	{
		node: 'sendCareMessage',
		parameters: {
			channel: 'webhook',
			template: 'custom',
			purpose: 'service',
			text: 'Hi {{name|there}}',
			options: { asOf: '2026-03-08T04:00:00Z', pacing: 'custom', rateCount: 100, ratePeriod: 1000 },
		},
		items: [
			{ customerId: 'P1', name: 'Ann', timeZone: 'Asia/Shanghai', consent: true },
			{ customerId: 'P2', name: 'Bo', timeZone: 'Asia/Shanghai', consent: true },
		],
		// Read only with a ledger (Postgres or Redis), which this run does not use.
		unread: ['options.redisKeyPrefix', 'options.retentionDays', 'options.postgresTable'],
	},
];

/** Two values of a parameter's type that differ: what an expression gives item 0 and item 1. */
function twoValues(property: INodeProperties): [unknown, unknown] {
	const choices = ((property.options ?? []) as INodePropertyOptions[]).map((o) => o.value);
	switch (property.type) {
		case 'number':
			return [2, 3];
		case 'boolean':
			return [true, false];
		case 'options':
			return [choices[0], choices[1] ?? 'other'];
		case 'multiOptions':
			return [[choices[0]], [choices[1] ?? 'other']];
		case 'dateTime':
			return ['2026-01-01', '2026-01-02'];
		default:
			return ['a', 'b'];
	}
}

interface Target {
	config: Config;
	/** Internal path, for `unread`. */
	path: string;
	/** As the message must name it. */
	label: string;
	values: [unknown, unknown];
	parameters: IDataObject;
}

const expression = ([a, b]: [unknown, unknown]) => `={{ $itemIndex === 0 ? ${JSON.stringify(a)} : ${JSON.stringify(b)} }}`;

/** Every option of a collection, and every value of a list's first entry, of the config's node. */
function targetsOf(config: Config, description: { properties: INodeProperties[] }): Target[] {
	const targets: Target[] = [];
	for (const collection of description.properties) {
		if (!(collection.name in config.parameters)) continue;
		const given = config.parameters[collection.name] as IDataObject;
		if (collection.type === 'collection') {
			for (const option of collection.options as INodeProperties[]) {
				const values = twoValues(option);
				targets.push({
					config,
					path: `${collection.name}.${option.name}`,
					label: `${collection.displayName} › ${option.displayName}`,
					values,
					parameters: { ...config.parameters, [collection.name]: { ...given, [option.name]: expression(values) } },
				});
			}
		} else if (collection.type === 'fixedCollection') {
			for (const group of collection.options as INodePropertyCollection[]) {
				const entries = given[group.name] as IDataObject[];
				for (const value of group.values) {
					const values = twoValues(value);
					targets.push({
						config,
						path: `${collection.name}.${group.name}.0.${value.name}`,
						label: `${collection.displayName} › ${group.displayName} 1 › ${value.displayName}`,
						values,
						parameters: { ...config.parameters, [collection.name]: { ...given, [group.name]: [{ ...entries[0], [value.name]: expression(values) }, ...entries.slice(1)] } },
					});
				}
			}
		}
	}
	return targets.filter((t) => !config.unread?.includes(t.path));
}

const descriptions = new Map(nodeClasses.map((C) => new C().description).map((d) => [d.name, d]));
const targets = CONFIGS.flatMap((config) => targetsOf(config, descriptions.get(config.node)!));

describe('a collection option or list value that differs between items is named by its labels', () => {
	it('covers every collection and list parameter of every node', () => {
		const covered = new Set(targets.map((t) => `${t.config.node} ${t.path.split('.')[0]}`));
		const all = [...descriptions.values()].flatMap((d) => d.properties.filter((p) => p.type === 'collection' || p.type === 'fixedCollection').map((p) => `${d.name} ${p.name}`));
		expect(all.filter((name) => !covered.has(name))).toEqual([]);
	});

	for (const target of targets) {
		const title = `${target.config.node} ${target.path}`;
		it(`${title}: "${target.label}"`, async () => {
			const result = await runNode({ type: target.config.node, parameters: target.parameters, items: target.config.items });
			const message = result.error?.message ?? '';
			expect(message).not.toMatch(RAW_ERROR);
			expect(message).toContain(`Parameter "${target.label}" is an expression that gives item 0 ${describeValue(target.values[0])} but item 1 ${describeValue(target.values[1])}`);
		});
	}
});
