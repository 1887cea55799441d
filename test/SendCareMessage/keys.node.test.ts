import { createHash } from 'node:crypto';
import { checkKeyTemplate, keyValueEscape } from '../../nodes/shared/messaging/ledger';
import { ConfigError } from '../../nodes/shared/input';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { runCare } from './helpers/run';

describe('Send Care Message: idempotency keys stay distinct, whatever the text', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	it('any Unicode customer ID survives the Idempotency-Key header (the receiver checks the documented encoding)', async () => {
		const ids = ['客户001', '顾客001', 'Ünïcødé', '😀-1', '😀-2', 'a%41', 'aA', 'tab\tid', 'N2\u0000', 'S\uD800', 'S\uDC00', 'Ж'];
		const run = await runCare(
			server,
			ids.map((customerId, i) => ({ customerId, name: `C${i}`, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' })),
			{},
			{ onError: 'continueRegularOutput' },
		);
		expect(run.failed).toEqual([]);
		expect(run.sent).toHaveLength(ids.length);
		const headers = server.requests.map((r) => String(r.headers['idempotency-key']));
		expect(new Set(headers).size).toBe(ids.length);
		expect(headers.every((h) => /^[\x21-\x7e]+$/.test(h))).toBe(true);
		expect(headers).toContain('%E5%AE%A2%E6%88%B7001:custom:webhook:2026-03-08');
		// The body carries the key as is; the header decodes to it for every well-formed key.
		expect(decodeURIComponent(headers[0])).toBe(run.care('sent')[0].key);
	});

	// Before, the header carried the whole encoded key: 27,026 characters for a 3,000-character Chinese ID, which
	// the receiver refused (HTTP 431 from Node's 16 KiB header limit; 400 over the documented 255): a permanent
	// failure, nothing delivered. Now a key over 255 encoded characters goes as its digest; the ledger keeps the key.
	it('a long customer ID or custom key part: the header carries a bounded digest, the same for the same key', async () => {
		const suffix = ':custom:webhook:2026-03-08';
		const atLimit = 'x'.repeat(255 - suffix.length);
		const ids = ['长'.repeat(3000), '长'.repeat(3000), `${'长'.repeat(2999)}短`, atLimit, `${atLimit}y`, `long:${'a'.repeat(5000)}`];
		const run = await runCare(
			server,
			ids.map((customerId, i) => ({ customerId, name: `C${i}`, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' })),
			{},
			{ onError: 'continueRegularOutput' },
		);
		expect(run.failed).toEqual([]);
		expect(run.care('sent').map((c) => c.key)).toEqual([0, 2, 3, 4, 5].map((i) => `${ids[i].replace(/:/g, '%3A')}${suffix}`));
		expect(run.care('skipped').map((c) => c.key)).toEqual([`${ids[1]}${suffix}`]);
		const headers = server.requests.map((r) => String(r.headers['idempotency-key']));
		const digest = (key: string) => `sha256 ${createHash('sha256').update(encodeURIComponent(key).replace(/%3A/g, ':')).digest('hex')}`;
		expect(headers).toEqual([digest(`${ids[0]}${suffix}`), digest(`${ids[2]}${suffix}`), `${atLimit}${suffix}`, digest(`${atLimit}y${suffix}`), digest(`long%3A${'a'.repeat(5000)}${suffix}`)]);
		expect(headers.every((h) => h.length <= 255)).toBe(true);
		expect(server.deliveries.map((d) => d.idempotencyKey)).toEqual(run.care('sent').map((c) => c.key));
	});

	it("the README's own custom key {{customerId}}:apology:{{surveyId}} keeps different field pairs apart", async () => {
		const pairs = [
			{ customerId: 'A', surveyId: 'apology:B' },
			{ customerId: 'A:apology', surveyId: 'B' },
			{ customerId: 'A%3A', surveyId: 'B' },
			{ customerId: 'A', surveyId: '%3Aapology%3AB' },
		];
		const run = await runCare(
			server,
			pairs.map((p, i) => ({ ...p, name: `C${i}`, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' })),
			{ keyTemplate: '{{customerId}}:apology:{{surveyId}}', frequencyCap: 'off' },
			{ onError: 'continueRegularOutput' },
		);
		expect(run.skipped).toEqual([]);
		expect(run.sent).toHaveLength(pairs.length);
		expect(new Set(run.care('sent').map((c) => c.key)).size).toBe(pairs.length);
		expect(run.care('sent')[0].key).toBe('A:apology:apology%3AB');
	});

	it('other separators too: values cannot imitate "-", "/" or " " in the template', () => {
		const cases: Array<[string, Array<[string, string]>]> = [
			['{{a}}-{{b}}', [['x-y', 'z'], ['x', 'y-z']]],
			['{{a}}/{{b}}/x', [['p/q', 'r'], ['p', 'q/r']]],
			['{{a}} {{b}}', [['l m', 'n'], ['l', 'm n']]],
		];
		for (const [template, tuples] of cases) {
			const parts = template.split(/(\{\{\w+\}\})/).filter(Boolean).map((t) => (t.startsWith('{{') ? { kind: 'placeholder' as const, path: t.slice(2, -2) } : { kind: 'text' as const, text: t }));
			const escape = keyValueEscape(parts);
			const keys = tuples.map(([a, b]) => parts.map((p) => (p.kind === 'text' ? p.text : escape(p.path === 'a' ? a : b))).join(''));
			expect(new Set(keys).size).toBe(tuples.length);
		}
	});

	it('a template with placeholders not split by a separator is a configuration error', async () => {
		expect(() => checkKeyTemplate([{ kind: 'placeholder', path: 'a' }, { kind: 'placeholder', path: 'b' }])).toThrow(ConfigError);
		expect(() => checkKeyTemplate([{ kind: 'placeholder', path: 'a' }, { kind: 'text', text: 'x' }, { kind: 'placeholder', path: 'b' }])).toThrow(
			/without a separator/,
		);
		const run = await runCare(server, [{ customerId: 'C1', surveyId: 'S1', timeZone: 'Asia/Shanghai' }], { keyTemplate: '{{customerId}}{{surveyId}}' }, { onError: 'continueRegularOutput' });
		expect(String(run.failed[0]?.error)).toMatch(/\{\{customerId\}\} and \{\{surveyId\}\}/);
		expect(server.requests).toHaveLength(0);
	});
});
