/** Moved to nodes/common (readAsOf); kept until every node imports nodes/common. */
export { readAsOf as getAsOf } from '../common/parameters';
