import type { IDataObject } from 'n8n-workflow';
import type { ChannelKind } from '../../nodes/shared/messaging/channels/registry';
import { startProviderServer, type AnyProviderServer, type RecordedRequest } from '../helpers/providers';
import { ECHO_FORMS } from '../messaging/channels/helpers';
import { runCare } from './helpers/run';

// The HTTP channels, with an item and parameters each can send.
const CASES: Array<[ChannelKind, IDataObject, IDataObject]> = [
	['webhook', {}, {}],
	['wecom', {}, { options: { pacing: 'off' } }],
	['dingtalk', {}, { options: { pacing: 'off' } }],
	['feishu', {}, { options: { pacing: 'off' } }],
	['slack', {}, { options: { pacing: 'off' } }],
	['twilioSms', { phone: '+15550001111' }, { recipientField: 'phone' }],
];

/** Every string anywhere in a value. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

const item = (extra: IDataObject) => ({ customerId: 'H1', name: 'Hana', orderId: 'O-1', timeZone: 'Asia/Shanghai', ...extra });
const httpRequests = (server: AnyProviderServer) => server.requests as RecordedRequest[];

describe.each(CASES)("%s through n8n's request helper", (kind, fields, parameters) => {
	let server: AnyProviderServer;
	beforeEach(async () => {
		server = await startProviderServer(kind);
	});
	afterEach(() => server.close());

	const run = (options: IDataObject = {}) =>
		runCare(server, [item(fields)], { ...parameters, options: { ...((parameters.options as IDataObject) ?? {}), retryDelay: 100, ...options } }, { onError: 'continueRegularOutput' });

	it("goes out through n8n's helper (its User-Agent), retries a rate limit after Retry-After, and keeps no secret", async () => {
		server.faults.inject({ kind: 'raw', status: 429, body: 'slow down', headers: { 'Retry-After': '1' } });
		const result = await run();
		expect(result.care('sent')).toEqual([expect.objectContaining({ attempts: 2 })]);
		const requests = httpRequests(server);
		expect(requests).toHaveLength(2);
		expect(requests.every((r) => r.headers['user-agent'] === 'n8n')).toBe(true);
		expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(950);
		const everything = JSON.stringify(result.result.run.data);
		for (const secret of server.secrets) expect(everything).not.toContain(secret);
	});

	it('a connection dropped after the provider acted is an unknown outcome, never sent again', async () => {
		server.faults.inject({ kind: 'drop', delivered: true });
		const result = await run({ attemptTimeout: 2 });
		expect(result.care('failed')).toEqual([expect.objectContaining({ outcome: 'unknown', code: 'OUTCOME_UNKNOWN', retryable: false, attempts: 1 })]);
		expect(httpRequests(server)).toHaveLength(1);
	});

	it('no answer within the attempt timeout is an unknown outcome too', async () => {
		server.faults.inject({ kind: 'slow', delayMs: 2_500 });
		const result = await run({ attemptTimeout: 1 });
		expect(result.care('failed')).toEqual([expect.objectContaining({ outcome: 'unknown', retryable: false, attempts: 1 })]);
		expect(String(result.care('failed')[0].message)).toContain('no answer within 1000 ms');
		expect(httpRequests(server)).toHaveLength(1);
	});

	it('an echoed secret in an error reply is redacted', async () => {
		const echo = `denied: ${server.secrets.join(' ')} ${server.secrets.map((s) => Buffer.from(s).toString('base64')).join(' ')}`;
		server.faults.inject({ kind: 'raw', status: 400, body: JSON.stringify({ errcode: 93000, errmsg: echo, code: 19001, msg: echo, message: echo, error: echo }) });
		const result = await run();
		expect(result.care('failed')).toHaveLength(1);
		const everything = JSON.stringify(result.result.run.data);
		for (const secret of server.secrets) {
			expect(everything).not.toContain(secret);
			expect(everything).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
		}
	});

	it('an echoed secret re-cased, hex, JSON-, URL- or HTML-escaped, split over lines or cut is redacted too', async () => {
		const forms = Object.entries(ECHO_FORMS);
		for (const [name, form] of forms) {
			server.faults.inject({ kind: 'raw', status: 400, body: `denied (${name}): ${server.secrets.map(form).join(' ')}` });
		}
		const items = forms.map((_, i) => item({ ...fields, customerId: `E${i}` }));
		const result = await runCare(server, items, { ...parameters, options: { ...((parameters.options as IDataObject) ?? {}), retryDelay: 100 } }, { onError: 'continueRegularOutput' });
		expect(result.care('failed')).toHaveLength(forms.length);
		const shown = strings(JSON.parse(JSON.stringify(result.result.run.data)));
		expect(shown.some((text) => text.includes('***'))).toBe(true);
		for (const secret of server.secrets) {
			const stretches = Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));
			for (const text of shown) {
				const lower = text.toLowerCase();
				for (const [name, form] of forms) expect([name, lower.includes(form(secret).toLowerCase())]).toEqual([name, false]);
				expect(stretches.filter((stretch) => text.includes(stretch))).toEqual([]);
			}
		}
	});

	it('https:// on the plain-HTTP port is a permanent failure with nothing sent, not an unknown outcome that strands the key', async () => {
		const credentials = Object.fromEntries(Object.entries(server.credentials).map(([k, v]) => [k, typeof v === 'string' ? v.replace('http://', 'https://') : v]));
		const result = await runCare({ kind, credentials }, [item(fields)], { ...parameters, options: { ...((parameters.options as IDataObject) ?? {}), attemptTimeout: 3 } }, { onError: 'continueRegularOutput' });
		expect(result.care('failed')).toEqual([
			expect.objectContaining({ outcome: 'notSent', code: 'EPROTO', retryable: false, message: expect.stringContaining('TLS connection could not be set up') }),
		]);
		expect(httpRequests(server)).toHaveLength(0);
	});
});
