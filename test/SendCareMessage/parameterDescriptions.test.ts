import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { SendCareMessage } from '../../nodes/SendCareMessage/SendCareMessage.node';

type Property = INodeProperties;

/** Every parameter of the node, Options' entries included (the collection itself is only their container), with the path the panel shows. */
function allParameters(properties: Property[], path = ''): Array<{ path: string; property: Property }> {
	const found: Array<{ path: string; property: Property }> = [];
	for (const property of properties) {
		const here = path ? `${path} › ${property.displayName}` : property.displayName;
		found.push({ path: here, property });
		for (const option of (property.options ?? []) as Array<Property | INodePropertyOptions | INodePropertyCollection>) {
			if ('type' in option) found.push(...allParameters([option], here));
			else if ('values' in option) found.push(...allParameters(option.values, `${here} › ${option.displayName}`));
		}
	}
	return found;
}

const parameters = allParameters(new SendCareMessage().description.properties).filter(({ property }) => property.type !== 'notice' && property.type !== 'collection');

describe('Send Care Message: every parameter says what it does', () => {
	it('has a description of at least a few words', () => {
		const missing = parameters.filter(({ property }) => (property.description ?? '').trim().split(/\s+/).length < 4).map(({ path }) => path);
		expect(missing).toEqual([]);
	});

	// A number is read in a unit: the name or the description names it (days, minutes, seconds, ms,
	// messages, attempts, characters), so "7" is never a guess. The panel shows the default; where the
	// default has an effect of its own (0 = off), the description says so.
	it('names the unit of every number', () => {
		const UNIT = /\b(days?|minutes?|seconds?|ms|milliseconds?|messages?|attempts?|characters?)\b/i;
		const unitless = parameters
			.filter(({ property }) => property.type === 'number')
			.filter(({ property }) => !UNIT.test(`${property.displayName} ${property.description ?? ''}`))
			.map(({ path }) => path);
		expect(unitless).toEqual([]);
	});
});
