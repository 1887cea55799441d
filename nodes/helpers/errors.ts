/** Moved to nodes/common; kept until every node imports nodes/common. */
export { errorItem, toNodeError } from '../common/errors';
