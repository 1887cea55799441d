/**
 * Fault injection shared by every loopback provider. A fault replaces the provider's normal handling of
 * one request; what it looks like on the wire is provider-specific (WeCom's rate limit is HTTP 200 with
 * errcode 45009, Twilio's is HTTP 429 with code 20429).
 */
import { seededRandom } from '../random';

export type Fault =
	/**
	 * The provider's documented rate-limit answer; `retryAfterSeconds` sets its wait header where the provider
	 * sends one (Retry-After; Feishu's gateway: x-ogw-ratelimit-reset).
	 */
	| { kind: 'rateLimit'; retryAfterSeconds?: number }
	/** An HTTP 5xx (or SMTP 4xx transient) answer. */
	| { kind: 'serverError'; status?: number }
	/** A documented provider error code in the provider's own error shape (e.g. 93000, 'isv.MOBILE_NUMBER_ILLEGAL', 21610, 'no_service', 550). */
	| { kind: 'providerError'; code: string | number }
	/** Handle the request normally (a success counts as a delivery), then answer only after `delayMs`. */
	| { kind: 'slow'; delayMs: number }
	/**
	 * Read the request, then end the connection without answering: with a TCP reset (default) or a plain
	 * close (FIN). With `delivered: true` the message counts as delivered first (the ambiguous case a
	 * client must treat as unknown).
	 */
	| { kind: 'drop'; delivered?: boolean; how?: 'reset' | 'close' }
	/** Any raw HTTP answer (HTTP providers only). */
	| { kind: 'raw'; status: number; body: string; headers?: Record<string, string> };

/** Probabilities (0..1) of each fault per request, drawn from a seeded generator so runs repeat exactly. */
export interface RandomFaults {
	seed: number;
	rateLimit?: number;
	retryAfterSeconds?: number;
	serverError?: number;
	slow?: number;
	slowMs?: number;
	/** Dropped before the provider acts: nothing delivered. */
	drop?: number;
	/** Dropped after the provider acted: delivered, but the client never hears so. */
	dropDelivered?: number;
}

/** Picks the fault for the next request: the hook first, then the one-shot queue, then the random mix. */
export class FaultInjector<Request> {
	private readonly queue: Fault[] = [];
	private random: RandomFaults | undefined;
	private nextRandom: () => number = () => 1;
	private hook: ((request: Request) => Fault | undefined) | undefined;

	/** Faults for the next requests, one each, in order. */
	inject(...faults: Fault[]): void {
		this.queue.push(...faults);
	}

	setRandom(random: RandomFaults | undefined): void {
		this.random = random;
		this.nextRandom = random ? seededRandom(random.seed) : () => 1;
	}

	/** Decide per request (e.g. "the first attempt for +15550001111 gets a 429"); return undefined for normal handling. */
	setHook(hook: ((request: Request) => Fault | undefined) | undefined): void {
		this.hook = hook;
	}

	clear(): void {
		this.queue.length = 0;
		this.setRandom(undefined);
		this.hook = undefined;
	}

	next(request: Request): Fault | undefined {
		const hooked = this.hook?.(request);
		if (hooked) return hooked;
		const queued = this.queue.shift();
		if (queued) return queued;
		const r = this.random;
		if (!r) return undefined;
		let draw = this.nextRandom();
		const pick = (p: number | undefined): boolean => {
			if (!p) return false;
			if (draw < p) return true;
			draw -= p;
			return false;
		};
		if (pick(r.rateLimit)) return { kind: 'rateLimit', retryAfterSeconds: r.retryAfterSeconds };
		if (pick(r.serverError)) return { kind: 'serverError' };
		if (pick(r.slow)) return { kind: 'slow', delayMs: r.slowMs ?? 2_000 };
		if (pick(r.drop)) return { kind: 'drop', delivered: false };
		if (pick(r.dropDelivered)) return { kind: 'drop', delivered: true };
		return undefined;
	}
}
