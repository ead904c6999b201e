export { withDatabase, withDatabaseName } from './admin.js';
export { createTestDatabase, type TestDatabase, tickingClock } from './database.js';
export { createTestWorkspace, type TestWorkspace, uniqueEmail } from './factories.js';
export { recordStatements } from './statements.js';
