import { createChannel, credentialSecrets, Redactor } from '../../../nodes/shared/messaging/channels';
import type { ChannelKind } from '../../../nodes/shared/messaging/channels/registry';
import { startProviderServer, startSmtpServer, startWebhookServer, type AnyProviderServer } from '../../helpers/providers';
import { ECHO_FORMS, leakedSecrets, message } from './helpers';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Every stretch of 8 or more characters of a secret that shows in the text. */
function partialLeaks(text: string, secret: string, shortest = 8): string[] {
	const found: string[] = [];
	for (let i = 0; i + shortest <= secret.length; i++) if (text.includes(secret.slice(i, i + shortest))) found.push(secret.slice(i, i + shortest));
	return found;
}

describe('Redactor: derived forms', () => {
	it('hides base64 of a credential pair as sent in Basic auth, and base64 of a secret at every alignment', () => {
		const redactor = Redactor.forCredentials({ accountSid: 'AC0123456789abcdef', authToken: 'tok3n-Value-987654' });
		const basic = `Authorization: Basic ${b64('AC0123456789abcdef:tok3n-Value-987654')}`;
		expect(redactor.redact(basic)).not.toContain(b64('AC0123456789abcdef:tok3n-Value-987654'));
		for (const prefix of ['', 'x', 'xy', 'user=me;']) {
			const encoded = b64(`${prefix}tok3n-Value-987654 trailing`);
			const out = redactor.redact(`echo ${encoded}`);
			expect(out).toContain('***');
			expect(partialLeaks(out, encoded.slice(4, -8), 12)).toEqual([]);
		}
	});

	it('hides hex of the base64 of a secret or a pair, in either case and inside a longer dump', () => {
		const redactor = Redactor.forCredentials({ accountSid: 'AC0123456789abcdef', authToken: 'tok3n-Value-987654', password: 'pw1' , user: 'mailer' });
		const hex = (text: string) => Buffer.from(text).toString('hex');
		for (const prefix of ['', 'x', 'xy']) {
			for (const layered of [hex(b64(`${prefix}tok3n-Value-987654 and more`)), hex(`Basic ${b64('AC0123456789abcdef:tok3n-Value-987654')}`), hex(`AUTH PLAIN ${b64('\0mailer\0pw1')}`)]) {
				for (const shown of [layered, layered.toUpperCase()]) {
					const out = redactor.redact(`dump ${shown} end`);
					expect(out).toContain('***');
					expect(partialLeaks(out.toLowerCase(), layered.slice(prefix === '' ? 0 : 8, -16), 24)).toEqual([]);
				}
			}
		}
	});

	it('hides AUTH PLAIN base64(\\0user\\0password) even for a password under four characters', () => {
		for (const password of ['p', 'pw', 'pw1', 'pass1234']) {
			const redactor = Redactor.forCredentials({ user: 'mailer', password });
			const plain = b64(`\0mailer\0${password}`);
			expect(redactor.redact(`535 5.7.8 AUTH PLAIN ${plain} rejected`)).toBe('535 5.7.8 AUTH PLAIN *** rejected');
			expect(redactor.redact(`Basic ${b64(`mailer:${password}`)}`)).toBe('Basic ***');
		}
	});

	it('hides a short secret where it stands as a value, leaving the same letters in ordinary words', () => {
		const redactor = Redactor.forCredentials({ password: 'the' });
		expect(redactor.redact('login failed: password=the')).toBe('login failed: password=***');
		expect(redactor.redact('{"pwd": "the"}')).toBe('{"pwd": "***"}');
		expect(redactor.redact('the customer left the store')).toBe('the customer left the store');
	});

	it("hides a short secret's hex and base64 only where they stand as a value, leaving amounts and phone numbers", () => {
		for (const [password, text] of [
			['ab', 'Order 6162, total 616263'],
			['abc', 'Call 13616263000 about YWJj'],
			['12', 'Invoice 3132 paid, MTI= noted'],
			['A1', 'Room 4131 at 41:31'],
		]) {
			const redactor = Redactor.forCredentials({ password });
			expect(redactor.redact(text)).toBe(text);
			const hex = Buffer.from(password).toString('hex');
			expect(redactor.redact(`login failed: password=${hex}`)).toBe('login failed: password=***');
		}
	});

	it('hides the query, fragment and token-like path values of a webhook URL, and each alone', () => {
		const redactor = Redactor.forCredentials({ url: 'https://hooks.example.com/hook/a1b2c3d4e5?token=tok_live_9f8e7d&x=ab#sig=s3cr3tsig' });
		const echoes = [
			'403 forbidden: POST /hook/a1b2c3d4e5?token=tok_live_9f8e7d&x=ab',
			'bad token tok_live_9f8e7d',
			'bad token tok_live_9f8e7d'.replace('tok_live_9f8e7d', encodeURIComponent('tok_live_9f8e7d')),
			'path a1b2c3d4e5 unknown',
			'signature s3cr3tsig expired',
		];
		for (const echo of echoes) {
			const out = redactor.redact(echo);
			expect(out).toContain('***');
			expect(leakedSecrets([out], ['tok_live_9f8e7d', 'a1b2c3d4e5', 's3cr3tsig'])).toEqual([]);
		}
		expect(redactor.redact('x=ab&y=1')).toBe('x=***&y=1');
		// The host and an ordinary path word stay readable.
		expect(redactor.redact('POST https://hooks.example.com/hook failed')).toBe('POST https://hooks.example.com/hook failed');
	});

	it('hides a long secret whose provider cut it, before or after the cut', () => {
		const key = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
		const redactor = new Redactor([key]);
		for (const cut of [8, 12, 23, 30]) {
			expect(redactor.redact(`invalid key ${key.slice(0, cut)}…`)).toBe('invalid key ***…');
			expect(redactor.redact(`invalid key …${key.slice(-cut)}`)).toBe('invalid key …***');
		}
	});

	it('is the node-level pass too: credentials of several kinds at once, no length floor of six', () => {
		const secrets = credentialSecrets(
			{ webhookUrl: 'https://hooks.slack.com/services/T0/B0/XYZsecret', port: 465, host: 'smtp.example.cn', user: 'mailer' },
			{ password: 'pa5!', accessKeySecret: 'ak-secret-1', signName: 'Acme Shop' },
		);
		const redactor = new Redactor(secrets);
		expect(redactor.redact('POST https://hooks.slack.com/services/T0/B0/XYZsecret failed')).toBe('POST *** failed');
		expect(redactor.redact('mailer@smtp.example.cn rejected pa5!')).toBe('mailer@smtp.example.cn rejected ***');
		expect(redactor.redact('signed 【Acme Shop】')).toBe('signed 【Acme Shop】');
	});
});

describe('Redactor: a secret inside a longer base64 blob, normalized, or read as Latin-1', () => {
	/** The base64 / base64url runs of a text decoded from each of the four places a group can start. */
	const decodedRuns = (text: string) =>
		(text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []).flatMap((run) =>
			[0, 1, 2, 3].map((skip) => Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1')),
		);

	it('hides a password of any length in a base64 or base64url blob at every byte alignment', () => {
		for (const password of ['pw1', 'abc1', 'ab12cd', 'x9Kq2!z', 'pw12345z', 'Pässwort1']) {
			const redactor = Redactor.forCredentials({ user: 'mailer', password });
			const bytes = Buffer.from(password, 'utf8').toString('latin1');
			for (const pad of ['', 'x', 'xy']) {
				const body = Buffer.from(`${pad}{"user":"mailer","password":"${password}","note":"sent from the care desk"}`);
				for (const blob of [body.toString('base64'), body.toString('base64url')]) {
					const out = redactor.redact(`debug: ${blob} end`);
					expect(out).toContain('***');
					expect(out).toMatch(/^debug: .+ end$/);
					expect(decodedRuns(out).filter((text) => text.includes(bytes))).toEqual([]);
				}
			}
		}
	});

	it('hides a secret inside base64 that holds it JSON- or URL-escaped', () => {
		const redactor = Redactor.forCredentials({ password: 'pä/ss"9' });
		for (const inner of [JSON.stringify({ password: 'pä/ss"9' }), `password=${encodeURIComponent('pä/ss"9')}&x=1`]) {
			const out = redactor.redact(`echo ${Buffer.from(`{"a":1} ${inner}`).toString('base64')}`);
			expect(out).toContain('***');
		}
	});

	it('hides a secret sent back in the other Unicode normalization, or as its UTF-8 bytes read as Latin-1', () => {
		const password = 'Pässwort-Ünïcode9';
		const redactor = Redactor.forCredentials({ password });
		for (const echoed of [password.normalize('NFD'), password.normalize('NFC'), Buffer.from(password, 'utf8').toString('latin1')]) {
			expect(redactor.redact(`login failed for ${echoed}.`)).toBe('login failed for ***.');
		}
		const decomposed = Redactor.forCredentials({ password: password.normalize('NFD') });
		expect(decomposed.redact(`login failed for ${password.normalize('NFC')}.`)).toBe('login failed for ***.');
	});

	it('hides a secret in a byte dump: hex bytes apart, a Buffer as Node shows it or as JSON, lower-case quoted-printable', () => {
		const password = 'Tok3n-Value-9876';
		const redactor = Redactor.forCredentials({ user: 'mailer', password });
		const bytes = [...Buffer.from(password)];
		const hex = Buffer.from(password).toString('hex');
		const dumps = [
			hex.replace(/(..)(?!$)/g, '$1 '),
			hex.toUpperCase().replace(/(..)(?!$)/g, '$1:'),
			hex.replace(/(....)(?!$)/g, '$1 '),
			`<Buffer ${hex.replace(/(..)(?!$)/g, '$1 ')}>`,
			bytes.map((b) => `0x${b.toString(16)}`).join(', '),
			JSON.stringify(Buffer.from(`{"password":"${password}"}`)),
			bytes.map((b) => `=${b.toString(16)}`).join(''),
		];
		for (const dump of dumps) {
			const out = redactor.redact(`request: ${dump} end`);
			expect(out).toContain('***');
			for (let i = 0; i + 8 <= bytes.length; i++) {
				const piece = bytes.slice(i, i + 8);
				expect(out.toLowerCase()).not.toContain(piece.map((b) => b.toString(16)).join(' '));
				expect(out).not.toContain(piece.join(','));
			}
		}
	});

	it('leaves ordinary long words and identifiers readable', () => {
		const redactor = Redactor.forCredentials({ password: 'ab12cd', authToken: 'tok3n-Value-987654' });
		const text = 'Customer_relationship_management order ORD-2026-000123456 confirmed 2026-03-08 10:30, call 138 0013 8000, items 12,34,56,78';
		expect(redactor.redact(text)).toBe(text);
	});
});

describe('Redactor: a secret re-encoded, re-cased, escaped, wrapped or cut', () => {
	const secrets = ['Sk8/tok+en=Secret99', 'pässwört-Geheim-1', 'SEC7f3a9c0d12e4b5a6f7089c1d2e3f4a5b', 'tw-9XbQ_2kLm-Pq7rS'];

	it.each(Object.entries(ECHO_FORMS))('%s', (_name, form) => {
		const redactor = Redactor.forCredentials({ password: secrets[0], user: 'mailer' }, { secret: secrets[1], accessKeySecret: secrets[2], authToken: secrets[3] });
		for (const secret of secrets) {
			const out = redactor.redact(`denied: ${form(secret)} (end)`);
			expect(out).toBe('denied: *** (end)');
		}
	});

	it('base64 of a longer text, wrapped every 20 characters: no stretch of the secret decodes from what is left', () => {
		const redactor = Redactor.forCredentials({ secret: secrets[1], accessKeySecret: secrets[2], authToken: secrets[3] });
		for (const secret of secrets.slice(1)) {
			for (const before of ['From: ', 'From: a longer line of other text, ', 'x']) {
				const wrapped = Buffer.from(`${before}${secret} and after`).toString('base64').replace(/(.{20})/g, '$1\r\n');
				const out = redactor.redact(wrapped);
				expect(out).toContain('***');
				const left = Buffer.from(out.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('latin1');
				expect(partialLeaks(left, Buffer.from(secret).toString('latin1'))).toEqual([]);
			}
		}
	});

	it('a secret of 4 to 11 characters too, whole as written, in hex of either case or in any escape', () => {
		for (const secret of ['pa5!', 'Hunter2/x']) {
			const redactor = Redactor.forCredentials({ password: secret });
			for (const name of ['hex', 'hexUpper', 'jsonEveryChar', 'percentEveryByte', 'htmlDecimal', 'htmlHexUpper', 'phpJson']) {
				expect(redactor.redact(`denied: ${ECHO_FORMS[name](secret)} (end)`)).toBe('denied: *** (end)');
			}
		}
	});

	// Case is ignored only for whole forms of 12 characters or more: a short password, or a piece of a long
	// one, in another case is ordinary text (a customer's name, a word of the message), not the secret.
	it.each([
		['anna', 'Hi Anna, your order ANNA-1 has shipped', 'Hi Anna, your order ANNA-1 has shipped'],
		['CustomerCare2024', 'Thank you from customer care, CUSTOMER service', 'Thank you from customer care, CUSTOMER service'],
		['CustomerCare2024', 'login CUSTOMERCARE2024 refused', 'login *** refused'],
		['anna', 'login anna refused', 'login *** refused'],
	])('password %p: %p reads %p', (password, text, expected) => {
		expect(Redactor.forCredentials({ password }).redact(text)).toBe(expected);
	});

	it('a secret of 9 to 11 characters cut to 8, at either end or in the middle', () => {
		for (const secret of ['Hunter2pass', 'pw-9x7q!z', 'мойпароль1']) {
			const redactor = Redactor.forCredentials({ password: secret });
			for (const cut of [secret.slice(0, 8), secret.slice(-8), secret.slice(1, 9)]) {
				expect(redactor.redact(`535 login failed for "${cut}…"`)).toBe('535 login failed for "***…"');
			}
		}
	});

	it('leaves escapes, line breaks and case that hold no secret as they were', () => {
		const redactor = Redactor.forCredentials({ password: 'Sk8/tok+en=Secret99' });
		const text = 'Line one\r\n  line two: 100% of \\u00e4 &amp; %41 &#x41; \\/ ok';
		expect(redactor.redact(text)).toBe(text);
	});
});

const HTTP_KINDS: ChannelKind[] = ['wecom', 'dingtalk', 'feishu', 'slack', 'webhook', 'twilioSms', 'aliyunSms'];

/** A provider error reply (in the provider's own shape) carrying `text` as its message. */
function errorReply(kind: ChannelKind, text: string): { status: number; body: string } {
	switch (kind) {
		case 'wecom':
		case 'dingtalk':
			return { status: 200, body: JSON.stringify({ errcode: 40001, errmsg: text }) };
		case 'feishu':
			return { status: 200, body: JSON.stringify({ code: 19001, msg: text }) };
		case 'twilioSms':
			return { status: 400, body: JSON.stringify({ code: 21211, message: text, status: 400 }) };
		case 'aliyunSms':
			return { status: 200, body: JSON.stringify({ Code: 'isv.INVALID_PARAMETERS', Message: text }) };
		default:
			return { status: 403, body: text };
	}
}

function messageFor(kind: ChannelKind) {
	if (kind === 'twilioSms') return message({ to: '+14155550123' });
	if (kind === 'aliyunSms') return message({ to: '+8613800138000', templateCode: 'SMS_000001', templateParams: { name: 'A' } });
	return message();
}

describe.each(HTTP_KINDS.map((kind) => [kind]))('%s: a secret straddling the 300-character cut of an error text', (kind) => {
	let server: AnyProviderServer;
	beforeAll(async () => {
		server = await startProviderServer(kind);
	});
	afterAll(async () => server.close());

	it('leaves no part of it in the outcome, wherever it starts around the cut', async () => {
		const channel = createChannel(kind, server.credentials);
		const outcomes: unknown[] = [];
		for (const secret of server.secrets) {
			for (const before of [300 - 23, 300 - 12, 300 - 8, 299, 300 - secret.length + 4]) {
				const text = `${'x'.repeat(Math.max(0, before))}${secret} tail`;
				server.faults.inject({ kind: 'raw', ...errorReply(kind, text) });
				const outcome = await channel.send(messageFor(kind), { timeoutMs: 2_000 });
				expect(outcome.status).toBe('failed');
				outcomes.push(outcome);
				expect(partialLeaks(JSON.stringify(outcome), secret)).toEqual([]);
			}
		}
		expect(leakedSecrets(outcomes, server.secrets)).toEqual([]);
		await channel.close?.();
	});
});

describe('derived forms through the channels', () => {
	it('Twilio: an error echoing Authorization: Basic base64(sid:token) shows neither', async () => {
		const server = await startProviderServer('twilioSms');
		const { accountSid, authToken } = server.credentials as { accountSid: string; authToken: string };
		const basic = b64(`${accountSid}:${authToken}`);
		server.faults.inject({ kind: 'raw', status: 401, body: JSON.stringify({ code: 20003, message: `Authenticate: got Authorization: Basic ${basic}` }) });
		const channel = createChannel('twilioSms', server.credentials);
		const outcome = await channel.send(messageFor('twilioSms'), { timeoutMs: 2_000 });
		await channel.close?.();
		await server.close();
		expect(JSON.stringify(outcome)).not.toContain(basic.slice(0, 16));
		expect(JSON.stringify(outcome)).toContain('Basic ***');
	});

	// A provider or proxy that dumps the request it refused in hex shows the Basic header as hex of
	// base64(sid:token): two layers, each hidden alone before, not together.
	it('Twilio: an error dumping the request in hex shows no hex of Authorization: Basic base64(sid:token)', async () => {
		const server = await startProviderServer('twilioSms');
		const { accountSid, authToken } = server.credentials as { accountSid: string; authToken: string };
		const dump = Buffer.from(`POST /2010-04-01/Accounts/x/Messages.json HTTP/1.1\r\nAuthorization: Basic ${b64(`${accountSid}:${authToken}`)}\r\n`).toString('hex');
		const basicHex = Buffer.from(b64(`${accountSid}:${authToken}`)).toString('hex');
		server.faults.inject({ kind: 'raw', status: 400, body: JSON.stringify({ code: 21601, message: `Bad request, raw: ${dump}` }) });
		const channel = createChannel('twilioSms', server.credentials);
		const outcome = await channel.send(messageFor('twilioSms'), { timeoutMs: 2_000 });
		await channel.close?.();
		await server.close();
		expect(outcome).toMatchObject({ status: 'failed', providerCode: '21601' });
		expect(JSON.stringify(outcome)).toContain('***');
		expect(partialLeaks(JSON.stringify(outcome), basicHex, 16)).toEqual([]);
	});

	// Aliyun's SignatureDoesNotMatch shows the server's string to sign, which holds AccessKeyId (the loopback
	// does the same). Without redaction the outcome shows it: this test fails with Redactor.redact disabled.
	it("Aliyun: a wrong AccessKey secret's SignatureDoesNotMatch echoing the string to sign shows no AccessKeyId", async () => {
		const server = await startProviderServer('aliyunSms');
		const { accessKeyId } = server.credentials as { accessKeyId: string };
		const channel = createChannel('aliyunSms', { ...server.credentials, accessKeySecret: 'not-the-secret-at-all' });
		const outcome = await channel.send(messageFor('aliyunSms'), { timeoutMs: 2_000 });
		await channel.close?.();
		await server.close();
		expect(outcome).toMatchObject({ status: 'failed', providerCode: 'SignatureDoesNotMatch' });
		const shown = JSON.stringify(outcome);
		expect(shown).toContain('server string to sign is:GET&%2F&AccessKeyId%3D***%26');
		expect(shown).not.toContain(accessKeyId);
		expect(shown).not.toContain('not-the-secret-at-all');
	});

	it('SMTP: a 535 echoing AUTH PLAIN base64(\\0user\\0password), in a send and in the credential test', async () => {
		for (const password of ['pw1', 'a-longer-password-99']) {
			const server = await startSmtpServer({ password: 'the-right-one', echoAuthPlainInErrors: true });
			const credentials = { ...server.credentials, password };
			const plain = b64(`\0${String((credentials as Record<string, unknown>).user)}\0${password}`);
			const channel = createChannel('smtp', credentials);
			const outcome = await channel.send(message({ to: 'ann@example.com', subject: 's' }), { timeoutMs: 2_000 });
			await channel.close?.();
			const { verifySmtpCredentials } = await import('../../../nodes/shared/messaging/channels');
			const verified = await verifySmtpCredentials(credentials);
			await server.close();
			expect(outcome.status).toBe('failed');
			expect(verified.ok).toBe(false);
			for (const value of [outcome, verified]) {
				expect(JSON.stringify(value)).not.toContain(plain.replace(/=+$/, ''));
				expect(JSON.stringify(value)).toContain('AUTH PLAIN ***');
			}
		}
	});

	it('webhook: a URL with user-info; an echo of the Basic header it became, or of the password, shows neither', async () => {
		const server = await startWebhookServer();
		const url = String(server.credentials.url).replace('://', '://hook-user:h0ok%2Fpass-99@');
		const basic = b64('hook-user:h0ok/pass-99');
		for (const echo of [`Authorization: Basic ${basic}`, 'password h0ok/pass-99 refused', 'password h0ok%2Fpass-99 refused']) {
			server.faults.inject({ kind: 'raw', status: 401, body: echo });
			const channel = createChannel('webhook', { ...server.credentials, url });
			const outcome = await channel.send(message(), { timeoutMs: 2_000 });
			await channel.close?.();
			expect(outcome.status).toBe('failed');
			expect(JSON.stringify(outcome)).toContain('***');
			for (const shown of [basic.slice(0, 12), 'h0ok/pass', 'h0ok%2Fpass']) expect(JSON.stringify(outcome)).not.toContain(shown);
		}
		await server.close();
	});

	it('webhook: a URL whose query carries the token, echoed back as the request line', async () => {
		const server = await startWebhookServer();
		const url = `${String(server.credentials.url)}?token=tok_7Hq2x9`;
		server.faults.inject({ kind: 'raw', status: 403, body: '403 forbidden: POST /care-hook?token=tok_7Hq2x9' });
		const channel = createChannel('webhook', { ...server.credentials, url });
		const outcome = await channel.send(message(), { timeoutMs: 2_000 });
		await channel.close?.();
		await server.close();
		expect(outcome.status).toBe('failed');
		expect(JSON.stringify(outcome)).not.toContain('tok_7Hq2x9');
	});
});

describe('Redactor: a secret cut over the lines of a reply', () => {
	const secret = 'Xk9vQ2mPz7LwRt4sHb6N';
	const redactor = new Redactor([secret]);
	const cut = (prefix: (i: number) => string) => (secret.match(/.{1,7}/g) as string[]).map((p, i) => `${prefix(i)}${p}`).join('\r\n');

	it.each([
		['SMTP multi-line reply', cut((i) => (i < 2 ? '535-5.7.8 ' : '535 5.7.8 '))],
		['SMTP reply without enhanced status', cut(() => '550-')],
		['quoted reply', cut(() => '> ')],
		['quoted twice, indented', cut(() => '  > > ')],
	])('%s: no piece shows', (_name, text) => {
		const shown = redactor.redact(text);
		expect(shown).toContain('***');
		for (const piece of secret.match(/.{1,7}/g) as string[]) expect(shown).not.toContain(piece);
	});

	it('a wrapped secret that goes on with a reply-code look-alike is still hidden', () => {
		const wrapped = new Redactor(['abcdefgh123-xyzuvw']);
		expect(wrapped.redact('token abcdefgh\n123-xyzuvw end')).toBe('token *** end');
	});
});
