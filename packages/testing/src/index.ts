export { withDatabase, withDatabaseName } from './admin.js';
export { createTestDatabase, type TestDatabase } from './database.js';
export { createTestWorkspace, type TestWorkspace, uniqueEmail } from './factories.js';
