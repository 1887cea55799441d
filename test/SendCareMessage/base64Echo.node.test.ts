import type { IDataObject } from 'n8n-workflow';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { runCare } from './helpers/run';
import { strings } from './helpers/strings';

/** The texts' base64 and base64url runs decoded from each of the four places a group can start. */
function decodedBlobs(texts: string[]): string[] {
	const runs = texts.join('\n').match(/[A-Za-z0-9+/_-]{8,}/g) ?? [];
	return runs.flatMap((run) => [0, 1, 2, 3].map((skip) => Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')));
}

const item = (i: number): IDataObject => ({ customerId: `B${i}`, name: 'Ann', orderId: `O-${i}`, timeZone: 'Asia/Shanghai' });

describe('Send Care Message: a short secret inside a longer base64 blob a provider echoes shows nowhere', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	// A webhook URL's query token of 4 and 6 characters: its own base64 is too short to stand for it at
	// some of the three byte alignments a longer blob can put it at.
	it.each(['q7Zk', 'k9Qx2z'])('token %s, at every alignment, in base64 and base64url', async (token) => {
		const channel = { kind: server.kind, credentials: { ...server.credentials, url: `${String(server.credentials.url)}?token=${token}` } };
		const echoes: string[] = [];
		for (const pad of ['', 'x', 'xy']) {
			const request = Buffer.from(JSON.stringify({ pad, query: { token }, path: '/care-hook' }));
			echoes.push(request.toString('base64'), request.toString('base64url'));
		}
		for (const echo of echoes) server.faults.inject({ kind: 'raw', status: 400, body: `{"error":"bad request","request":"${echo}"}` });
		const run = await runCare(channel, echoes.map((_, i) => item(i)), { frequencyCap: 'off' }, { onError: 'continueRegularOutput' });
		expect(run.failed).toHaveLength(echoes.length);
		const texts = strings(run.result.run);
		expect(texts.join('\n')).toContain('bad request');
		expect(decodedBlobs(texts).filter((text) => text.includes(token))).toEqual([]);
		expect(texts.filter((text) => text.includes(token))).toEqual([]);
	});
});
