import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { literal } from '../helpers/literal';
import { nodeClasses } from '../helpers/nodeClasses';

// The plugin ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nNodesPlugin = require('eslint-plugin-n8n-nodes-base') as { configs: { nodes: { rules: Record<string, unknown> } } };

/**
 * n8n's parameter lint rules (eslint-plugin-n8n-nodes-base `node-param-*`: title-case labels, no final
 * period, a default among the options, booleans described with "Whether", …) read object literals, so
 * they cannot see parameters made by the builders in nodes/common. This runs the same rules over every
 * node's properties as n8n receives them, written out as literals.
 */
const paramRules = Object.fromEntries(
	Object.entries(n8nNodesPlugin.configs.nodes.rules).filter(([name]) => name.startsWith('n8n-nodes-base/node-param-')),
);

/**
 * Findings that stood before the builders (made by local helpers or generated option lists the lint
 * could not see either). Fixing them changes labels or option order users see, so it is its own change;
 * until then they are listed here, and any other finding fails.
 */
const KNOWN: Record<string, string[]> = {
	detectChurnRisk: [
		'node-param-display-name-miscased: Repeat Purchases (x) Column',
		'node-param-display-name-miscased: Recency (t_x) Column',
		'node-param-collection-type-unsorted-items: signals',
		'node-param-collection-type-unsorted-items: thresholds',
	],
	segmentCustomer: [
		'Does not contain',
		'Is a date more than N days ago',
		'Is a date within the last N days',
		'Is empty',
		'Is equal to',
		'Is greater than',
		'Is greater than or equal to',
		'Is less than',
		'Is less than or equal to',
		'Is not empty',
		'Is not equal to',
		'Starts with',
	].map((label) => `node-param-display-name-miscased: ${label}`),
};

/** Rule and what it is about: the label on the line, or the parameter whose options it flags. */
function finding(lines: string[], message: { ruleId: string | null; line: number }): string {
	const rule = (message.ruleId ?? '').replace('n8n-nodes-base/', '');
	const line = lines[message.line - 1]?.trim() ?? '';
	const label = /^(?:displayName|name): "(.*)",$/.exec(line);
	if (label) return `${rule}: ${label[1]}`;
	// An options list: the parameter's name is the nearest `name:` above at one indent less.
	const indent = /^\t*/.exec(lines[message.line - 1] ?? '')?.[0].length ?? 0;
	for (let i = message.line - 2; i >= 0; i--) {
		const m = new RegExp(`^\\t{${indent}}name: "(.*)",$`).exec(lines[i]);
		if (m) return `${rule}: ${m[1]}`;
	}
	return `${rule}: ${line}`;
}

describe('n8n parameter lint over the built descriptions', () => {
	const eslint = new ESLint({
		overrideConfigFile: true,
		overrideConfig: [
			{
				files: ['**/*.ts'],
				languageOptions: { parser: tseslint.parser as never },
				plugins: { 'n8n-nodes-base': n8nNodesPlugin as never },
				rules: paramRules as never,
			},
		],
	});

	it('has the node-param rules to run', () => {
		expect(Object.keys(paramRules).length).toBeGreaterThan(20);
	});

	it('catches a parameter that breaks them (the check can fail)', async () => {
		const bad = [{ displayName: 'time unit', name: 'timeUnit', type: 'options', options: [{ name: 'Days', value: 'days' }], default: 'weeks', description: 'Unit.' }];
		const [result] = await eslint.lintText(`export const properties = ${literal(bad)};\n`, { filePath: 'nodes/Probe/description.ts' });
		expect(result.messages.map((m) => m.ruleId)).toEqual(
			expect.arrayContaining(['n8n-nodes-base/node-param-display-name-miscased', 'n8n-nodes-base/node-param-default-wrong-for-options']),
		);
	});

	for (const NodeClass of nodeClasses) {
		const { description } = new NodeClass();
		it(`${description.name}: no findings but the known ones`, async () => {
			const code = `export const properties = ${literal(JSON.parse(JSON.stringify(description.properties)))};\n`;
			const [result] = await eslint.lintText(code, { filePath: `nodes/${description.name}/description.ts` });
			const lines = code.split('\n');
			expect(result.messages.map((m) => finding(lines, m))).toEqual(KNOWN[description.name] ?? []);
		});
	}
});
