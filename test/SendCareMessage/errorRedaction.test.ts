import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';
import { toNodeError } from '../../nodes/common';
import { Redactor } from '../../nodes/shared/messaging/channels';
import { redactErrorTexts } from '../../nodes/SendCareMessage/result';

const SECRET = 'xoxb-7781-Tk93mQ0zLp';
const node = { id: '1', name: 'Send Care Message', type: 'CUSTOM.sendCareMessage', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
const redactor = Redactor.forCredentials({ token: SECRET });
const redact = (text: string) => redactor.redact(text);

/** Every text of an error n8n may show, store or log, down its cause chain. */
function texts(error: unknown, seen = new Set<unknown>()): string[] {
	if (!(error instanceof Error) || seen.has(error)) return [];
	seen.add(error);
	const e = error as Error & Record<string, unknown>;
	const own = ['message', 'description', 'stack', 'httpCode'].map((name) => e[name]).filter((v): v is string => typeof v === 'string');
	return [...own, ...texts(e.cause, seen)];
}

// The node redacted only an error's message; toNodeError passes a NodeOperationError on as it is, so its
// description, stack and causes went out (to the error output, the execution's error and n8n's log) as they
// were; a NodeApiError's description and HTTP code likewise wherever it is shown before being wrapped.
describe('redactErrorTexts: an error the node passes on shows no secret in any of its texts', () => {
	it('a NodeApiError: message, description, HTTP code and stack', () => {
		const error = new NodeApiError(node, { message: `denied ${SECRET}` }, { message: `denied ${SECRET}`, description: `token=${SECRET} refused`, httpCode: SECRET });
		expect(texts(error).some((t) => t.includes(SECRET))).toBe(true);
		redactErrorTexts(error, redact);
		expect(texts(error).filter((t) => t.includes(SECRET))).toEqual([]);
		expect(error.description).toBe('token=*** refused');
	});

	it('a NodeOperationError whose cause chain (Error.cause, two deep, one of them looping back) holds it', () => {
		const root = new Error(`connect to https://hooks.example.com/${SECRET} failed`);
		const middle = new Error(`request failed (${Buffer.from(SECRET).toString('base64')})`, { cause: root });
		(root as Error & { cause?: unknown }).cause = middle;
		const error = new NodeOperationError(node, `send failed: ${SECRET}`, { description: `Bearer ${SECRET}` });
		(error as Error & { cause?: unknown }).cause = middle;
		expect(texts(error).some((t) => t.includes(SECRET) || t.includes(Buffer.from(SECRET).toString('base64')))).toBe(true);
		const shown = toNodeError(node, redactErrorTexts(error, redact));
		expect(shown).toBe(error);
		expect(texts(shown).filter((t) => t.includes(SECRET) || t.includes(Buffer.from(SECRET).toString('base64')))).toEqual([]);
	});
});
