import net, { type AddressInfo } from 'node:net';
import { NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { runCare } from './helpers/run';

const USER = 'care@example.cn';
const PASSWORD = 'Xk9vQ2mPz7LwRt4sHb6N';
const AUTH_PLAIN = Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64');

/** Pieces of at most 7 characters: each shorter than the 8 in a row that are hidden wherever they stand. */
const pieces = (text: string) => text.match(/.{1,7}/g) as string[];

/**
 * An SMTP server that refuses the login with a multi-line 535 reply echoing what it got, cut over the
 * reply's lines (each starting with the code and enhanced status).
 */
async function echoingServer(lines: (echoed: string[]) => string): Promise<{ port: number; close: () => Promise<void> }> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.write('220 echo.test ESMTP\r\n');
		let buffer = '';
		socket.on('data', (chunk: Buffer) => {
			buffer += chunk.toString('utf8');
			let end: number;
			while ((end = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const verb = line.split(' ')[0].toUpperCase();
				if (verb === 'EHLO') socket.write('250-echo.test\r\n250 AUTH PLAIN\r\n');
				else if (verb === 'AUTH') socket.write(lines(pieces(line.split(' ')[2] ?? '')));
				else if (verb === 'QUIT') socket.end('221 bye\r\n');
				else socket.write('502 5.5.2 not implemented\r\n');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		port: (server.address() as AddressInfo).port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

const REPLIES: Array<[string, (echoed: string[]) => string]> = [
	['the password over a multi-line reply', () => `${pieces(PASSWORD).map((p, i, all) => `535${i === all.length - 1 ? ' ' : '-'}5.7.8 ${p}`).join('\r\n')}\r\n`],
	['AUTH PLAIN over a multi-line reply', (echoed) => `${echoed.map((p, i, all) => `535${i === all.length - 1 ? ' ' : '-'}${p}`).join('\r\n')}\r\n`],
];

describe('Send Care Message: a secret cut over the lines of a provider reply shows nowhere', () => {
	it.each(REPLIES)('%s', async (_name, reply) => {
		const server = await echoingServer(reply);
		try {
			const credentials = { host: '127.0.0.1', port: server.port, secure: false, disableStartTls: true, user: USER, password: PASSWORD, fromEmail: USER };
			const items = [{ customerId: 'S1', email: 'ann@example.cn', name: 'Ann', orderId: 'O-1', timeZone: 'Asia/Shanghai' }];
			const parameters = { recipientField: 'email', options: { attemptTimeout: 5 } };
			const failed = await runCare({ kind: 'smtp', credentials }, items, parameters, { onError: 'continueRegularOutput' });
			expect(failed.care('failed')).toEqual([expect.objectContaining({ code: '535', retryable: false, message: expect.stringMatching(/^SMTP server refused AUTH with 535/) })]);
			const stopped = await runCare({ kind: 'smtp', credentials }, items, parameters);
			const shown = JSON.stringify([failed.result.run.data, stopped.result.run.data, stopped.result.error?.message, failed.result.json(NODE_UNDER_TEST, 2)]);
			expect(shown).toContain('***');
			for (const piece of [...pieces(PASSWORD), ...pieces(AUTH_PLAIN)]) expect(shown).not.toContain(piece);
		} finally {
			await server.close();
		}
	});
});
