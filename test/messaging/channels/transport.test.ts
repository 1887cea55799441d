import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { HelperTransport, type HelperRequestOptions } from '../../../nodes/shared/messaging/channels/helperTransport';
import { HttpTransport } from '../../../nodes/shared/messaging/channels/httpTransport';
import { transportFailureOutcome } from '../../../nodes/shared/messaging/channels/outcomes';
import { Redactor } from '../../../nodes/shared/messaging/channels/redaction';
import { parseRetryAfter } from '../../../nodes/shared/messaging/channels/retryAfter';

describe('parseRetryAfter', () => {
	const now = Date.parse('2025-03-01T08:00:00Z');
	it.each([
		['120', 120_000],
		[' 5 ', 5_000],
		['0', 0],
		['1.5', 1_500],
		['Sat, 01 Mar 2025 08:00:30 GMT', 30_000],
		['Sat, 01 Mar 2025 07:59:00 GMT', 0],
		// RFC 9110 §5.6.7: a recipient MUST accept the two obsolete HTTP-date forms too (RFC 850 and asctime).
		['Saturday, 01-Mar-25 08:00:30 GMT', 30_000],
		['Sat Mar  1 08:01:00 2025', 60_000],
	])('reads %p as %i ms', (value, ms) => {
		expect(parseRetryAfter(value, now)).toBe(ms);
	});
	it.each([undefined, '', 'soon', '-5'])('ignores %p', (value) => {
		expect(parseRetryAfter(value, now)).toBeUndefined();
	});
	it('caps absurd waits at a day', () => {
		expect(parseRetryAfter('999999999', now)).toBe(86_400_000);
	});
});

describe('Redactor', () => {
	it('hides secrets, their URL-encoded forms, longest first', () => {
		const redactor = new Redactor(['a+b/c=secret', 'a+bc', undefined, 'ab']);
		// Values under four characters are not treated as secrets (they would blank out ordinary words).
		expect(redactor.redact('x a+b/c=secret y a%2Bb%2Fc%3Dsecret z a+bc a%2Bbc ab')).toBe('x *** y *** z *** *** ab');
	});
});

describe('HttpTransport', () => {
	let server: http.Server;
	let url: string;
	let behaviour: (req: http.IncomingMessage, res: http.ServerResponse) => void;
	const sockets = new Set<Socket>();
	const transport = new HttpTransport(2_000);

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => behaviour(req, res));
		});
		server.on('connection', (socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
	});
	afterAll(async () => {
		transport.close();
		for (const socket of sockets) socket.destroy();
		await new Promise((resolve) => server.close(resolve));
	});

	it('returns any status as a response, with lower-cased headers and the raw body', async () => {
		behaviour = (_req, res) => res.writeHead(429, { 'Retry-After': '3' }).end('slow down');
		expect(await transport.exchange({ method: 'POST', url, body: '{}' })).toEqual({
			kind: 'response',
			status: 429,
			headers: expect.objectContaining({ 'retry-after': '3' }),
			body: 'slow down',
		});
	});

	it('does not keep connections alive (a reset on a reused socket would be ambiguous)', async () => {
		behaviour = (req, res) => res.end(String(req.headers.connection));
		expect(await transport.exchange({ method: 'GET', url })).toMatchObject({ body: 'close' });
	});

	it('calls a reset after the request was written unknown', async () => {
		behaviour = (req) => (req.socket as Socket & { resetAndDestroy(): void }).resetAndDestroy();
		expect(await transport.exchange({ method: 'POST', url, body: 'x' })).toMatchObject({ kind: 'unknown', code: 'ECONNRESET' });
	});

	it('calls a close without an answer (socket hang up) unknown', async () => {
		behaviour = (req) => req.socket.destroy();
		const result = await transport.exchange({ method: 'POST', url, body: 'x' });
		expect(result).toMatchObject({ kind: 'unknown', code: 'ECONNRESET' });
		expect(transportFailureOutcome('Test', result as never)).toEqual({
			status: 'unknown',
			message: 'Test: ECONNRESET: socket hang up (after the request was sent); it may have been delivered, so it is not sent again',
		});
	});

	it('calls a timeout after the request was written unknown', async () => {
		behaviour = () => undefined;
		expect(await transport.exchange({ method: 'POST', url, body: 'x' }, { timeoutMs: 100 })).toEqual({
			kind: 'unknown',
			code: 'ETIMEDOUT',
			detail: 'no answer within 100 ms after the request was sent',
		});
	});

	it('calls a refused connection not sent and retryable', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		expect(await transport.exchange({ method: 'POST', url: `http://127.0.0.1:${port}/`, body: 'x' })).toMatchObject({
			kind: 'notSent',
			code: 'ECONNREFUSED',
			retryable: true,
		});
	});

	it('calls https:// on a plain-HTTP port not sent and permanent (the TLS handshake failed), though the request was queued', async () => {
		behaviour = (_req, res) => res.end('ok');
		const exchange = await transport.exchange({ method: 'POST', url: url.replace('http://', 'https://'), body: 'x' });
		expect(exchange).toMatchObject({ kind: 'notSent', code: 'EPROTO', retryable: false });
		expect(exchange.kind !== 'response' && exchange.detail).toContain('TLS connection could not be set up (wrong version number)');
	});

	// The resolver's answers are simulated, so these do not depend on the machine's DNS.
	it.each([
		['an unknown host', 'ENOTFOUND', false],
		['a resolver that is down for now', 'EAI_AGAIN', true],
	])('calls %s (%s) not sent, retryable %p', async (_case, code, retryable) => {
		const lookup = jest.spyOn(dns, 'lookup').mockImplementation(((hostname: string, _options: unknown, callback: (error: Error) => void) => {
			process.nextTick(() => callback(Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname, syscall: 'getaddrinfo' })));
		}) as unknown as typeof dns.lookup);
		try {
			expect(await transport.exchange({ method: 'GET', url: 'http://provider.example.test/' })).toMatchObject({ kind: 'notSent', code, retryable });
			expect(lookup).toHaveBeenCalledWith('provider.example.test', expect.anything(), expect.any(Function));
		} finally {
			lookup.mockRestore();
		}
	});
});

describe('HelperTransport (n8n request helper)', () => {
	it("classifies n8n 2.41's SSRF refusal as not sent and not retryable, with n8n's reason", async () => {
		// The shape of @n8n/backend-network's SsrfBlockedIpError (a UserError with a description).
		const refusal = Object.assign(new Error('The request was blocked because it resolves to a restricted IP address'), {
			name: 'SsrfBlockedIpError',
			description: "The target '169.254.169.254' is not allowed.",
		});
		const transport = new HelperTransport(async () => {
			throw refusal;
		});
		const exchange = await transport.exchange({ method: 'POST', url: 'http://169.254.169.254/hook', body: '{}' });
		expect(exchange).toEqual({
			kind: 'notSent',
			code: 'SSRF_BLOCKED',
			retryable: false,
			detail: "n8n refused the request: The request was blocked because it resolves to a restricted IP address. The target '169.254.169.254' is not allowed.",
		});
	});

	it('passes the request as n8n expects it: full response, no status errors, no redirects, text body, an abort signal', async () => {
		let seen: HelperRequestOptions | undefined;
		const transport = new HelperTransport(async (options) => {
			seen = options;
			return { statusCode: 503, headers: { 'Retry-After': '2' }, body: 'busy' };
		});
		const exchange = await transport.exchange({ method: 'POST', url: 'https://x.example/h', headers: { A: 'b' }, body: 'x', auth: { username: 'u', password: 'p' } });
		expect(exchange).toEqual({ kind: 'response', status: 503, headers: { 'retry-after': '2' }, body: 'busy' });
		expect(seen).toMatchObject({
			method: 'POST',
			url: 'https://x.example/h',
			headers: { A: 'b' },
			body: 'x',
			auth: { username: 'u', password: 'p' },
			disableFollowRedirect: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
			json: false,
			encoding: 'text',
		});
		expect(seen?.abortSignal).toBeInstanceOf(AbortSignal);
	});
});
