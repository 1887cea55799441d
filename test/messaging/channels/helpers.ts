import { createChannel } from '../../../nodes/shared/messaging/channels';
import type { ChannelKind } from '../../../nodes/shared/messaging/channels/registry';
import type { Channel, OutgoingMessage, SendOutcome } from '../../../nodes/shared/messaging/channels/types';
import type { ProviderServer } from '../../helpers/providers';

let counter = 0;

export function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
	counter += 1;
	return { to: '', text: `Care message ${counter}`, idempotencyKey: `cust-${counter}|birthday|test|2025`, ...overrides };
}

/** Every secret that appears anywhere in the serialised values (outcomes, errors, thrown messages). */
export function leakedSecrets(values: unknown[], secrets: string[]): string[] {
	const text = values.map((v) => (v instanceof Error ? `${v.name}: ${v.message}\n${v.stack ?? ''}` : JSON.stringify(v))).join('\n');
	return secrets.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
}

export function expectFailed(outcome: SendOutcome): Extract<SendOutcome, { status: 'failed' }> {
	if (outcome.status !== 'failed') throw new Error(`expected a failed outcome, got ${JSON.stringify(outcome)}`);
	return outcome;
}

/**
 * The hooks every channel suite needs: a loopback provider server and a channel pointed at it, the
 * server's records reset after each test, and at the end a check that no outcome leaked a secret.
 * `send` records each outcome for that check; push other values to `outcomes` to have them checked too.
 */
export function channelFixture<S extends ProviderServer<any>>(kind: ChannelKind, startServer: () => Promise<S>) {
	const fixture = {
		server: undefined as unknown as S,
		channel: undefined as unknown as Channel,
		outcomes: [] as unknown[],
		send: async (...args: Parameters<Channel['send']>) => {
			const outcome = await fixture.channel.send(...args);
			fixture.outcomes.push(outcome);
			return outcome;
		},
	};
	beforeAll(async () => {
		fixture.server = await startServer();
		fixture.channel = createChannel(kind, fixture.server.credentials);
	});
	afterEach(() => fixture.server.reset());
	afterAll(async () => {
		expect(leakedSecrets(fixture.outcomes, fixture.server.secrets)).toEqual([]);
		await fixture.channel.close?.();
		await fixture.server.close();
	});
	return fixture;
}

/** Ways a provider, proxy or library may show a secret back: re-encoded, re-cased (a secret of 12 characters or more), escaped, wrapped, cut. */
export const ECHO_FORMS: Record<string, (secret: string) => string> = {
	upper: (s) => s.toUpperCase(),
	lower: (s) => s.toLowerCase(),
	hex: (s) => Buffer.from(s).toString('hex'),
	hexUpper: (s) => Buffer.from(s).toString('hex').toUpperCase(),
	jsonEveryChar: (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
	jsonAsciiOnly: (s) => JSON.stringify(s).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`),
	phpJson: (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/'),
	percentLowerHex: (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
	percentEveryByte: (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
	htmlDecimal: (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join(''),
	htmlHexUpper: (s) => [...s].map((c) => `&#X${c.codePointAt(0)!.toString(16).toUpperCase()};`).join(''),
	jsonInsidePercent: (s) => encodeURIComponent(JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/')),
	threeLines: (s) => `${s.slice(0, 5)}\n${s.slice(5, -5)}\r\n  ${s.slice(-5)}`,
	jsonThreeLines: (s) => `${s.slice(0, 5)}\\n${s.slice(5, -5)}\\n${s.slice(-5)}`,
	middleOnly: (s) => s.slice(3, -3),
	cutAndWrapped: (s) => `${s.slice(0, 6)}\n${s.slice(6, 12)}`,
	// The second audit. base64url and triple URL-encoding were already hidden; each of the others was left
	// whole or in part before textViews.ts read it (and secretForms.ts had UTF-16LE base64).
	base64url: (s) => Buffer.from(s).toString('base64url'),
	utf16leBase64: (s) => Buffer.from(s, 'utf16le').toString('base64'),
	cEveryByte: (s) => [...Buffer.from(s)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join(''),
	pythonBytes: (s) => [...Buffer.from(s)].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16)}`)).join(''),
	pythonTextLatin1: (s) => [...s].map((c) => (c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16)}` : c)).join(''),
	octalEveryByte: (s) => [...Buffer.from(s)].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join(''),
	es6EveryChar: (s) => [...s].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join(''),
	pythonWide: (s) => [...s].map((c) => `\\U${c.codePointAt(0)!.toString(16).padStart(8, '0')}`).join(''),
	quotedPrintableFolded: (s) => {
		const qp = (t: string) => [...Buffer.from(t)].map((b) => (b === 0x3d || b >= 0x7f ? `=${b.toString(16).toUpperCase()}` : String.fromCharCode(b))).join('');
		return `${qp(s.slice(0, 5))}=\r\n${qp(s.slice(5))}`;
	},
	htmlNamed: (s) => s.replace(/[/+=_\-äö]/g, (c) => `&${{ '/': 'sol', '+': 'plus', '=': 'equals', _: 'lowbar', '-': 'hyphen', ä: 'auml', ö: 'ouml' }[c]};`),
	jsEscape: (s) => escape(s),
	urlThreeTimes: (s) => encodeURIComponent(encodeURIComponent(encodeURIComponent(s))),
	// Layered: base64 percent-encoded (%2B, %2F, %3D), as a signed URL's query carries it, was hidden already;
	// hex of base64, as a hex dump of a request shows an Authorization header, was not.
	percentOfBase64: (s) => encodeURIComponent(Buffer.from(s).toString('base64')),
	hexOfBase64: (s) => Buffer.from(Buffer.from(s).toString('base64')).toString('hex'),
	hexOfBase64Upper: (s) => Buffer.from(Buffer.from(s).toString('base64')).toString('hex').toUpperCase(),
};
