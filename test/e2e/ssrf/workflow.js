// The check workflows of the ssrf suite: a manual trigger, a Code node that emits the customers, and one
// Send Care Message node per target, side by side (each with its own credential), so one `n8n execute`
// exercises every channel.

/** 12:00 in Shanghai: inside the default sending hours. */
const AS_OF = '2026-03-08T04:00:00Z';

/**
 * targets: [{ node, channel, credentialType, credentialId, parameters, options }]; every node sends a
 * custom service message with the customer's order number in it, with no ledger (keys within the execution).
 */
function careWorkflow({ id, name, customers, targets }) {
	const nodes = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'customers',
			name: 'Customers',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: `return ${JSON.stringify(customers.map((json) => ({ json })))};` },
		},
	];
	const connections = {
		Start: { main: [[{ node: 'Customers', type: 'main', index: 0 }]] },
		Customers: { main: [targets.map((t) => ({ node: t.node, type: 'main', index: 0 }))] },
	};
	targets.forEach((target, i) => {
		nodes.push({
			id: `send-${i}`,
			name: target.node,
			type: 'CUSTOM.sendCareMessage',
			typeVersion: 1,
			position: [480, i * 160],
			parameters: {
				channel: target.channel,
				template: 'custom',
				purpose: 'service',
				subject: 'Order {{orderId}}',
				text: 'Hi {{name}}, order {{orderId}} has shipped.',
				...target.parameters,
				options: { asOf: AS_OF, pacing: 'off', ...target.options },
			},
			credentials: { [target.credentialType]: { id: target.credentialId, name: target.node } },
		});
	});
	return { id, name, active: false, settings: {}, nodes, connections };
}

module.exports = { careWorkflow };
