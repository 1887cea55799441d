import { Redactor } from '../../nodes/shared/messaging/channels';
import { MemoryLedger, withRedactedDetails, type LedgerOutcome } from '../../nodes/shared/messaging/ledger';
import { dispatch } from '../../nodes/shared/messaging/sending';
import { ScriptedChannel, message } from './helpers/fakeChannel';
import { VirtualClock, seededRandom } from './helpers/virtualClock';

const SECRET = 'whsec_Zq81kLm3Pa90xYt';

/** The "none" ledger, keeping every outcome it was asked to record, as a Redis or Postgres row would. */
class RecordingLedger extends MemoryLedger {
	readonly recorded: LedgerOutcome[] = [];
	async record(key: string, customerId: string, token: string, outcome: LedgerOutcome) {
		this.recorded.push(outcome);
		await super.record(key, customerId, token, outcome);
	}
}

const options = { concurrency: 2, retry: { maxAttempts: 1, baseDelayMs: 1000, maxDelayMs: 1000 }, budgetMs: 60_000, timeoutMs: 5_000 };
const job = (to: string) => ({ key: `k-${to}`, customerId: to, careType: 'birthday', channel: 'webhook', message: message(to, `k-${to}`) });

describe('The ledger stores no secret, whatever wrote the detail', () => {
	// A channel that throws breaks its contract (outcomes are redacted inside each channel), and deliver()
	// records the throw's message as the unknown outcome's detail. Before withRedactedDetails the row kept it.
	it('a channel that throws with the secret in its message: the unknown row says ***', async () => {
		const clock = new VirtualClock();
		const ledger = new RecordingLedger();
		const channel = new ScriptedChannel(clock, (m) =>
			m.to === 'throws' ? new Error(`socket closed after AUTH ${Buffer.from(SECRET).toString('base64')} (${SECRET})`) : { status: 'failed', retryable: false, providerCode: 'HTTP_400', message: `echo ${SECRET}` },
		);
		const redactor = Redactor.forCredentials({ signingSecret: SECRET });
		await dispatch([job('throws'), job('refused')], { channel, ledger: withRedactedDetails(ledger, (t) => redactor.redact(t)), clock, random: seededRandom() }, options);
		expect(ledger.recorded).toEqual([
			{ status: 'unknown', detail: 'The channel failed unexpectedly: socket closed after AUTH *** (***)' },
			{ status: 'failed', detail: 'HTTP_400: echo ***' },
		]);
	});

	it('keys and customer IDs are kept as given: they are the item, not a credential', async () => {
		const clock = new VirtualClock();
		const ledger = new RecordingLedger();
		const redactor = Redactor.forCredentials({ signingSecret: SECRET });
		const deps = { channel: new ScriptedChannel(clock), ledger: withRedactedDetails(ledger, (t) => redactor.redact(t)), clock, random: seededRandom() };
		await dispatch([job(SECRET)], deps, options);
		expect([...(await ledger.findClaimed([`k-${SECRET}`])).values()].map((e) => e.customerId)).toEqual([SECRET]);
	});
});
