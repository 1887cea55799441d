import { sleep, type ICredentialDataDecryptedObject, type IExecuteFunctions, type IHttpRequestOptions } from 'n8n-workflow';
import { toNodeError } from '../../common';
import { ConfigError } from '../../shared/input';
import { CHANNELS, createChannel, type Channel, type HelperRequestOptions } from '../../shared/messaging/channels';
import { LedgerError, withRedactedDetails, type Ledger } from '../../shared/messaging/ledger';
import { FAILURE_CODES, runCareBatch, systemClock, type CareResult } from '../../shared/messaging/sending';
import { LEDGER_CREDENTIAL_TYPES, openLedgerFromCredentials } from '../ledger';
import type { Pending } from '../result';
import type { RunSettings } from '../settings';

export interface SendCredentials {
	channel: ICredentialDataDecryptedObject;
	ledger: ICredentialDataDecryptedObject;
}

/** The channel's credential (none for a dry run) and the ledger's (none for the "none" ledger). */
export async function readCredentials(ctx: IExecuteFunctions, settings: RunSettings): Promise<SendCredentials> {
	const { backend } = settings.ledger;
	return {
		channel: settings.batch.dryRun ? {} : await ctx.getCredentials(CHANNELS[settings.channel].credentialType),
		ledger: backend === 'none' ? {} : await ctx.getCredentials(LEDGER_CREDENTIAL_TYPES[backend]),
	};
}

/**
 * n8n's sleep, ended early by the execution's cancel signal (n8n-workflow 2.8 has sleepWithAbort, 2.41 no
 * longer exports it; `sleep` and the signal exist in both).
 */
function sleepUntilStopped(cancel: AbortSignal | undefined): (ms: number) => Promise<void> {
	return async (ms) => {
		if (!cancel) return await sleep(ms);
		if (cancel.aborted) return;
		await new Promise<void>((resolve) => {
			const done = () => {
				cancel.removeEventListener('abort', done);
				resolve();
			};
			cancel.addEventListener('abort', done);
			void sleep(ms).then(done);
		});
	};
}

/** A ledger that cannot open: a wrong setting or credential is not worth retrying, an outage is. */
function ledgerOpenFailure(error: unknown): { code: string; retryable: boolean } {
	const configuration = error instanceof ConfigError || (error instanceof LedgerError && !error.retryable);
	return configuration ? { code: FAILURE_CODES.ledgerConfig, retryable: false } : { code: FAILURE_CODES.ledger, retryable: true };
}

/** Every pending item failed before anything was sent (continue-on-fail). */
function failAll(pending: Pending[], code: string, error: unknown, retryable: boolean): CareResult[] {
	const message = `${error instanceof Error ? error.message : String(error)}; nothing was sent`;
	return pending.map(() => ({ output: 'failed', outcome: 'notSent', code, message, retryable, attempts: 0 }));
}

/**
 * Opens the ledger and the channel, runs the batch, closes both; one result per pending item, in order.
 * What the ledger stores is redacted with `redact`, the run's redaction of every credential.
 * Without a ledger nothing is sent: the node fails, or under continue-on-fail every item fails with why.
 */
export async function sendPending(
	ctx: IExecuteFunctions,
	settings: RunSettings,
	pending: Pending[],
	credentials: SendCredentials,
	redact: (text: string) => string,
	redactError: <E>(error: E) => E,
): Promise<CareResult[]> {
	let ledger: Ledger | undefined;
	let channel: Channel | undefined;
	try {
		try {
			ledger = withRedactedDetails(await openLedgerFromCredentials(settings, credentials.ledger), redact);
		} catch (error) {
			if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), redactError(error));
			const { code, retryable } = ledgerOpenFailure(error);
			return failAll(pending, code, redactError(error), retryable);
		}
		if (!settings.batch.dryRun) {
			try {
				// n8n's request helper, so the instance's proxy and SSRF settings apply to every HTTP channel.
				const http = async (options: HelperRequestOptions) => ctx.helpers.httpRequest(options as IHttpRequestOptions);
				channel = createChannel(settings.channel, credentials.channel, { defaultTimeoutMs: settings.batch.timeoutMs, http });
			} catch (error) {
				if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), redactError(error));
				return failAll(pending, 'CHANNEL_NOT_CONFIGURED', redactError(error), false);
			}
		}
		// Stop: paced and retry waits end at once, and no message not yet under way is sent.
		const cancel = ctx.getExecutionCancelSignal();
		return await runCareBatch(
			pending.map((p) => p.candidate),
			settings.batch,
			{ ledger, channel, clock: systemClock(sleepUntilStopped(cancel), cancel), random: Math.random, cancel },
		);
	} finally {
		await Promise.allSettled([ledger?.close(), channel?.close?.()]);
	}
}
