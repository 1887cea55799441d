import type { HttpClient, HttpExchange, HttpRequestSpec } from './httpTransport';
import { redactExchange, redactOutcome } from './outcomes';
import { Redactor } from './redaction';
import type { Channel, OutgoingMessage, SendOptions, SendOutcome } from './types';

/**
 * What every HTTP channel shares: one request per message through the transport, the provider's answer
 * and the outcome read from it redacted of every value of the credential (providers and proxies echo
 * them back), and the transport closed with the channel.
 */
export abstract class HttpChannel<Config extends object> implements Channel {
	abstract readonly kind: string;
	protected readonly redactor: Redactor;

	constructor(
		protected readonly config: Config,
		protected readonly transport: HttpClient,
		/** The clock of timestamps and signatures (tests set it). */
		protected readonly now: () => number = Date.now,
	) {
		this.redactor = Redactor.forCredentials(Object.fromEntries(Object.entries(config)));
	}

	abstract send(message: OutgoingMessage, options?: SendOptions): Promise<SendOutcome>;

	/** Sends one request and reads the redacted answer with `interpret`. */
	protected async exchange(request: HttpRequestSpec, options: SendOptions, interpret: (exchange: HttpExchange) => SendOutcome): Promise<SendOutcome> {
		const exchange = redactExchange(await this.transport.exchange(request, options), this.redactor);
		return redactOutcome(interpret(exchange), this.redactor);
	}

	/** POSTs `body` as JSON to `url` (how the group robots and Slack take a message) and reads the answer with `interpret`. */
	protected postJson(url: string, body: unknown, options: SendOptions, interpret: (exchange: HttpExchange) => SendOutcome): Promise<SendOutcome> {
		return this.exchange({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, options, interpret);
	}

	async close(): Promise<void> {
		this.transport.close();
	}
}
