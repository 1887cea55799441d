import { spawnSync } from 'child_process';
import { resolve } from 'path';
import type { INodeTypeDescription } from 'n8n-workflow';
import { Code, literal } from '../helpers/literal';
import { nodeClasses } from '../helpers/nodeClasses';

/**
 * n8n's node-class lint (@n8n/community-nodes: icon-validation, require-node-description-fields,
 * node-usable-as-tool, …; eslint-plugin-n8n-nodes-base `node-class-description-*`: name casing, subtitle,
 * …) reads the class's object literal, so it cannot see the fields spread in by nodeIdentity and
 * mainOutputs. This writes each node's built description out as a literal class at the node's real path
 * (so the icon rules find the real SVGs) and lints it with the package's own configuration, as
 * `npm run lint` would lint that file. The parameter rules are descriptionLint.test.ts's.
 */
interface Finding {
	ruleId: string | null;
	line: number;
	message: string;
}

const CLASS_RULES = [
	'@n8n/community-nodes/icon-validation',
	'@n8n/community-nodes/icon-prefer-themed-variants',
	'@n8n/community-nodes/require-node-description-fields',
	'@n8n/community-nodes/node-usable-as-tool',
	'@n8n/community-nodes/node-connection-type-literal',
	'@n8n/community-nodes/trigger-node-conventions',
	'n8n-nodes-base/node-class-description-name-miscased',
	'n8n-nodes-base/node-class-description-missing-subtitle',
	'n8n-nodes-base/node-class-description-empty-string',
	'n8n-nodes-base/node-class-description-icon-not-svg',
	'n8n-nodes-base/node-class-description-credentials-name-unsuffixed',
	'n8n-nodes-base/node-class-description-display-name-unsuffixed-trigger-node',
	'n8n-nodes-base/node-class-description-name-unsuffixed-trigger-node',
	'n8n-nodes-base/node-filename-against-convention',
];

/** Connection types as the class writes them (NodeConnectionTypes.Main), not as the string they hold. */
const connections = (value: unknown) => (Array.isArray(value) ? value.map((type) => (type === 'main' ? new Code('NodeConnectionTypes.Main') : type)) : value);

function classSource(className: string, description: INodeTypeDescription): string {
	const built = JSON.parse(JSON.stringify(description)) as Record<string, unknown>;
	const written = { ...built, inputs: connections(built.inputs), outputs: connections(built.outputs) };
	return [
		"import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';",
		'',
		`export class ${className} implements INodeType {`,
		`\tdescription: INodeTypeDescription = ${literal(written, '\t')};`,
		'}',
		'',
	].join('\n');
}

function lint(files: Array<{ filePath: string; text: string }>): { rules: string[]; results: Finding[][] } {
	// Without jest's NODE_ENV=test: under it eslint-plugin-n8n-nodes-base takes every file for "Test.node.ts", a trigger node.
	const { NODE_ENV: _jest, ...env } = process.env;
	const run = spawnSync(process.execPath, [resolve(__dirname, '..', 'helpers', 'lintTexts.mjs')], {
		input: JSON.stringify(files),
		env,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (run.status !== 0) throw new Error(`lintTexts.mjs failed: ${run.stderr}`);
	return JSON.parse(run.stdout) as { rules: string[]; results: Finding[][] };
}

const classFindings = (findings: Finding[]) =>
	findings.filter((f) => !(f.ruleId ?? '').startsWith('n8n-nodes-base/node-param-')).map((f) => `${f.ruleId} (line ${f.line}): ${f.message}`);

const nodes = nodeClasses.map((NodeClass) => {
	const { description } = new NodeClass();
	const className = NodeClass.name;
	return { className, description, filePath: `nodes/${className}/${className}.node.ts` };
});

/** Detect Churn Risk with an icon file that does not exist and a miscased name: the check must report both. */
function probe() {
	const { className, description, filePath } = nodes.find((n) => n.className === 'DetectChurnRisk')!;
	const icon = description.icon as { light: `file:${string}.svg`; dark: `file:${string}.svg` };
	const bad: INodeTypeDescription = { ...description, name: className, icon: { ...icon, light: 'file:detectChurnRisk.light.svg' } };
	return { filePath, text: classSource(className, bad) };
}

describe('n8n node-class lint over the built class descriptions', () => {
	const { rules, results } = lint([probe(), ...nodes.map(({ className, description, filePath }) => ({ filePath, text: classSource(className, description) }))]);
	const [probeFindings, ...nodeFindings] = results;

	it('runs the class rules (the package configuration has them on)', () => {
		expect(rules).toEqual(expect.arrayContaining(CLASS_RULES));
	});

	it('catches a bad icon path and a miscased name (the check can fail)', () => {
		expect(probeFindings.map((f) => f.ruleId)).toEqual(
			expect.arrayContaining(['@n8n/community-nodes/icon-validation', 'n8n-nodes-base/node-class-description-name-miscased']),
		);
	});

	it('covers every registered node', () => {
		expect(nodes.length).toBeGreaterThanOrEqual(6);
	});

	nodes.forEach(({ className }, i) => {
		it(`${className}: no class-rule findings`, () => {
			expect(classFindings(nodeFindings[i])).toEqual([]);
		});
	});
});
