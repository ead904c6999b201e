import { ContactService } from './contacts/service.js';
import { IdempotencyService } from './idempotency/idempotency.js';
import type { Repositories } from './ports.js';
import { SegmentService } from './segments/service.js';
import { WorkspaceService } from './workspaces/service.js';

/** Everything an adapter may call; each method takes the workspace explicitly. */
export interface Services {
  contacts: ContactService;
  segments: SegmentService;
  workspaces: WorkspaceService;
  idempotency: IdempotencyService;
}

export function createServices(repositories: Repositories, now: () => Date = () => new Date()): Services {
  return {
    contacts: new ContactService(repositories.contacts, repositories.segments, now),
    segments: new SegmentService(repositories.segments, repositories.contacts, now),
    workspaces: new WorkspaceService(repositories.workspaces, repositories.apiKeys, now),
    idempotency: new IdempotencyService(repositories.idempotency, now),
  };
}
