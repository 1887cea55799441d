import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { startWebhookServer } from '../helpers/providers';
import { POSTGRES, describeWithService, uniqueName } from '../helpers/services';
import { dropPostgresTable } from '../helpers/serviceCleanup';
import { runCare } from './helpers/run';

const customers = [
	{ customerId: 'R1', name: 'Ann', orderId: 'O-1', timeZone: 'Asia/Shanghai' },
	{ customerId: 'R2', name: 'Bo', orderId: 'O-2', timeZone: 'Asia/Shanghai' },
];
const nodeCredentials = { carePostgresLedgerApi: { id: 'p', name: 'p' } };

/** Every item on Failed as LEDGER_NOT_CONFIGURED, not retryable, nothing sent; and the same reason when the node stops. */
async function expectNotConfigured(parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>, reason: RegExp) {
	const server = await startWebhookServer();
	try {
		const run = await runCare(server, customers, parameters, { credentials, nodeCredentials, onError: 'continueRegularOutput' });
		expect(run.care('failed')).toEqual(
			customers.map(() => expect.objectContaining({ code: 'LEDGER_NOT_CONFIGURED', retryable: false, outcome: 'notSent', message: expect.stringMatching(reason) })),
		);
		expect([...run.sent, ...run.skipped]).toEqual([]);
		const stopped = await runCare(server, customers, parameters, { credentials, nodeCredentials });
		expect(stopped.result.error?.message).toMatch(reason);
		expect(server.requests).toHaveLength(0);
	} finally {
		await server.close();
	}
}

function authRequest(code: number, payload = Buffer.alloc(0)): Buffer {
	const body = Buffer.concat([Buffer.from([0, 0, 0, code]), payload]);
	const head = Buffer.alloc(5);
	head.write('R', 0);
	head.writeInt32BE(body.length + 4, 1);
	return Buffer.concat([head, body]);
}

/** A PostgreSQL server that asks for SCRAM-SHA-256, as PostgreSQL 14+ does by default, and goes as far as its first message. */
async function scramServer() {
	const sockets = new Set<Socket>();
	const server = createServer((socket) => {
		sockets.add(socket);
		let step = 0;
		socket.on('error', () => undefined);
		socket.on('data', (data) => {
			if (step++ === 0) return void socket.write(authRequest(10, Buffer.from('SCRAM-SHA-256\0\0')));
			const nonce = /r=([^,]+)/.exec(data.toString('latin1'))?.[1] ?? '';
			socket.write(authRequest(11, Buffer.from(`r=${nonce}server0123456789abcdef,s=${Buffer.from('care-salt').toString('base64')},i=4096`)));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		close: () => {
			for (const socket of sockets) socket.destroy();
			return new Promise((resolve) => server.close(resolve));
		},
	};
}

describe('Send Care Message: a Postgres ledger credential without the password the server asks for', () => {
	it('is a configuration error that says so, not retryable', async () => {
		const server = await scramServer();
		try {
			const credentials = { carePostgresLedgerApi: { host: '127.0.0.1', port: server.port, database: 'care', user: 'care', password: '' } };
			await expectNotConfigured({ ledger: 'postgres', options: { postgresTable: 'care_ledger' } }, credentials, /asks for a password.*has none/);
		} finally {
			await server.close();
		}
	});
});

describeWithService('postgres')('Send Care Message: a Postgres ledger that only reads (a standby, or a read-only role)', () => {
	const saved = process.env.PGOPTIONS;
	const table = uniqueName('care_node_readonly');
	beforeAll(() => {
		// The session of a hot standby or of a role with default_transaction_read_only: every write is refused (25006).
		process.env.PGOPTIONS = '-c default_transaction_read_only=on';
	});
	afterAll(async () => {
		if (saved === undefined) delete process.env.PGOPTIONS;
		else process.env.PGOPTIONS = saved;
		await dropPostgresTable(table);
	});

	it('is a configuration error, not retryable: a rerun against the same server cannot write either', async () => {
		await expectNotConfigured({ ledger: 'postgres', options: { postgresTable: table } }, { carePostgresLedgerApi: { ...POSTGRES } }, /read-only/);
	});
});
