// `npm run demo` creates every credential the example workflows refer to, so each example can be run from the
// demo's editor, and the examples share one set of credential names.
import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

// A plain Node script.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { credentials, exampleCredentials } = require('../../scripts/demo');

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
const own: Credential[] = credentials(servers, sampleDb);

describe('demo credentials', () => {
	it.each(workflows.map(({ file }) => file))('%s: every credential it refers to is one the demo creates, by id, name and type', (file) => {
		const { workflow } = workflows.find((w) => w.file === file)!;
		for (const node of workflow.nodes) {
			for (const [type, { id, name }] of Object.entries(node.credentials ?? {})) {
				expect({ node: node.name, found: own.find((c) => c.id === id) }).toEqual({ node: node.name, found: expect.objectContaining({ id, name, type }) });
			}
		}
	});

	it('the examples use one credential per type and name', () => {
		const byType = new Map<string, Set<string>>();
		for (const { workflow } of workflows) {
			for (const node of workflow.nodes) {
				for (const [type, { id, name }] of Object.entries(node.credentials ?? {})) byType.set(type, (byType.get(type) ?? new Set()).add(`${id} ${name}`));
			}
		}
		for (const [type, used] of byType) expect({ type, used: [...used] }).toEqual({ type, used: [expect.any(String)] });
	});

	it('passes the examples, and stops naming the example when one refers to a credential the demo does not create', () => {
		expect(exampleCredentials(workflows, servers, sampleDb)).toEqual(own);
		const odd = { file: 'odd.json', workflow: { nodes: [{ name: 'Send', credentials: { careSmtpApi: { id: 'other1', name: 'Other SMTP' } } }] } };
		expect(() => exampleCredentials([odd], servers, sampleDb)).toThrow(
			'odd.json: node "Send" refers to credential "Other SMTP" (careSmtpApi, id other1), which the demo does not create (scripts/demo.js, credentials())',
		);
	});
});
