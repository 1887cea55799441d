const { resolve } = require('path');

/**
 * N8N_PACKAGES_FROM=<a node_modules folder>, e.g. that of the current n8n in the runtime cache, runs the
 * tests with the n8n-core and n8n-workflow found there instead of the dev dependencies, so the engine
 * harness (test/helpers/runWorkflow.ts) is proven against each n8n version (.ci/run).
 */
function n8nPackagesFrom(folder) {
	if (!folder) return {};
	const entry = (name) => require.resolve(name, { paths: [resolve(folder)] });
	return { '^n8n-core$': entry('n8n-core'), '^n8n-workflow$': entry('n8n-workflow') };
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/bench/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: n8nPackagesFrom(process.env.N8N_PACKAGES_FROM),
  testTimeout: 60000,
  // Jest runs each test file in a vm context, where every read of a global (Math.exp, Number.isFinite,
  // new Float64Array) goes through the context's interceptor: 10-50x slower than in node, which made the
  // numeric tests the slowest of the suite. Jest passes these into each module as parameters instead.
  sandboxInjectedGlobals: [
    'Math', 'Number', 'Array', 'Object', 'String', 'Boolean', 'Symbol', 'JSON', 'Map', 'Set', 'WeakMap',
    'Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Uint16Array', 'Uint8Array', 'Int8Array',
    'BigInt', 'isFinite', 'isNaN', 'Infinity',
  ],
  // n8n-core keeps module-level handles alive after WorkflowExecute runs; they hold no test state.
  forceExit: true,
};
