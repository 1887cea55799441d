// `npm run demo` imports a credential for every credential any example workflow refers to, so each example
// can be run from the demo's editor.
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

// A plain Node script.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { exampleCredentials } = require('../../scripts/demo');

const EXAMPLES = join(resolve(__dirname, '..', '..'), 'examples');
type Workflow = { nodes: Array<{ name: string; credentials?: Record<string, { id: string; name: string }> }> };
type Credential = { id: string; name: string; type: string; data: Record<string, unknown> };

const workflows = readdirSync(EXAMPLES)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Workflow }));
const servers = Object.fromEntries(
	['smtp', 'aliyunSms', 'wecom', 'feishu', 'slack'].map((kind) => [kind, { credentials: { url: `http://127.0.0.1:1/${kind}` } }]),
);
const sampleDb = { host: '127.0.0.1', port: 55432, user: 'care', password: 'pw', database: 'care_demo' };

describe('demo credentials', () => {
	const imported: Credential[] = exampleCredentials(workflows, servers, sampleDb);

	it.each(workflows.map(({ file }) => file))('%s: every credential it refers to is imported, by id and type', (file) => {
		const { workflow } = workflows.find((w) => w.file === file)!;
		for (const node of workflow.nodes) {
			for (const [type, { id, name }] of Object.entries(node.credentials ?? {})) {
				expect({ node: node.name, found: imported.find((c) => c.id === id) }).toEqual({
					node: node.name,
					found: expect.objectContaining({ id, name, type }),
				});
			}
		}
	});

	it('gives an extra id the data of the demo credential of its type, and imports each id once', () => {
		expect(imported.find((c) => c.id === 'careE2eSmtp0001')?.data).toEqual(servers.smtp.credentials);
		expect(imported.find((c) => c.id === 'careE2eLedger001')?.data).toEqual({ ...sampleDb, ssl: false });
		expect(new Set(imported.map((c) => c.id)).size).toBe(imported.length);
	});

	it('stops naming the example when one refers to a credential type the demo has none of', () => {
		const odd = { file: 'odd.json', workflow: { nodes: [{ name: 'Send', credentials: { careTwilioSmsApi: { id: 'tw1', name: 'Twilio' } } }] } };
		expect(() => exampleCredentials([odd], servers, sampleDb)).toThrow(
			'odd.json: node "Send" refers to credential "Twilio" (careTwilioSmsApi, id tw1), which the demo has no credential for',
		);
	});
});
