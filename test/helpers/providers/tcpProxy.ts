import net from 'node:net';

export interface TcpProxy {
	port: number;
	/**
	 * From the first client bytes containing `trigger` (any case) on, every reply of the server is swallowed: the
	 * command reaches the server and takes effect, its answer never comes back (a lost reply).
	 */
	loseRepliesFrom(trigger: string): void;
	/** As loseRepliesFrom, and nothing more reaches the server either (a partition right after the command). */
	partitionAfter(trigger: string): void;
	/** Replies flow again (for connections opened from now on). */
	heal(): void;
	close(): Promise<void>;
}

/** A TCP proxy in front of a real service (Redis, PostgreSQL) that can lose the server's replies. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
	let trigger: string | undefined;
	let losing = false;
	let partition = false;
	let cut = false;
	const sockets = new Set<net.Socket>();
	const server = net.createServer((client) => {
		const upstream = net.connect(target.port, target.host);
		for (const s of [client, upstream]) {
			sockets.add(s);
			s.on('close', () => sockets.delete(s));
			s.on('error', () => s.destroy());
		}
		client.on('data', (chunk: Buffer) => {
			if (cut) return;
			if (trigger !== undefined && chunk.toString('latin1').toLowerCase().includes(trigger.toLowerCase())) {
				losing = true;
				cut = partition;
			}
			upstream.write(chunk);
		});
		upstream.on('data', (chunk: Buffer) => {
			if (!losing) client.write(chunk);
		});
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as net.AddressInfo).port,
		loseRepliesFrom(text) {
			trigger = text;
		},
		partitionAfter(text) {
			trigger = text;
			partition = true;
		},
		heal() {
			trigger = undefined;
			losing = false;
			partition = false;
			cut = false;
			for (const s of sockets) s.destroy();
		},
		close: async () => {
			for (const s of sockets) s.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}
