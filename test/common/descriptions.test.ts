import { readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { nodeClasses } from '../helpers/nodeClasses';

/**
 * Every node's description as n8n reads it (the class description with its properties, JSON as the
 * editor receives it), against a snapshot taken before the parameter builders in nodes/common: building
 * parameters from shared functions must not change one name, label, default, option or display rule.
 * After a deliberate change to a description, regenerate with UPDATE_DESCRIPTIONS=1 and review the diff.
 */
const FIXTURE = resolve(__dirname, 'fixtures', 'descriptions.json');

function currentDescriptions(): Record<string, unknown> {
	const all: Record<string, unknown> = {};
	for (const NodeClass of nodeClasses) {
		const { description } = new NodeClass();
		all[description.name] = JSON.parse(JSON.stringify(description));
	}
	return all;
}

describe('node descriptions', () => {
	const current = currentDescriptions();
	if (process.env.UPDATE_DESCRIPTIONS === '1') writeFileSync(FIXTURE, `${JSON.stringify(current, null, '\t')}\n`);
	const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

	it('covers every registered node', () => {
		expect(Object.keys(current).sort()).toEqual(Object.keys(expected).sort());
		expect(Object.keys(current).length).toBeGreaterThanOrEqual(6);
	});

	for (const name of Object.keys(expected)) {
		it(`${name}: description and properties unchanged`, () => {
			expect(current[name]).toEqual(expected[name]);
		});
	}
});
