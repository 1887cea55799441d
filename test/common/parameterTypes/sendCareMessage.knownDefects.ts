/** This node's cases in parameterTypes.node.test.ts whose fix is still due (see KNOWN_DEFECTS there). */
export const KNOWN_DEFECTS: Record<string, string> = {};
