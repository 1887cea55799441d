import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { isToolCall, onFirstOutput, toolErrorItem } from '../../nodes/common';
import { InputError } from '../../nodes/shared/input';

const node = { name: 'Detect Churn Risk', type: 'CUSTOM.detectChurnRisk', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const context = (extra: Partial<IExecuteFunctions>, nodeFields: Partial<INode> = {}) => ({ getNode: () => ({ ...node, ...nodeFields }), ...extra }) as unknown as IExecuteFunctions;

describe('AI-agent tool calls (nodes/common/toolCall.ts)', () => {
	it('is a tool call when n8n-core says so (isToolExecution) or the engine runs the node for an agent (rewireOutputLogTo ai_tool)', () => {
		expect(isToolCall(context({ isToolExecution: () => true }))).toBe(true);
		expect(isToolCall(context({ isToolExecution: () => false }, { rewireOutputLogTo: 'ai_tool' }))).toBe(true);
		expect(isToolCall(context({ isToolExecution: () => false }))).toBe(false);
		// An n8n-core without isToolExecution: only the engine's mark counts.
		expect(isToolCall(context({}))).toBe(false);
		expect(isToolCall(context({}, { rewireOutputLogTo: 'ai_tool' }))).toBe(true);
	});

	it('puts every output\'s items on output 0 in output order, keeping the number of outputs', () => {
		const item = (name: string): INodeExecutionData => ({ json: { name } });
		expect(onFirstOutput([[item('a')], [item('b'), item('c')], [item('d')]])).toEqual([[item('a'), item('b'), item('c'), item('d')], [], []]);
		const alreadyThere = [[item('a')], [], []];
		expect(onFirstOutput(alreadyThere)).toBe(alreadyThere);
	});

	it('answers an error with message and what to check, without an item prefix or an error property', () => {
		const answer = toolErrorItem(node, new InputError('lastPurchaseAt', 'next tuesday', 'is not a date', 'a date such as 2026-03-01'), 0);
		expect(answer).toEqual({
			json: {
				error: 'field "lastPurchaseAt" is "next tuesday", which is not a date (expected a date such as 2026-03-01)',
				description: 'Check the column mapped to "lastPurchaseAt". Expected a date such as 2026-03-01.',
			},
			pairedItem: { item: 0 },
		});
	});
});
